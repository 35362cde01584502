package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import net.connmonitor.log.StderrCapture;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The warm-up's servers on loopback, scanned as a host is: no privilege or test network needed. */
@ExtendWith(VertxExtension.class)
class ScanWarmUpTest {

  @Test
  void everyRoundGetsAnAnswerOfEachServiceFromTheLoopbackServers(Vertx vertx, VertxTestContext test) {
    NetClient client = vertx.createNetClient();
    ScanWarmUp.run(vertx, client).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aScanOfTheLoopbackServersReadsWhatTheyServe(Vertx vertx, VertxTestContext test) throws Exception {
    LoopbackServers servers = LoopbackServers.start(vertx, LoopbackIdentity.create().keyCertOptions())
        .await(10, TimeUnit.SECONDS);
    ScanProbe probe = new ScanProbe(vertx, vertx.createNetClient(), new Target("localhost", LoopbackServers.ADDRESS),
        Duration.ofSeconds(5), servers.ports());
    probe.scan().onComplete(test.succeeding(scan -> test.verify(() -> {
      assertEquals(List.of("200", "connmonitor"), List.of(scan.http().orElseThrow().responseCode(),
          scan.http().orElseThrow().server()));
      assertEquals(List.of("200", "connmonitor"), List.of(scan.https().orElseThrow().responseCode(),
          scan.https().orElseThrow().server()));
      assertEquals("10.11.0-MariaDB", scan.mysql().orElseThrow().version());
      servers.close().onComplete(test.succeedingThenComplete());
    })));
  }

  @Test
  void aFailedWarmUpIsSaidOnceAndLetsTheScansGoOn(Vertx vertx) throws Exception {
    NetClient closed = vertx.createNetClient();
    closed.close().await(10, TimeUnit.SECONDS);
    try (StderrCapture stderr = StderrCapture.start()) {
      ScanWarmUp.warmUp(vertx, closed).get(20, TimeUnit.SECONDS);
      List<String> lines = stderr.lines();
      assertEquals(1, lines.size(), stderr.text());
      assertTrue(lines.get(0).startsWith("WW: the scan warm-up on loopback failed (no answer over HTTP, HTTPS, MySQL);"
          + " the first scans may read slower than the later -\t"), lines.get(0));
    }
  }

  @Test
  void theProcessWarmsUpOnce(Vertx vertx) throws Exception {
    CompletionStage<Void> first = ScanWarmUp.ofProcess(vertx, vertx.createNetClient());
    assertSame(first, ScanWarmUp.ofProcess(vertx, vertx.createNetClient()));
    // Over before this Vert.x closes, if this test started it.
    first.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
