package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the scans share, made in this JVM: no privilege or test network needed. */
@ExtendWith(VertxExtension.class)
class ScanClientTest {

  /** Reading the system's trust store is disk and parsing: a worker's, not an event loop's, and not left to a scan. */
  @Test
  void aWorkerReadsTheTrustStoreAsTheClientIsMadeOnAnEventLoop(Vertx vertx) throws Exception {
    CompletableFuture<Thread> maker = new CompletableFuture<>();
    CompletableFuture<Thread> reader = new CompletableFuture<>();
    CompletableFuture<Boolean> madeOnEventLoop = new CompletableFuture<>();
    CompletableFuture<Boolean> readOnEventLoop = new CompletableFuture<>();
    CompletableFuture<Boolean> readOnWorker = new CompletableFuture<>();
    CompletableFuture<ChainCheck> read = new CompletableFuture<>();
    CompletableFuture<ScanClient> made = new CompletableFuture<>();
    vertx.runOnContext(go -> {
      maker.complete(Thread.currentThread());
      madeOnEventLoop.complete(Context.isOnEventLoopThread());
      made.complete(ScanClient.create(vertx, (v, scanner) -> CompletableFuture.completedFuture(null), () -> {
        reader.complete(Thread.currentThread());
        readOnEventLoop.complete(Context.isOnEventLoopThread());
        readOnWorker.complete(Context.isOnWorkerThread());
        ChainCheck chains = ChainCheck.ofSystem();
        read.complete(chains);
        return chains;
      }));
    });
    ScanClient client = made.get(10, TimeUnit.SECONDS);
    assertTrue(madeOnEventLoop.get(), "made on an event loop, as the monitor makes it");
    // Read without any scan asking for it.
    Thread thread = reader.get(10, TimeUnit.SECONDS);
    assertNotSame(maker.get(), thread);
    assertFalse(readOnEventLoop.get(), thread.getName());
    assertTrue(readOnWorker.get(), thread.getName());
    assertSame(read.get(10, TimeUnit.SECONDS), client.chains().toCompletableFuture().get(10, TimeUnit.SECONDS));
    client.close().await();
  }
}
