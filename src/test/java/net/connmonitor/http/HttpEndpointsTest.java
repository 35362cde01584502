package net.connmonitor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import net.connmonitor.log.StderrCapture;
import net.connmonitor.metrics.PrometheusMetrics;
import net.connmonitor.monitor.MonitorVerticle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints over HTTP, with a monitor of hosts that measure nothing (no privilege needed) behind them. */
@ExtendWith(VertxExtension.class)
class HttpEndpointsTest {

  private static final String IDLE = "127.0.0.1 ping=0\n";

  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private final PrometheusMetrics metrics = new PrometheusMetrics(Clock.systemUTC());
  private final AtomicBoolean applied = new AtomicBoolean();
  private int port;

  @TempDir
  Path dir;

  @BeforeEach
  void listen(Vertx vertx) throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    vertx.deployVerticle(new HttpEndpoints(ListenAddress.parse("127.0.0.1:" + port), metrics, applied::get, Map.of()),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);
  }

  @Test
  void healthyAlwaysAndReadyOnceTheConfigurationIsApplied() throws Exception {
    assertAnswer(200, "connmonitor is healthy.\n", get("/-/healthy"));
    assertAnswer(503, "connmonitor is not ready: its configuration is not applied yet.\n", get("/-/ready"));
    applied.set(true);
    assertAnswer(200, "connmonitor is ready.\n", get("/-/ready"));
  }

  @Test
  void metricsInTheFormatAsked() throws Exception {
    HttpResponse<String> text = get("/metrics");
    assertEquals(200, text.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", text.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(text.body().contains("\n# TYPE connmonitor_icmp_dropped_answers_total counter\n"), text.body());
    HttpResponse<String> openMetrics = send(HttpRequest.newBuilder(uri("/metrics"))
        .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").build());
    assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
        openMetrics.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(openMetrics.body().endsWith("\n# EOF\n"));
  }

  @Test
  void protobufWhenAskedAsPrometheusWithNativeHistogramsAsks() throws Exception {
    HttpResponse<byte[]> protobuf = client.send(HttpRequest.newBuilder(uri("/metrics")).header("Accept",
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, protobuf.statusCode());
    assertEquals("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
        protobuf.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(new String(protobuf.body(), StandardCharsets.ISO_8859_1).contains("connmonitor_icmp_dropped_answers"));
  }

  @Test
  void gzippedWhenTheScraperTakesItAndNotWhenItRefusesIt() throws Exception {
    for (String accepted : List.of("gzip", "deflate, gzip;q=0.5", "*")) {
      HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(uri("/metrics"))
          .header("Accept-Encoding", accepted).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow(), accepted);
      assertEquals(zipped.body().length, Integer.parseInt(zipped.headers().firstValue("Content-Length").orElseThrow()));
      try (GZIPInputStream plain = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
        String text = new String(plain.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\n# TYPE connmonitor_icmp_dropped_answers_total counter\n"), text);
      }
    }
    for (String refused : List.of("gzip;q=0", "deflate", "identity")) {
      HttpResponse<String> plain = send(HttpRequest.newBuilder(uri("/metrics"))
          .header("Accept-Encoding", refused).build());
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), refused);
      assertTrue(plain.body().contains("\n# TYPE connmonitor_icmp_dropped_answers_total counter\n"), refused);
    }
  }

  @Test
  void headIsAnsweredAsGetWithoutTheBody() throws Exception {
    HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/metrics"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", head.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(Integer.parseInt(head.headers().firstValue("Content-Length").orElseThrow()) > 1000, head.headers()
        .toString());
    assertEquals("", head.body());
    HttpResponse<String> healthy = send(HttpRequest.newBuilder(uri("/-/healthy"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, healthy.statusCode());
    assertEquals("connmonitor is healthy.\n".length(),
        Integer.parseInt(healthy.headers().firstValue("Content-Length").orElseThrow()));
    assertEquals("", healthy.body());
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnce() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < ConnectionGuard.MAX_CONNECTIONS; i++) {
        held.add(new Socket(InetAddress.getLoopbackAddress(), port));
      }
      try (Socket beyond = new Socket(InetAddress.getLoopbackAddress(), port)) {
        beyond.setSoTimeout((int) ConnectionGuard.REQUEST_TIMEOUT_MS / 2);
        assertEquals(-1, beyond.getInputStream().read());
      }
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void otherPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
    assertAnswer(404,
        "not found: /nothing (connmonitor serves its page at /, /metrics, /-/healthy, /-/ready and /-/reload)\n",
        get("/nothing"));
    HttpResponse<String> getReload = get("/-/reload");
    assertAnswer(405, "GET is not allowed on /-/reload: use POST\n", getReload);
    assertEquals("POST", getReload.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> postMetrics = post("/metrics");
    assertAnswer(405, "POST is not allowed on /metrics: use GET\n", postMetrics);
    assertEquals("GET", postMetrics.headers().firstValue("Allow").orElseThrow());
  }

  @Test
  void aReloadAnswersWithWhatItAppliedOrEveryErrorOfTheFile(Vertx vertx) throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), IDLE);
    try (StderrCapture stderr = StderrCapture.start()) {
      vertx.deployVerticle(new MonitorVerticle(metrics), new DeploymentOptions()
          .setConfig(new JsonObject().put("path", config.toString()).put("watchPeriodMs", 0)))
          .await(10, TimeUnit.SECONDS);

      Files.writeString(config, IDLE + "127.0.0.2 ping=0\n");
      assertAnswer(200, config + " applied: 1 added, 0 removed, 1 unchanged\n", post("/-/reload"));
      assertTrue(get("/metrics").body().contains("\nconnmonitor_config_last_reload_successful 1.0\n"));

      Files.writeString(config, IDLE + "127.0.0.2 ping=0 bogus=1\n127.0.0.3 hops=0\n");
      HttpResponse<String> invalid = post("/-/reload");
      assertEquals(422, invalid.statusCode());
      List<String> lines = invalid.body().lines().toList();
      assertEquals(3, lines.size(), invalid.body());
      assertTrue(lines.get(0).startsWith(config + ": line 2: \"bogus=1\": unknown option; expected "), lines.get(0));
      assertTrue(lines.get(1).startsWith(config + ": line 3: \"hops=0\": "), lines.get(1));
      assertEquals(config + " has errors; the running configuration stays", lines.get(2));
      String scrape = get("/metrics").body();
      assertTrue(scrape.contains("\nconnmonitor_config_last_reload_successful 0.0\n"), scrape);
      assertTrue(scrape.contains("\nconnmonitor_host_resolved{host=\"127.0.0.2\"} 1.0\n"), scrape);

      // The running configuration stayed: going back to it changes nothing.
      Files.writeString(config, IDLE + "127.0.0.2 ping=0\n");
      assertAnswer(200, config + " applied: 0 added, 0 removed, 2 unchanged\n", post("/-/reload"));
    }
  }

  @Test
  void aReloadBeforeTheMonitorRunsIsNotReadyYet() throws Exception {
    assertAnswer(503, "connmonitor is not ready: its configuration is not applied yet.\n", post("/-/reload"));
  }

  private static void assertAnswer(int status, String body, HttpResponse<String> response) {
    assertEquals(body, response.body());
    assertEquals(status, response.statusCode());
    assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).build());
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
