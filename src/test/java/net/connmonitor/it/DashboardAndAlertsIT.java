package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rules and dashboard against a real Prometheus (Debian's, native histograms on) scraping the packaged
 * jar on the test network: one monitor and one Prometheus for every test of the class, some thirty seconds of
 * measurements.
 */
@ExtendWith(TestNetwork.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAndAlertsIT {

  private static final Path RULES = Path.of("contrib/prometheus/connmonitor-rules.yml");
  private static final Path DASHBOARD = Path.of("contrib/grafana/connmonitor.json");
  /** What the dashboard's variables and Grafana's own are replaced with, for Prometheus alone. */
  private static final List<String[]> VARIABLES = List.of(new String[] {"$host", ".*"},
      new String[] {"$__rate_interval", "20s"}, new String[] {"$__interval", "5s"}, new String[] {"$__range", "1m"});
  private static final long MEASURED_SECONDS = 25;

  private MonitorProcess monitor;
  private PrometheusServer prometheus;

  @BeforeAll
  void measure(@TempDir Path dir) throws Exception {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW, and the test network needs namespaces");
    Path config = Files.writeString(dir.resolve("hosts.conf"),
        TestNetwork.WEB_V4 + " ping=250 json=1 trace=2000 scan=2000\n"
            + TestNetwork.LOSSY_V4 + " ping=100 timeout=300 json=1\n"
            + TestNetwork.SLOW_V4 + " ping=100 json=1\n");
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    monitor = MonitorProcess.start("--listen", listen, config.toString());
    prometheus = PrometheusServer.scraping(listen, dir, List.of(RULES), List.of("native-histograms"));
    prometheus.await("up{job=\"connmonitor\"} == 1", Duration.ofSeconds(20));
    TimeUnit.SECONDS.sleep(MEASURED_SECONDS);
  }

  @AfterAll
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (monitor != null) {
      monitor.close();
    }
  }

  @Test
  void theLossAlertIsActiveForTheLossyHostAlone() throws Exception {
    JsonArray alerts = prometheus.samples("ALERTS");
    System.out.println("ALERTS after " + MEASURED_SECONDS + " s:");
    alerts.forEach(alert -> System.out.println("  " + ((JsonObject) alert).getJsonObject("metric")));
    // Its "for" holds it pending for 5 minutes: pending means Prometheus found its expression true.
    JsonArray losses = prometheus.samples("ALERTS{alertname=\"ConnmonitorPacketLoss\"}");
    assertEquals(1, losses.size(), alerts.encodePrettily());
    JsonObject loss = losses.getJsonObject(0).getJsonObject("metric");
    assertEquals(TestNetwork.LOSSY_V4, loss.getString("host"));
    assertEquals("pending", loss.getString("alertstate"));
    assertTrue(prometheus.samples("ALERTS{alertname=~\"ConnmonitorHostDown|ConnmonitorNotMeasuring\"}").isEmpty(),
        alerts.encodePrettily());
    double lossy = prometheus.query("connmonitor:ping_loss_ratio:rate5m{host=\"" + TestNetwork.LOSSY_V4 + "\"}");
    assertTrue(lossy > 0.15 && lossy < 0.45, "" + lossy);
    for (String host : List.of(TestNetwork.WEB_V4, TestNetwork.SLOW_V4)) {
      assertEquals(0, prometheus.query("connmonitor:ping_loss_ratio:rate5m{host=\"" + host + "\"}"), host);
    }
  }

  @Test
  void everyQueryOfTheDashboardReturnsData() throws Exception {
    JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD));
    List<String> queries = new ArrayList<>();
    dashboard.getJsonArray("panels").forEach(panel -> ((JsonObject) panel).getJsonArray("targets")
        .forEach(target -> queries.add(((JsonObject) target).getString("expr"))));
    assertTrue(queries.size() >= 10, "" + queries);
    Set<String> empty = new TreeSet<>();
    for (String query : queries) {
      JsonArray samples = prometheus.samples(substituted(query));
      System.out.printf("%3d series: %s%n", samples.size(), query);
      if (samples.isEmpty()) {
        empty.add(query);
      }
    }
    assertEquals(Set.of(), empty);

    JsonObject hostVariable = dashboard.getJsonObject("templating").getJsonArray("list").getJsonObject(1);
    // Every host line has that series, whatever it measures.
    assertEquals("label_values(connmonitor_host_resolved, host)", hostVariable.getString("definition"));
    assertEquals(new JsonArray(List.of(TestNetwork.WEB_V4, TestNetwork.LOSSY_V4, TestNetwork.SLOW_V4)),
        prometheus.labelValues("host", "connmonitor_host_resolved"));
    // The route changes' annotation has data only when a route changes; it must be a valid query all the same.
    for (Object annotation : dashboard.getJsonObject("annotations").getJsonArray("list")) {
      prometheus.samples(substituted(((JsonObject) annotation).getString("expr")));
    }
  }

  @Test
  void theNativeHistogramsMedianOfThe20MsHostIsWithinTenPerCentOfTheRecords() throws Exception {
    String slow = "{host=\"" + TestNetwork.SLOW_V4 + "\"}";
    JsonArray stored = prometheus.samples("connmonitor_ping_rtt_seconds" + slow);
    assertEquals(1, stored.size(), stored.encodePrettily());
    assertTrue(stored.getJsonObject(0).containsKey("histogram"), "not stored as a native histogram: " + stored);
    // Prometheus 2.42 keeps only the native part of a histogram that has both.
    assertTrue(prometheus.samples("connmonitor_ping_rtt_seconds_bucket" + slow).isEmpty());
    double median = prometheus.query("histogram_quantile(0.5, rate(connmonitor_ping_rtt_seconds" + slow + "[1m]))");
    double p90 = prometheus.query("histogram_quantile(0.9, rate(connmonitor_ping_rtt_seconds" + slow + "[1m]))");

    List<Double> averages = monitor.stdout().stream().filter(line -> line.startsWith("{")).map(JsonObject::new)
        .filter(record -> record.getString("name").equals(TestNetwork.SLOW_V4) && record.containsKey("ping"))
        .map(record -> record.getJsonObject("ping").getDouble("avg") / 1000).sorted().toList();
    assertFalse(averages.isEmpty());
    double recordsMedian = averages.get(averages.size() / 2);
    System.out.printf("native histogram of %s: median %.5f s, 90th %.5f s; the records' median avg %.5f s "
        + "(%d bursts): %+.2f %%%n", TestNetwork.SLOW_V4, median, p90, recordsMedian, averages.size(),
        100 * (median - recordsMedian) / recordsMedian);
    assertEquals(recordsMedian, median, recordsMedian * 0.1);
  }

  private static String substituted(String query) {
    String result = query;
    for (String[] variable : VARIABLES) {
      result = result.replace(variable[0], variable[1]);
    }
    return result;
  }
}
