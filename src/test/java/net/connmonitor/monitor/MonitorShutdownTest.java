package net.connmonitor.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.connmonitor.probe.PingStats;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Records;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the monitor (SIGTERM in the command line) lets every probe in flight finish and publish its record. */
@ExtendWith({VertxExtension.class, TestNetwork.class})
class MonitorShutdownTest {

  @TempDir
  Path dir;

  @Test
  void undeployingWaitsForTheBurstInFlightAndItsRecord(Vertx vertx, VertxTestContext test) throws Exception {
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, TestNetwork.DEAD_V4 + " ping=60000 numpings=2 timeout=1000\n");
    List<PingStats> received = new ArrayList<>();
    // One context for the consumer and the undeploy callback: the record must be in before undeploy completes.
    vertx.getOrCreateContext().runOnContext(start -> {
      vertx.eventBus().<MonitorRecord>consumer(Records.ADDRESS,
          message -> received.add((PingStats) message.body().measurement()));
      vertx.deployVerticle(new MonitorVerticle(), MonitorVerticleTest.options(config))
          // The only burst waits a second for its replies; undeploy while it does.
          .compose(id -> vertx.timer(200).compose(t -> vertx.undeploy(id)))
          .onComplete(test.succeeding(undeployed -> test.verify(() -> {
            assertEquals(List.of(PingStats.ALL_LOST), received);
            test.completeNow();
          })));
    });
  }
}
