package net.connmonitor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import net.connmonitor.http.HttpEndpoints;
import net.connmonitor.http.ListenAddress;
import net.connmonitor.metrics.PrometheusMetrics;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordCodec;
import net.connmonitor.record.Records;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The page's routes on the HTTP endpoints, fed with records published on the event bus as the monitor does. */
@ExtendWith(VertxExtension.class)
class PageTest {

  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Target web = new Target("web", "198.18.10.2", new TreeMap<>(Map.of("site", "lab")));
  private final Target lossy = new Target("lossy", "198.18.11.2");
  private String base;

  @BeforeEach
  void serve(Vertx vertx) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    RecordCodec.registerOn(vertx.eventBus());
    Page page = new Page(Clock.systemUTC(), false);
    vertx.deployVerticle(page).await(10, TimeUnit.SECONDS);
    vertx.deployVerticle(new HttpEndpoints(ListenAddress.parse("127.0.0.1:" + port),
            new PrometheusMetrics(Clock.systemUTC()), () -> true, page.routes()),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);
  }

  private static void publish(Vertx vertx, MonitorRecord record) {
    vertx.eventBus().publish(Records.ADDRESS, record);
  }

  @Test
  void theOverviewListsEveryHostWithItsFiguresSortedAndFiltered(Vertx vertx) throws Exception {
    Instant now = Instant.now();
    publish(vertx, new MonitorRecord(web, now, new PingStats(1, 2, 3, 0.5, 0)));
    publish(vertx, new MonitorRecord(lossy, now, new PingStats(4, 5, 6, 0.5, 30)));
    publish(vertx, new MonitorRecord(web, now, new Scan(Optional.of(new HttpAnswer(1.5, "200", "nginx")),
        Optional.empty(), Optional.empty())));
    JsonObject byLoss = awaitRows("/view/hosts.json?sort=loss&order=desc", 2);
    JsonArray rows = byLoss.getJsonArray("rows");
    assertEquals(2, byLoss.getInteger("total"));
    assertEquals("lossy", rows.getJsonObject(0).getString("name"));
    assertEquals(30.0, rows.getJsonObject(0).getDouble("lossPct"));
    JsonObject webRow = rows.getJsonObject(1);
    assertEquals(0.0, webRow.getDouble("lossPct"));
    assertEquals(2.0, webRow.getDouble("medianMs"), 0.001);
    assertEquals(new JsonObject().put("site", "lab"), webRow.getJsonObject("labels"));
    assertEquals(1, webRow.getJsonObject("scan").getInteger("up"));
    assertEquals(Page.SPARK_POINTS, webRow.getJsonObject("spark").getJsonArray("median").size());

    JsonObject filtered = json(get("/view/hosts.json?q=site:lab"));
    assertEquals(1, filtered.getInteger("matched"));
    assertEquals("web", filtered.getJsonArray("rows").getJsonObject(0).getString("name"));
    JsonObject second = json(get("/view/hosts.json?offset=1&limit=1"));
    assertEquals(List.of("web"), second.getJsonArray("rows").stream()
        .map(row -> ((JsonObject) row).getString("name")).toList());
    HttpResponse<String> wrong = get("/view/hosts.json?sort=size");
    assertEquals(400, wrong.statusCode());
    assertTrue(wrong.body().startsWith("sort=size: expected one of name"), wrong.body());
  }

  @Test
  void aHostsPageHasItsGraphsRoutesAndScans(Vertx vertx) throws Exception {
    Instant now = Instant.now();
    Trace first = new Trace(List.of(new TraceStep("198.18.0.2", 0.3), TraceStep.silent(),
        new TraceStep("198.18.10.2", 0.4)));
    Trace detour = new Trace(List.of(new TraceStep("198.18.0.2", 0.3), new TraceStep("198.18.10.2", 0.4)));
    publish(vertx, new MonitorRecord(web, now.minusSeconds(60), first));
    publish(vertx, new MonitorRecord(web, now, detour));
    publish(vertx, new MonitorRecord(web, now, PingStats.ALL_LOST));
    int id = awaitRows("/view/hosts.json", 1).getJsonArray("rows").getJsonObject(0).getInteger("id");
    JsonObject host = json(get("/view/host.json?id=" + id));
    assertEquals("198.18.10.2", host.getString("addr"));
    assertEquals(1, host.getInteger("routeChanges"));
    assertEquals(now.toEpochMilli(), host.getLong("lastChangeMs"));
    JsonArray routes = host.getJsonArray("routes");
    assertEquals(false, routes.getJsonObject(0).getBoolean("change"));
    assertEquals(null, routes.getJsonObject(0).getJsonArray("hops").getValue(1));
    assertEquals(true, routes.getJsonObject(1).getBoolean("change"));
    JsonObject fine = host.getJsonObject("fine");
    assertEquals(540, fine.getJsonArray("median").size());
    assertEquals(100.0, fine.getJsonArray("loss").getDouble(539));
    assertEquals(null, fine.getJsonArray("median").getValue(539));
    assertEquals(288, host.getJsonObject("coarse").getJsonArray("bursts").size());
    assertEquals(404, get("/view/host.json?id=999").statusCode());
    assertEquals(400, get("/view/host.json?id=x").statusCode());
  }

  @Test
  void thePagesAndTheirFilesComeFromTheJar() throws Exception {
    HttpResponse<String> overview = get("/");
    assertEquals(200, overview.statusCode());
    assertEquals("text/html; charset=utf-8", overview.headers().firstValue("content-type").orElseThrow());
    assertTrue(overview.body().contains("<script src=\"/view/overview.js\"></script>"));
    for (String file : List.of("/host", "/view/style.css", "/view/format.js", "/view/graph.js", "/view/overview.js",
        "/view/host.js")) {
      HttpResponse<String> answer = get(file);
      assertEquals(200, answer.statusCode(), file);
      // SVG's namespace is a name, never fetched.
      assertTrue(!answer.body().replace("http://www.w3.org/2000/svg", "").contains("://"),
          file + " refers to nothing outside the monitor");
    }
    assertEquals(405, client.send(HttpRequest.newBuilder(URI.create(base + "/")).POST(
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void theLiveFeedSaysWhenAHostChanged(Vertx vertx) throws Exception {
    publish(vertx, new MonitorRecord(web, Instant.now(), new PingStats(1, 2, 3, 0.5, 0)));
    int id = awaitRows("/view/hosts.json", 1).getJsonArray("rows").getJsonObject(0).getInteger("id");
    HttpResponse<InputStream> stream = client.send(
        HttpRequest.newBuilder(URI.create(base + "/view/events?id=" + id)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("content-type").orElseThrow());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertEquals("retry: 2000", lines.readLine());
      assertEquals("", lines.readLine());
      // The first tick tells the page where it stands, the next ones only what changed.
      assertEquals("event: update", lines.readLine());
      assertEquals("data: 1", lines.readLine());
      assertEquals("", lines.readLine());
      publish(vertx, new MonitorRecord(web, Instant.now(), new PingStats(1, 2, 3, 0.5, 0)));
      assertEquals("event: update", lines.readLine());
      assertEquals("data: 2", lines.readLine());
    }
  }

  private JsonObject awaitRows(String path, int rows) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      JsonObject json = json(get(path));
      if (json.getJsonArray("rows").size() == rows || System.nanoTime() > deadline) {
        return json;
      }
      Thread.sleep(20);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
    return new JsonObject(response.body());
  }
}
