package net.connmonitor.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import net.connmonitor.probe.PingStats;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Records;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises a verticle in the same JVM: the monitor deployed in-process, records on the bus as
 * {@link MonitorRecord}s with the JSON form the README shows. (EmbeddingIT compiles and runs the README's example.)
 */
@ExtendWith(VertxExtension.class)
class EventBusContractTest {

  @TempDir
  Path dir;

  @Test
  void aVerticleInTheSameJvmReceivesEveryRecord(Vertx vertx, VertxTestContext test) throws Exception {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, "localhost ping=50 numpings=3 json=1 timestamp=0\n");

    vertx.eventBus().<MonitorRecord>consumer(Records.ADDRESS, message -> test.verify(() -> {
      assertTrue(message.body().measurement() instanceof PingStats, message.body().toString());
      // The README's JSON form of the record, as a consumer that wants a JsonObject gets it.
      JsonObject record = message.body().toJson();
      assertEquals("ping", record.getString("kind"));
      assertEquals("localhost", record.getString("name"));
      assertEquals("127.0.0.1", record.getString("addr"));
      assertTrue(Math.abs(record.getDouble("timestamp") - System.currentTimeMillis()) < 60_000, record.encode());
      JsonObject ping = record.getJsonObject("ping");
      assertEquals(0.0, ping.getDouble("loss"));
      assertTrue(ping.getDouble("min") > 0 && ping.getDouble("min") <= ping.getDouble("max"), ping.encode());
      assertEquals("true", message.headers().get(Records.HEADER_JSON));
      assertEquals("false", message.headers().get(Records.HEADER_TIMESTAMP));
      test.completeNow();
    }));
    vertx.deployVerticle(new MonitorVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("path", config.toString())))
        .onFailure(test::failNow);
  }
}
