package net.connmonitor.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import net.connmonitor.os.ListeningSockets;
import net.connmonitor.probe.ScanClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The warm-up, in this JVM: no privilege or test network needed. */
@ExtendWith(VertxExtension.class)
class ScanWarmUpTest {

  @Test
  void theWarmUpRunsWithoutASocketListeningAtAnyMoment(Vertx vertx) throws Exception {
    long self = ProcessHandle.current().pid();
    List<String> listening = new ArrayList<>(ListeningSockets.of(self));
    assertEquals(List.of(), listening, "before the warm-up");
    CompletableFuture<Void> warmUp = ScanWarmUp.run(vertx, ScanClient.create(vertx, ScanWarmUp::ofProcess))
        .toCompletionStage().toCompletableFuture();
    while (!warmUp.isDone()) {
      listening.addAll(ListeningSockets.of(self));
      Thread.sleep(1);
    }
    warmUp.get();
    assertEquals(List.of(), listening);
  }

  @Test
  void tlsInMemoryCarriesTheRequestAndTheResponseOverEachVersion() throws Exception {
    String response = "HTTP/1.1 200 OK\r\n\r\n";
    List<InMemoryTls.Exchanged> exchanged = InMemoryTls.create().exchange(
        "HEAD / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), response.getBytes(StandardCharsets.US_ASCII));
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), exchanged.stream().map(InMemoryTls.Exchanged::version).toList());
    for (InMemoryTls.Exchanged one : exchanged) {
      assertEquals(response, new String(one.response(), StandardCharsets.US_ASCII), one.version());
    }
  }

  @Test
  void theProcessWarmsUpOnce(Vertx vertx) throws Exception {
    CompletionStage<Void> first = ScanWarmUp.ofProcess(vertx, ScanClient.create(vertx, ScanWarmUp::ofProcess));
    assertSame(first, ScanWarmUp.ofProcess(vertx, ScanClient.create(vertx, ScanWarmUp::ofProcess)));
    // Over before this Vert.x closes, if this test started it.
    first.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
