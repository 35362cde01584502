package net.connmonitor.http;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import net.connmonitor.log.Problems;
import net.connmonitor.metrics.PrometheusMetrics;
import net.connmonitor.metrics.ScrapeOutput;
import net.connmonitor.monitor.MonitorVerticle;
import net.connmonitor.monitor.ReloadOutcome;

/**
 * The HTTP endpoints of {@code --listen}, on the monitor's own Vert.x: {@code GET /metrics} (Prometheus's text
 * format, or OpenMetrics or protobuf when the {@code Accept} header asks for it, gzipped when the
 * {@code Accept-Encoding} header allows it), {@code GET /-/healthy}, {@code GET /-/ready}
 * and {@code POST /-/reload}, which does what SIGHUP does and answers with the outcome; and the operator's page.
 *
 * <p>Deploy it as a worker verticle: a scrape of ten thousand hosts takes some fifty milliseconds of CPU, which must
 * not hold up an event loop that runs hosts.
 */
public final class HttpEndpoints extends VerticleBase {

  private static final String TEXT = "text/plain; charset=utf-8";
  /** Applying a configuration of many thousands of hosts takes seconds; a reload answers when it is done. */
  private static final long RELOAD_TIMEOUT_MS = 120_000;

  private record Route(HttpMethod method, Handler<HttpServerRequest> handler) {
  }

  private final ListenAddress address;
  private final PrometheusMetrics metrics;
  private final BooleanSupplier applied;
  private final Map<String, Route> routes = new HashMap<>(Map.of(
      "/metrics", new Route(HttpMethod.GET, this::scrape),
      "/-/healthy", new Route(HttpMethod.GET, request -> answer(request, 200, "connmonitor is healthy.")),
      "/-/ready", new Route(HttpMethod.GET, this::ready),
      "/-/reload", new Route(HttpMethod.POST, this::reload)));

  /**
   * @param applied whether the monitor has applied its configuration (ready)
   * @param pages   more paths answering GET: the operator's page ({@code net.connmonitor.view.Page#routes()})
   */
  public HttpEndpoints(ListenAddress address, PrometheusMetrics metrics, BooleanSupplier applied,
      Map<String, Handler<HttpServerRequest>> pages) {
    this.address = address;
    this.metrics = metrics;
    this.applied = applied;
    pages.forEach((path, handler) -> routes.put(path, new Route(HttpMethod.GET, handler)));
  }

  /** Fails when the address cannot be listened on (taken, not this machine's). */
  @Override
  public Future<?> start() {
    return new ConnectionGuard(vertx).guard(vertx.createHttpServer(ConnectionGuard.options()), this::handle)
        .listen(address.port(), address.host());
  }

  private void handle(HttpServerRequest request) {
    Route route = routes.get(request.path());
    if (route == null) {
      answer(request, 404, "not found: " + request.path() + " (connmonitor serves its page at /, /metrics, "
          + "/-/healthy, /-/ready and /-/reload)");
    } else if (!route.method().equals(request.method()) && !headOfGet(route, request)) {
      request.response().putHeader(HttpHeaders.ALLOW, route.method().name());
      answer(request, 405, request.method() + " is not allowed on " + request.path() + ": use " + route.method());
    } else {
      route.handler().handle(request);
    }
  }

  /** HEAD is GET without the body: the same headers, the length of the body GET would have. */
  private static boolean headOfGet(Route route, HttpServerRequest request) {
    return route.method().equals(HttpMethod.GET) && request.method().equals(HttpMethod.HEAD);
  }

  private void scrape(HttpServerRequest request) {
    ExpositionFormatWriter format = metrics.format(request.getHeader(HttpHeaders.ACCEPT));
    boolean gzip = ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    ScrapeOutput body = new ScrapeOutput();
    try {
      metrics.scrape(format, body);
      if (gzip) {
        body = ContentCoding.gzip(body);
      }
    } catch (IOException e) {
      // Written to memory: only the client library's own failure can land here.
      answer(request, 500, "cannot write the metrics (" + Problems.describe(e) + ")");
      return;
    }
    HttpServerResponse response = request.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, format.getContentType())
        .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
    if (gzip) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    if (!request.method().equals(HttpMethod.HEAD)) {
      body.forEachChunk((chunk, length) -> response.write(Buffer.buffer(length).appendBytes(chunk, 0, length)));
    }
    response.end();
  }

  private void ready(HttpServerRequest request) {
    if (applied.getAsBoolean()) {
      answer(request, 200, "connmonitor is ready.");
    } else {
      answer(request, 503, "connmonitor is not ready: its configuration is not applied yet.");
    }
  }

  private void reload(HttpServerRequest request) {
    vertx.eventBus().<JsonObject>request(MonitorVerticle.RELOAD_ADDRESS, null,
            new DeliveryOptions().setSendTimeout(RELOAD_TIMEOUT_MS))
        .onSuccess(reply -> {
          ReloadOutcome outcome = ReloadOutcome.fromJson(reply.body());
          answer(request, status(outcome.result()), String.join("\n", outcome.lines()));
        })
        .onFailure(e -> {
          if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
            answer(request, 503, "connmonitor is not ready: its configuration is not applied yet.");
          } else {
            answer(request, 500, "the reload did not answer (" + Problems.describe(e) + ")");
          }
        });
  }

  /**
   * 422: the request was right, the file it had read is not; 409: the configuration came from standard input, which
   * the running monitor cannot read again, so no reload can succeed in this state; 503: the process is out of file
   * descriptors, and the reload is tried again; 500: the file cannot be read, and the monitor stops.
   */
  private static int status(ReloadOutcome.Result result) {
    return switch (result) {
      case APPLIED -> 200;
      case INVALID -> 422;
      case NOT_A_FILE -> 409;
      case RETRYING -> 503;
      case UNREADABLE -> 500;
    };
  }

  private static void answer(HttpServerRequest request, int status, String text) {
    HttpServerResponse response = request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, TEXT);
    Buffer body = Buffer.buffer(text + "\n");
    if (request.method().equals(HttpMethod.HEAD)) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length())).end();
    } else {
      response.end(body);
    }
  }
}
