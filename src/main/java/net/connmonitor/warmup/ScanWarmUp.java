package net.connmonitor.warmup;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.probe.HttpResponseHead;
import net.connmonitor.probe.MysqlGreeting;
import net.connmonitor.probe.ScanClient;
import net.connmonitor.probe.ScanProbe;

/**
 * Pays before the first scan what a fresh JVM spends on it: loading and linking the classes of connecting, TLS and
 * parsing, setting TLS up, and running that code interpreted until it is compiled. Inside a first scan this read
 * 200 to 750 ms where the later scans of the same servers read 2 to 20. So the process first runs that code a few
 * times without any server: the scan's own dialogues against a port of loopback that nobody listens on (the
 * connecting, on every event loop), a TLS handshake and exchange between two engines in memory for each version of
 * TLS, and the parsers on the bytes a web server and MariaDB send. No socket listens at any moment: a monitor asked
 * for no port has none, not even for the time of its warm-up.
 *
 * <p>Once per process, since what it pays for (loaded classes, compiled code, the JDK's TLS set-up) belongs to the
 * process; only the scans wait for it, and only if some host scans. It never stops a scan: what went wrong is said
 * once as a warning, and the first scans then read slow as they did.
 */
public final class ScanWarmUp {

  /**
   * Rounds of it. The first pays nearly all (loading, TLS set-up); the others run the code on every event loop
   * thread and let the hottest of it be compiled.
   */
  private static final int ROUNDS = 10;
  /** Loopback refuses at once; this only bounds a loopback that does not. */
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** No first scan waits longer than this, whatever happens to the warm-up. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String LOOPBACK = "127.0.0.1";
  /** What a scan of this machine by the name {@code localhost} asks. */
  private static final byte[] HTTP_REQUEST = ScanProbe.headRequest("localhost").getBytes();
  private static final byte[] HTTP_RESPONSE = ("HTTP/1.1 200 OK\r\nServer: connmonitor\r\nContent-Length: 0\r\n"
      + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  /** As MariaDB greets, with the prefix old MySQL clients need, so that removing it is part of the run. */
  private static final String MYSQL_VERSION = "5.5.5-10.11.0-MariaDB";

  private static CompletableFuture<Void> ofProcess;

  private ScanWarmUp() {
  }

  /**
   * The process's warm-up, started by the first call: completes when it is over, however it went; never fails. A
   * {@link ScanClient.WarmUp}.
   */
  public static synchronized CompletionStage<Void> ofProcess(Vertx vertx, ScanClient scanner) {
    if (ofProcess == null) {
      ofProcess = warmUp(vertx, scanner);
    }
    return ofProcess;
  }

  /**
   * A warm-up that warns about a failure instead of failing. Its deadline is kept by the JDK rather than by Vert.x,
   * whose timers stop when it closes, so that the scans of another Vert.x in the same process never wait forever.
   */
  private static CompletableFuture<Void> warmUp(Vertx vertx, ScanClient scanner) {
    CompletableFuture<Void> over = new CompletableFuture<>();
    scanner.context(0, 0).runOnContext(go -> run(vertx, scanner).onComplete(result -> {
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
        Log.warn("the scan warm-up failed (" + why + "); the first scans may read slower than the later");
      }
      return null;
    });
  }

  /** The warm-up itself, on the caller's context: fails with what went wrong. */
  static Future<Void> run(Vertx vertx, ScanClient scanner) {
    InMemoryTls tls;
    try {
      tls = InMemoryTls.create();
    } catch (GeneralSecurityException e) {
      return Future.failedFuture("cannot set TLS up: " + Problems.describe(e));
    }
    // Bound and never listening: every connection to it is refused at once, and nobody can connect.
    Socket closed = new Socket();
    try {
      closed.bind(new InetSocketAddress(LOOPBACK, 0));
    } catch (IOException e) {
      return Future.failedFuture("cannot find a closed port on loopback: " + Problems.describe(e));
    }
    ScanProbe.Ports ports = new ScanProbe.Ports(closed.getLocalPort(), closed.getLocalPort(), closed.getLocalPort());
    return rounds(vertx, scanner, tls, ports, ROUNDS).eventually(() -> {
      try {
        closed.close();
      } catch (IOException e) {
        // Only a bound socket: nothing was written that closing could lose.
      }
      return Future.succeededFuture();
    });
  }

  private static Future<Void> rounds(Vertx vertx, ScanClient scanner, InMemoryTls tls, ScanProbe.Ports ports,
      int left) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    try {
      for (InMemoryTls.Exchanged exchanged : tls.exchange(HTTP_REQUEST, HTTP_RESPONSE)) {
        String heard = HttpResponseHead.parse(Buffer.buffer(exchanged.response()))
            .map(HttpResponseHead::statusCode).orElse("nothing");
        if (!heard.equals("200")) {
          return Future.failedFuture("the HTTP parser read " + heard + " over " + exchanged.version());
        }
      }
      Optional<String> version = MysqlGreeting.version(greeting());
      if (version.isEmpty()) {
        return Future.failedFuture("the MySQL parser read no version");
      }
    } catch (SSLException e) {
      return Future.failedFuture("TLS in memory failed: " + Problems.describe(e));
    }
    // A probe per round: each has event loops of its own, so the rounds go over every event loop thread.
    ScanProbe probe = new ScanProbe(vertx, scanner, "localhost", LOOPBACK, TIMEOUT, ports);
    return probe.scan().compose(scan -> rounds(vertx, scanner, tls, ports, left - 1));
  }

  /**
   * A protocol 10 greeting: the 3-byte little-endian payload length and sequence 0, then the protocol version, the
   * server version ending in NUL, a connection id and the first 8 bytes of the authentication challenge.
   */
  private static Buffer greeting() {
    Buffer payload = Buffer.buffer()
        .appendByte((byte) 10)
        .appendString(MYSQL_VERSION, StandardCharsets.US_ASCII.name())
        .appendByte((byte) 0)
        .appendIntLE(1)
        .appendString("warm-up!", StandardCharsets.US_ASCII.name())
        .appendByte((byte) 0);
    return Buffer.buffer()
        .appendMediumLE(payload.length())
        .appendByte((byte) 0)
        .appendBuffer(payload);
  }
}
