package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLSession;

/**
 * One service of a service scan: connect (within the timeout), optionally start TLS, send a request, then read
 * (within the timeout again) until the answer is complete or the server closes. A refused, timed-out or broken
 * conversation yields nothing; only a connection this machine could not even try fails, with a {@link LocalFailure}.
 *
 * <p>A dialogue runs on an event-loop context given to it ({@link ScanClient}), so its socket lives on that context's
 * event loop and its bytes are timed on the thread that reads them; the outcome is handed back on the caller's
 * context.
 */
final class TcpDialogue {

  /** A probe trusts any certificate: it asks whether TLS answers, not whom to trust. */
  private static final ClientSSLOptions ANY_CERTIFICATE =
      new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm("");

  /**
   * @param rttNanos from starting the connection to the first bytes of the answer
   * @param answer   the bytes read until the answer was complete or the server closed
   * @param tls      the TLS session the answer came over, when TLS was started
   */
  record Heard(long rttNanos, Buffer answer, Optional<SSLSession> tls) {
  }

  private final Vertx vertx;
  private final NetClient client;
  private final Duration timeout;
  private final Context own;

  TcpDialogue(Vertx vertx, NetClient client, Context own, Duration timeout) {
    this.vertx = vertx;
    this.client = client;
    this.own = own;
    this.timeout = timeout;
  }

  /**
   * @param tlsServerName when present, TLS is started after connecting, with this name for SNI (empty string: none)
   * @param request       sent once connected (and TLS is up); empty for a server that speaks first
   * @param complete      whether the bytes read so far are a whole answer
   */
  Future<Optional<Heard>> talk(SocketAddress server, Optional<String> tlsServerName, Buffer request,
      Predicate<Buffer> complete) {
    Context caller = vertx.getOrCreateContext();
    Promise<Optional<Heard>> outcome = Promise.promise();
    own.runOnContext(go -> {
      long startedAt = System.nanoTime();
      ConnectOptions options = new ConnectOptions().setRemoteAddress(server).setTimeout(millis(timeout));
      connect(options)
          .compose(socket -> new Conversation(socket, startedAt, complete).run(tlsServerName, request))
          .recover(failure -> LocalFailure.of(failure, "connect to " + server)
              .<Future<Optional<Heard>>>map(Future::failedFuture)
              .orElse(Future.succeededFuture(Optional.empty())))
          .onComplete(heard -> caller.runOnContext(back -> outcome.handle(heard)));
    });
    return outcome.future();
  }

  /** A closed client throws rather than fail the future; either way there is no conversation, not a hang. */
  private Future<NetSocket> connect(ConnectOptions options) {
    try {
      return client.connect(options);
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
  }

  private final class Conversation {

    private final NetSocket socket;
    private final long startedAt;
    private final Predicate<Buffer> complete;
    private final Buffer received = Buffer.buffer();
    private final Promise<Optional<Heard>> result = Promise.promise();
    private long firstBytesAt;
    private Optional<SSLSession> tls = Optional.empty();

    Conversation(NetSocket socket, long startedAt, Predicate<Buffer> complete) {
      this.socket = socket;
      this.startedAt = startedAt;
      this.complete = complete;
    }

    Future<Optional<Heard>> run(Optional<String> tlsServerName, Buffer request) {
      long timer = vertx.setTimer(millis(timeout), fired -> end(Optional.empty()));
      result.future().onComplete(done -> {
        vertx.cancelTimer(timer);
        socket.close();
      });
      socket.handler(this::read);
      socket.closeHandler(closed -> end(heard()));
      socket.exceptionHandler(e -> end(Optional.empty()));
      Future<Void> ready = tlsServerName
          .map(name -> socket.upgradeToSsl(ANY_CERTIFICATE, name.isEmpty() ? null : name))
          .orElse(Future.succeededFuture());
      ready.onSuccess(up -> {
        // Judged once the answer is in, so that judging it does not delay the request that is timed.
        tls = Optional.ofNullable(socket.sslSession());
        if (request.length() > 0) {
          socket.write(request);
        }
      }).onFailure(e -> end(Optional.empty()));
      return result.future();
    }

    private void read(Buffer data) {
      if (received.length() == 0) {
        firstBytesAt = System.nanoTime();
      }
      received.appendBuffer(data);
      if (complete.test(received)) {
        end(heard());
      }
    }

    private Optional<Heard> heard() {
      return received.length() == 0 ? Optional.empty()
          : Optional.of(new Heard(firstBytesAt - startedAt, received, tls));
    }

    private void end(Optional<Heard> outcome) {
      result.tryComplete(outcome);
    }
  }

  /** Vert.x takes whole milliseconds; at least one, so that a tiny timeout still means "very short", not "none". */
  private static int millis(Duration duration) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
  }
}
