package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.record.Target;

/**
 * Pays before the first scan what a fresh JVM spends on it: loading and linking the classes of connecting, TLS and
 * parsing, setting TLS up, and running that code interpreted until it is compiled. Inside a first scan this read
 * 200 to 750 ms where the later scans of the same servers read 2 to 20. So the process first scans servers of its
 * own on loopback a few times, with the very code a host's scan runs, and closes them.
 *
 * <p>Once per process, since what it pays for (loaded classes, compiled code, the JDK's TLS set-up) belongs to the
 * process; only the scans wait for it, and only if some host scans. It never stops a scan: what went wrong is said
 * once as a warning, and the first scans then read slow as they did.
 */
final class ScanWarmUp {

  /**
   * Scans of loopback. The first pays nearly all (loading, TLS set-up); the others run the code on every event loop
   * thread and let the hottest of it be compiled. Measured: 5, 10 and 20 rounds leave the first scan alike, 10 cost
   * about half a second.
   */
  private static final int ROUNDS = 10;
  /** Loopback answers at once; this only bounds a loopback that does not. */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** No first scan waits longer than this, whatever happens to the warm-up. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static CompletableFuture<Void> ofProcess;

  private ScanWarmUp() {
  }

  /** The process's warm-up, started by the first call: completes when it is over, however it went; never fails. */
  static synchronized CompletionStage<Void> ofProcess(Vertx vertx, NetClient client) {
    if (ofProcess == null) {
      ofProcess = warmUp(vertx, client);
    }
    return ofProcess;
  }

  /**
   * A warm-up that warns about a failure instead of failing. Its deadline is kept by the JDK rather than by Vert.x,
   * whose timers stop when it closes, so that the scans of another Vert.x in the same process never wait forever.
   */
  static CompletableFuture<Void> warmUp(Vertx vertx, NetClient client) {
    CompletableFuture<Void> over = new CompletableFuture<>();
    Context own = ((VertxInternal) vertx).createEventLoopContext();
    own.runOnContext(go -> run(vertx, client).onComplete(result -> {
      if (result.succeeded()) {
        over.complete(null);
      } else {
        over.completeExceptionally(result.cause());
      }
    }));
    return over.orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).handle((done, failure) -> {
      if (failure != null) {
        String why = failure instanceof TimeoutException
            ? "not over within " + DEADLINE.toSeconds() + " s"
            : Problems.describe(failure);
        Log.warn("the scan warm-up on loopback failed (" + why + "); the first scans may read slower than the later");
      }
      return null;
    });
  }

  /** The warm-up itself, on the caller's context: fails with what went wrong. */
  static Future<Void> run(Vertx vertx, NetClient client) {
    KeyCertOptions identity;
    try {
      identity = LoopbackIdentity.create().keyCertOptions();
    } catch (GeneralSecurityException e) {
      return Future.failedFuture("cannot make a certificate: " + Problems.describe(e));
    }
    return LoopbackServers.start(vertx, identity)
        .compose(servers -> rounds(vertx, client, servers.ports(), ROUNDS).eventually(servers::close));
  }

  private static Future<Void> rounds(Vertx vertx, NetClient client, ScanProbe.Ports ports, int left) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    // A probe per round: each has event loops of its own, so the rounds go over every event loop thread.
    ScanProbe probe = new ScanProbe(vertx, client, new Target("localhost", LoopbackServers.ADDRESS), TIMEOUT, ports);
    return probe.scan().compose(scan -> {
      List<String> silent = new ArrayList<>();
      if (scan.http().isEmpty()) {
        silent.add("HTTP");
      }
      if (scan.https().isEmpty()) {
        silent.add("HTTPS");
      }
      if (scan.mysql().isEmpty()) {
        silent.add("MySQL");
      }
      return silent.isEmpty()
          ? rounds(vertx, client, ports, left - 1)
          : Future.failedFuture("no answer over " + String.join(", ", silent));
    });
  }
}
