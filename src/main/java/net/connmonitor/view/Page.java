package net.connmonitor.view;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordSubscription;
import net.connmonitor.record.Records;

/**
 * The operator's page on {@code --listen}: {@code GET /}, an overview of every host, and {@code GET /host?id=N}, a
 * host's graphs of the last 3 and 24 hours, its routes and scans; both updated live. As a verticle it consumes the
 * records on {@link Records#ADDRESS} (every node's, on a collector) into each host's bounded history and ticks the
 * live feed once a second; {@link #routes()} are the GET routes the HTTP endpoints serve. It exists only with
 * {@code --listen}: without it nothing is kept and nothing consumes the records.
 */
public final class Page extends VerticleBase {

  /** The overview's small graph of each host: its last 30 minutes. */
  static final int SPARK_POINTS = 90;
  private static final long FORGET_EVERY_MS = 60_000;
  private static final String DIR = "/net/connmonitor/view/";

  private final Clock clock;
  private final RecordSubscription subscription;
  private final Histories histories = new Histories();
  private final LiveFeed live = new LiveFeed(histories);
  private final Map<String, Assets.Asset> assets = Assets.load(DIR + "overview.html", DIR + "host.html",
      DIR + "style.css", DIR + "format.js", DIR + "graph.js", DIR + "overview.js", DIR + "host.js");

  /**
   * @param clock     the time the graphs end at and the overview's figures are taken up to
   * @param everyNode in a cluster, show every node's records (the collector), not only this node's
   */
  public Page(Clock clock, boolean everyNode) {
    this.clock = clock;
    this.subscription = new RecordSubscription(everyNode, this::keep);
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(1000, id -> live.tick());
    vertx.setPeriodic(FORGET_EVERY_MS, id -> histories.forgetSilent(clock.millis()));
    return subscription.open(vertx);
  }

  private void keep(Message<Object> message) {
    if (message.body() instanceof MonitorRecord record) {
      histories.add(record);
    }
  }

  /** For the collector, when the cluster's members change: see {@link RecordSubscription#renew()}. */
  public void subscribeAgain() {
    subscription.renew();
  }

  /** The page's paths, each answering GET. */
  public Map<String, Handler<HttpServerRequest>> routes() {
    Map<String, Handler<HttpServerRequest>> routes = new LinkedHashMap<>();
    routes.put("/", request -> serve(request, DIR + "overview.html"));
    routes.put("/host", request -> serve(request, DIR + "host.html"));
    for (String asset : List.of("style.css", "format.js", "graph.js", "overview.js", "host.js")) {
      routes.put("/view/" + asset, request -> serve(request, DIR + asset));
    }
    routes.put("/view/hosts.json", this::overview);
    routes.put("/view/host.json", request -> host(request).ifPresent(host -> answer(request,
        ViewJson.host(clock.millis(), host.detail(clock.millis())))));
    routes.put("/view/events", request -> {
      if (request.getParam("id") == null) {
        openFeed(request, null);
      } else {
        host(request).ifPresent(host -> openFeed(request, host));
      }
    });
    return routes;
  }

  private void serve(HttpServerRequest request, String name) {
    Assets.Asset asset = assets.get(name);
    request.response().putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(asset.content());
  }

  private void overview(HttpServerRequest request) {
    OverviewQuery query;
    try {
      query = OverviewQuery.parse(request::getParam);
    } catch (IllegalArgumentException e) {
      problem(request, 400, e.getMessage());
      return;
    }
    long now = clock.millis();
    int total = 0;
    List<HostHistory> matched = new ArrayList<>();
    for (HostHistory host : histories.all()) {
      total++;
      if (query.matches(host.target(), host.vantage())) {
        matched.add(host);
      }
    }
    // Sorted by name or address, only the rows shown need their figures: at ten thousand hosts, a tenth of the time.
    List<HostHistory.Summary> rows;
    if (query.sort().byFigure()) {
      List<HostHistory.Summary> all = new ArrayList<>(matched.size());
      matched.forEach(host -> all.add(host.summary(now)));
      all.sort(query.order());
      rows = page(all, query);
    } else {
      List<HostHistory> sorted = new ArrayList<>(matched);
      sorted.sort(Comparator.comparing(HostHistory::target, query.targetOrder()).thenComparingInt(HostHistory::id));
      rows = page(sorted, query).stream().map(host -> host.summary(now)).toList();
    }
    List<Series> sparks = rows.stream()
        .map(row -> row.host().recentSeries(now, SPARK_POINTS)).toList();
    answer(request, ViewJson.overview(now, total, matched.size(), query, rows, sparks));
  }

  private static <T> List<T> page(List<T> sorted, OverviewQuery query) {
    return sorted.subList(Math.min(query.offset(), sorted.size()),
        Math.min(sorted.size(), query.offset() + query.limit()));
  }

  /** The host that {@code ?id=} names, or empty after answering 400 or 404. */
  private Optional<HostHistory> host(HttpServerRequest request) {
    String id = request.getParam("id");
    Optional<HostHistory> host;
    try {
      host = id == null ? Optional.empty() : histories.byId(Integer.parseInt(id));
    } catch (NumberFormatException e) {
      problem(request, 400, "id=" + id + ": expected a host's number");
      return Optional.empty();
    }
    if (host.isEmpty()) {
      problem(request, 404, id == null ? "expected ?id= and a host's number" : "no host numbered " + id);
    }
    return host;
  }

  private void openFeed(HttpServerRequest request, HostHistory host) {
    if (!live.open(request, host)) {
      problem(request, 503, LiveFeed.MAX_STREAMS + " live pages are open already; close one");
    }
  }

  private static void answer(HttpServerRequest request, JsonObject json) {
    request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(json.toBuffer());
  }

  private static void problem(HttpServerRequest request, int status, String text) {
    request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(text + "\n");
  }
}
