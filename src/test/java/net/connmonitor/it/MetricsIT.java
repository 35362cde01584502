package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoint of the packaged jar ({@code --listen}) on the test network: scraped by a real Prometheus
 * whose answers agree with the records, accepted by promtool, and its health, ready and reload endpoints.
 */
@ExtendWith(TestNetwork.class)
class MetricsIT {

  private static final Duration SOON = Duration.ofSeconds(10);
  /** How long Prometheus scrapes before it is asked: some twenty scrapes, a hundred bursts of the lossy host. */
  private static final long MEASURED_SECONDS = 25;
  /**
   * The largest ratio of two neighbouring bounds of the classic buckets at their default, ten a decade rounded to
   * three digits (1.266): their resolution.
   */
  private static final double BUCKET_RATIO = 1.27;

  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  @TempDir
  Path dir;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW, and the test network needs namespaces");
  }

  @Test
  void aRealPrometheusScrapesTheMonitorAndAgreesWithItsRecords() throws Exception {
    String web = TestNetwork.WEB_V4;
    String lossy = TestNetwork.LOSSY_V4;
    String slow = TestNetwork.SLOW_V4;
    Path config = Files.writeString(dir.resolve("hosts.conf"), web + " ping=250 json=1 trace=2000 scan=2000\n"
        + lossy + " ping=100 timeout=300 json=1\n" + slow + " ping=250 json=1\n");
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    try (MonitorProcess monitor = MonitorProcess.start("--listen", listen, config.toString());
        PrometheusServer prometheus = PrometheusServer.scraping(listen, dir)) {
      // Prometheus asks for OpenMetrics first: a scrape it could not parse would leave "up" at 0.
      assertEquals(1, prometheus.await("up{job=\"connmonitor\"} == 1", Duration.ofSeconds(20)));
      TimeUnit.SECONDS.sleep(MEASURED_SECONDS);

      String slowBuckets = "connmonitor_ping_rtt_seconds_bucket{host=\"" + slow + "\"}";
      double median = prometheus.query("histogram_quantile(0.5, rate(" + slowBuckets + "[1m]))");
      String slowSeries = "{host=\"" + slow + "\"}";
      double mean = prometheus.query("rate(connmonitor_ping_rtt_seconds_sum" + slowSeries + "[1m]) / "
          + "rate(connmonitor_ping_rtt_seconds_count" + slowSeries + "[1m])");
      String lossySeries = "{host=\"" + lossy + "\"}";
      double loss = prometheus.query("1 - connmonitor_ping_replies_total" + lossySeries
          + " / connmonitor_ping_requests_total" + lossySeries);
      String webSeries = "host=\"" + web + "\",addr=\"" + web + "\"";
      double hops = prometheus.query("connmonitor_trace_hops{" + webSeries + "}");
      double httpUp = prometheus.query("connmonitor_scan_up{" + webSeries + ",service=\"http\"}");
      double httpStatus = prometheus.query("connmonitor_scan_http_status_code{" + webSeries + ",service=\"http\"}");
      double mysqlUp = prometheus.query("connmonitor_scan_up{" + webSeries + ",service=\"mysql\"}");
      double samples = prometheus.query("scrape_samples_scraped{job=\"connmonitor\"}");

      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
      List<JsonObject> slowPings = pings(monitor, slow);
      List<JsonObject> lossyPings = pings(monitor, lossy);
      double recordsMean = slowPings.stream().mapToDouble(ping -> ping.getDouble("avg")).average().orElseThrow() / 1000;
      double recordsMedian = slowPings.stream().mapToDouble(ping -> ping.getDouble("avg")).sorted()
          .skip(slowPings.size() / 2).findFirst().orElseThrow() / 1000;
      double recordsLoss = lossyPings.stream().mapToDouble(ping -> ping.getDouble("loss")).average().orElseThrow()
          / 100;
      System.out.printf("Prometheus, %.0f samples a scrape:%n"
              + "  histogram_quantile(0.5, rate(%s[1m])) = %.4f s; the records' median avg %.4f s (%d bursts)%n"
              + "  rate(_sum[1m]) / rate(_count[1m]) = %.5f s; the records' mean avg %.5f s%n"
              + "  1 - replies_total / requests_total of %s = %.3f; the records' mean loss %.3f (%d bursts)%n",
          samples, slowBuckets, median, recordsMedian, slowPings.size(), mean, recordsMean, lossy, loss, recordsLoss,
          lossyPings.size());

      // The 20 ms host: a histogram's quantile lies in the bucket of what it estimates (interpolated within it)...
      assertTrue(median > recordsMedian / BUCKET_RATIO && median < recordsMedian * BUCKET_RATIO, "" + median);
      // ...and its sum and count make the mean exactly: the same replies as the records, within a millisecond.
      assertEquals(recordsMean, mean, 0.001);
      // The lossy host drops 30% of the requests: the counters and the records saw the same bursts but the last few.
      assertEquals(recordsLoss, loss, 0.05);
      assertTrue(loss > 0.15 && loss < 0.45, "" + loss);
      // Three routers, then the web target; nginx and MariaDB answer there.
      assertEquals(TestNetwork.ROUTERS_V4.size() + 1, hops);
      assertEquals(1, httpUp);
      assertEquals(200, httpStatus);
      assertEquals(1, mysqlUp);
    }
  }

  @Test
  void promtoolAcceptsTheTextFormat() throws Exception {
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    try (MonitorProcess monitor = MonitorProcess.start(List.of(),
        TestNetwork.WEB_V4 + " ping=100 trace=500 scan=500\n", "--listen", listen)) {
      monitor.awaitStdout(line -> line.contains("nginx"), SOON);
      HttpResponse<String> scrape = get(listen, "/metrics");
      assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.headers().firstValue("Content-Type").get());
      System.out.println("GET /metrics, the first sample of each of connmonitor's families:");
      for (String family : List.of("ping_rtt_seconds", "ping_requests_total", "ping_replies_total",
          "ping_last_min_seconds", "ping_last_avg_seconds", "ping_last_max_seconds", "ping_last_stddev_seconds",
          "ping_last_loss_ratio", "trace_hops", "trace_route_changes_total", "trace_last_timestamp_seconds",
          "scan_up", "scan_rtt_seconds", "scan_http_status_code", "icmp_dropped_answers_total")) {
        assertTrue(scrape.body().contains("\n# TYPE connmonitor_" + family + " "), family);
        System.out.println("  " + scrape.body().lines().filter(line -> line.startsWith("connmonitor_" + family))
            .findFirst().orElseThrow());
      }
      Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
      promtool.getOutputStream().write(scrape.body().getBytes(StandardCharsets.UTF_8));
      promtool.getOutputStream().close();
      String verdict = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, promtool.waitFor(), "promtool check metrics:\n" + verdict);
      System.out.println("promtool check metrics: exit 0" + (verdict.isBlank() ? ", nothing to say" : ":\n" + verdict));
    }
  }

  @Test
  void readyOnceTheConfigurationIsAppliedHealthyBefore() throws Exception {
    Path fifo = dir.resolve("hosts.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    // Every address of the machine: reached over IPv4 and IPv6 alike.
    int port = PrometheusServer.freePort();
    try (MonitorProcess monitor = MonitorProcess.start("--listen", ":" + port, fifo.toString())) {
      String v4 = "127.0.0.1:" + port;
      String v6 = "[::1]:" + port;
      awaitAnswer(v4, "/-/healthy");
      assertAnswer(200, "connmonitor is healthy.\n", get(v6, "/-/healthy"));
      assertAnswer(503, "connmonitor is not ready: its configuration is not applied yet.\n", get(v4, "/-/ready"));
      Files.writeString(fifo, "127.0.0.1 ping=100 numpings=2\n");
      monitor.awaitStdout(line -> line.equals("127.0.0.1"), SOON);
      // The first record may come before the monitor has said the configuration is applied.
      awaitAnswer(v4, "/-/ready");
      assertAnswer(200, "connmonitor is ready.\n", get(v4, "/-/ready"));
      assertAnswer(200, "connmonitor is ready.\n", get(v6, "/-/ready"));
    }
  }

  @Test
  void aReloadAnswersWithItsOutcomeAndRemovedHostsSeriesGo() throws Exception {
    Path config = dir.resolve("hosts.conf");
    String steady = "127.0.0.1 ping=100 numpings=2 json=1\n";
    Files.writeString(config, steady + "127.0.0.2 ping=100 numpings=2 json=1\n");
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    try (MonitorProcess monitor = MonitorProcess.start("--listen", listen, config.toString())) {
      awaitRecords(monitor, "127.0.0.2", 1);
      assertTrue(get(listen, "/metrics").body().contains("host=\"127.0.0.2\""));

      Files.writeString(config, steady);
      assertAnswer(200, config + " applied: 0 added, 1 removed, 1 unchanged\n", post(listen, "/-/reload"));
      String scrape = get(listen, "/metrics").body();
      assertFalse(scrape.contains("127.0.0.2"), scrape);
      assertTrue(scrape.contains("host=\"127.0.0.1\""), scrape);

      // A broken file: every error listed, and the running configuration keeps measuring.
      Files.writeString(config, steady + "127.0.0.3 ping=100 bogus=1\n");
      HttpResponse<String> broken = post(listen, "/-/reload");
      assertEquals(422, broken.statusCode(), broken.body());
      assertTrue(broken.body().startsWith(config + ": line 2: \"bogus=1\": unknown option; expected "), broken.body());
      assertTrue(broken.body().endsWith("\n" + config + " has errors; the running configuration stays\n"),
          broken.body());
      long before = monitor.stdout().stream().filter(line -> line.contains("\"name\":\"127.0.0.1\"")).count();
      awaitRecords(monitor, "127.0.0.1", before + 2);
      assertFalse(get(listen, "/metrics").body().contains("127.0.0.3"));

      // Unreadable: the reload says so, and the monitor stops as on SIGHUP.
      Files.delete(config);
      HttpResponse<String> unreadable = post(listen, "/-/reload");
      assertEquals(500, unreadable.statusCode(), unreadable.body());
      assertTrue(unreadable.body().startsWith("cannot read " + config + " ("), unreadable.body());
      assertEquals(1, monitor.waitForExit(SOON));
    }
  }

  @Test
  void aReloadOfAConfigurationReadFromStandardInputIsAConflict() throws Exception {
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), "127.0.0.1 ping=100 numpings=2\n", "--listen",
        listen)) {
      monitor.awaitStdout(line -> line.equals("127.0.0.1"), SOON);
      assertAnswer(409, "the configuration came from standard input, which cannot be read again; the running "
          + "configuration stays\n", post(listen, "/-/reload"));
    }
  }

  @Test
  void anAddressInUseStopsTheMonitorWithOneLine() throws Exception {
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    try (MonitorProcess first = MonitorProcess.start(List.of(), "127.0.0.1 ping=0\n", "--listen", listen)) {
      awaitAnswer(listen, "/-/ready");
      try (MonitorProcess second = MonitorProcess.start(List.of(), "127.0.0.1 ping=0\n", "--listen", listen)) {
        assertEquals(1, second.waitForExit(SOON));
        assertEquals(1, second.stderr().size(), second.transcript());
        assertTrue(second.stderr().get(0).startsWith("EE: Listen: cannot listen on " + listen + " ("),
            second.transcript());
        assertTrue(second.stderr().get(0).contains("Address already in use"), second.transcript());
      }
    }
  }

  @Test
  void aBadListenAddressIsAUsageError() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start("--listen", "localhost:9100", "hosts.conf")) {
      assertEquals(2, monitor.waitForExit(SOON));
      assertEquals(List.of("connmonitor: --listen \"localhost:9100\": \"localhost\" is not an IPv4 address or an IPv6 "
          + "address in brackets; expected ADDRESS:PORT, [IPv6-ADDRESS]:PORT or :PORT (try connmonitor --help)"),
          monitor.stderr());
    }
  }

  private static List<JsonObject> pings(MonitorProcess monitor, String host) {
    return monitor.stdout().stream().filter(line -> line.startsWith("{")).map(JsonObject::new)
        .filter(record -> record.getString("name").equals(host) && record.containsKey("ping"))
        .map(record -> record.getJsonObject("ping")).toList();
  }

  private static void awaitRecords(MonitorProcess monitor, String host, long count) throws InterruptedException {
    long[] seen = {0};
    monitor.awaitStdout(line -> line.contains("\"name\":\"" + host + "\"") && ++seen[0] >= count, SOON);
  }

  private static void assertAnswer(int status, String body, HttpResponse<String> response) {
    assertEquals(body, response.body());
    assertEquals(status, response.statusCode());
  }

  /** Waits for the endpoint to listen (the JVM starting) and answer 200. */
  private void awaitAnswer(String listen, String path) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (true) {
      try {
        if (get(listen, path).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " did not answer 200 within " + SOON);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private HttpResponse<String> get(String listen, String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://" + listen + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String listen, String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://" + listen + path))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
