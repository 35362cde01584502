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

  /**
   * Reading the system's trust store is disk and parsing (50 to 110 ms in a fresh JVM): a worker's, not the event
   * loop's of the first scan, which asks for it as it waits for the warm-up.
   */
  @Test
  void aWorkerReadsTheTrustStoreWhenTheFirstScanWaitsOnAnEventLoop(Vertx vertx) throws Exception {
    CompletableFuture<Thread> reader = new CompletableFuture<>();
    CompletableFuture<Boolean> readOnEventLoop = new CompletableFuture<>();
    CompletableFuture<Boolean> readOnWorker = new CompletableFuture<>();
    CompletableFuture<ChainCheck> read = new CompletableFuture<>();
    ScanClient client = ScanClient.create(vertx, (v, scanner) -> CompletableFuture.completedFuture(null), () -> {
      reader.complete(Thread.currentThread());
      readOnEventLoop.complete(Context.isOnEventLoopThread());
      readOnWorker.complete(Context.isOnWorkerThread());
      ChainCheck chains = ChainCheck.ofSystem();
      read.complete(chains);
      return chains;
    });
    CompletableFuture<Thread> scan = new CompletableFuture<>();
    CompletableFuture<Boolean> scanOnEventLoop = new CompletableFuture<>();
    // As a scan's run() does on its host's context.
    vertx.runOnContext(go -> {
      scan.complete(Thread.currentThread());
      scanOnEventLoop.complete(Context.isOnEventLoopThread());
      client.warmedUp();
    });
    assertTrue(scanOnEventLoop.get(10, TimeUnit.SECONDS), "the scan waits on an event loop, as a host's does");
    Thread thread = reader.get(10, TimeUnit.SECONDS);
    assertNotSame(scan.get(), thread);
    assertFalse(readOnEventLoop.get(), thread.getName());
    assertTrue(readOnWorker.get(), thread.getName());
    assertSame(read.get(10, TimeUnit.SECONDS), client.chains().toCompletableFuture().get(10, TimeUnit.SECONDS));
    client.close().await();
  }
}
