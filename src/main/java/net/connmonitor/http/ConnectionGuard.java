package net.connmonitor.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Bounds what clients of the endpoints can hold: at most {@link #MAX_CONNECTIONS} connections at once (more are
 * closed as they come), and a connection that has no request under way must send a request's headers within
 * {@link #REQUEST_TIMEOUT_MS}: an idle connection, or one that sends its headers a byte at a time, is closed then.
 * Without these, a few hundred idle clients take the process's file descriptors, and with them its scans and the
 * reading of its configuration. A request under way (a reload can take minutes) is never cut.
 *
 * <p>Everything runs on the server's context, one thread at a time.
 */
final class ConnectionGuard {

  /** Prometheus and a few health checks need a handful; the rest of the descriptors belong to the measuring. */
  static final int MAX_CONNECTIONS = 64;
  /** Far more than a scraper on any network takes to send a request, and short enough to free a descriptor soon. */
  static final long REQUEST_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final int maxConnections;
  private final long requestTimeoutMs;
  /** Each open connection, with its timer while it waits for a request's headers (null while one is under way). */
  private final Map<HttpConnection, Long> waiting = new IdentityHashMap<>();

  ConnectionGuard(Vertx vertx) {
    this(vertx, MAX_CONNECTIONS, REQUEST_TIMEOUT_MS);
  }

  ConnectionGuard(Vertx vertx, int maxConnections, long requestTimeoutMs) {
    this.vertx = vertx;
    this.maxConnections = maxConnections;
    this.requestTimeoutMs = requestTimeoutMs;
  }

  /**
   * Options for a server to guard. HTTP/2 without TLS is off: with it on, a connection is not handed to the server
   * (nor to the guard) before its first bytes tell which protocol it speaks, so a client that sends nothing would go
   * unseen; Prometheus speaks HTTP/1.1.
   */
  static HttpServerOptions options() {
    return new HttpServerOptions().setHttp2ClearTextEnabled(false);
  }

  /**
   * Guards the connections of {@code server}, made with {@link #options()}, and has {@code handler} serve their
   * requests.
   */
  HttpServer guard(HttpServer server, Handler<HttpServerRequest> handler) {
    return server.connectionHandler(this::opened).requestHandler(request -> {
      HttpConnection connection = request.connection();
      cancelTimer(connection);
      request.response().endHandler(ended -> {
        if (waiting.containsKey(connection)) {
          awaitRequest(connection);
        }
      });
      handler.handle(request);
    });
  }

  private void opened(HttpConnection connection) {
    if (waiting.size() >= maxConnections) {
      connection.close();
      return;
    }
    connection.closeHandler(closed -> {
      Long timer = waiting.remove(connection);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
    });
    awaitRequest(connection);
  }

  private void awaitRequest(HttpConnection connection) {
    cancelTimer(connection);
    waiting.put(connection, vertx.setTimer(requestTimeoutMs, fired -> {
      waiting.put(connection, null);
      connection.close();
    }));
  }

  private void cancelTimer(HttpConnection connection) {
    Long timer = waiting.get(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
      waiting.put(connection, null);
    }
  }
}
