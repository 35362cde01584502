package net.connmonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.Option;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.Test;

/**
 * The series of a node in a cluster: its own with its vantage, the other vantages' from their records (on a
 * collector), and the cluster's.
 */
class ClusterMetricsTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000);
  private static final int NUMPINGS = 10;
  private static final HostConfig WEB = HostConfig.of("web.example").with(Option.NUMPINGS, NUMPINGS);
  private static final HostConfig DB = HostConfig.of("db.example").with(Option.NUMPINGS, 4);
  private static final String WEB_ADDRESS = "198.18.10.2";

  private final FixedCluster cluster = new FixedCluster("paris", "paris", "oslo", "lima");
  private final PrometheusMetrics metrics = new PrometheusMetrics(Clock.fixed(NOW, ZoneOffset.UTC),
      RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE), Optional.of(cluster));

  @Test
  void everySeriesOfThisNodeSaysItsVantage() throws Exception {
    metrics.configure(List.of(WEB));
    metrics.host(HostLabels.of(WEB), WEB_ADDRESS).burst(2, List.of(0.5, 0.7), PingStats.of(2, List.of(0.5, 0.7)));
    metrics.name(HostLabels.of(WEB)).resolved();
    String scrape = scrape();
    String labels = "addr=\"" + WEB_ADDRESS + "\",host=\"web.example\",vantage=\"paris\"";
    assertSeries(scrape, "connmonitor_ping_requests_total{" + labels + "} 2.0");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_count{" + labels + "} 2");
    assertSeries(scrape, "connmonitor_host_resolved{host=\"web.example\",vantage=\"paris\"} 1.0");
  }

  @Test
  void anotherVantagesRecordsCountItsRequestsAndRepliesFromTheLossOfEachBurstOfNumpings() throws Exception {
    metrics.configure(List.of(WEB));
    record("oslo", WEB_ADDRESS, PingStats.of(NUMPINGS, List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0)));
    record("oslo", WEB_ADDRESS, PingStats.ALL_LOST);
    String scrape = scrape();
    String labels = "addr=\"" + WEB_ADDRESS + "\",host=\"web.example\",vantage=\"oslo\"";
    assertSeries(scrape, "connmonitor_ping_requests_total{" + labels + "} 20.0");
    assertSeries(scrape, "connmonitor_ping_replies_total{" + labels + "} 7.0");
    assertSeries(scrape, "connmonitor_ping_last_loss_ratio{" + labels + "} 1.0");
    assertSeries(scrape, "connmonitor_ping_last_avg_seconds{" + labels + "} NaN");
    // No reply's time, no unsent burst: those series are the measuring node's alone.
    assertFalse(scrape.contains("connmonitor_ping_rtt_seconds_count{" + labels), scrape);
    assertFalse(scrape.contains("connmonitor_ping_send_errors_total{" + labels), scrape);
  }

  @Test
  void theFirstTraceOfAVantageMakesItsRouteKnownAndEachLaterOneChangedIt() throws Exception {
    metrics.configure(List.of(WEB));
    Trace ended = new Trace(List.of(new TraceStep("198.18.0.1", 1), new TraceStep(WEB_ADDRESS, 2)));
    Trace unended = new Trace(List.of(new TraceStep("198.18.0.9", 1), TraceStep.silent()));
    record("oslo", WEB_ADDRESS, ended);
    String labels = "addr=\"" + WEB_ADDRESS + "\",host=\"web.example\",vantage=\"oslo\"";
    assertSeries(scrape(), "connmonitor_trace_route_changes_total{" + labels + "} 0.0");
    assertSeries(scrape(), "connmonitor_trace_hops{" + labels + "} 2.0");
    record("oslo", WEB_ADDRESS, unended);
    assertSeries(scrape(), "connmonitor_trace_route_changes_total{" + labels + "} 1.0");
    assertSeries(scrape(), "connmonitor_trace_hops{" + labels + "} NaN");
    assertFalse(scrape().contains("connmonitor_trace_last_timestamp_seconds{" + labels), scrape());
  }

  @Test
  void thisNodesOwnRecordsRecordsOutsideAClusterAndUnconfiguredHostsChangeNothing() throws Exception {
    metrics.configure(List.of(WEB));
    record("paris", WEB_ADDRESS, PingStats.ALL_LOST);
    metrics.record(new MonitorRecord(new Target("web.example", WEB_ADDRESS), NOW, PingStats.ALL_LOST));
    record("oslo", "198.18.10.3", PingStats.ALL_LOST, "other.example");
    assertFalse(scrape().contains("connmonitor_ping"), scrape());
  }

  @Test
  void aVantagesSeriesGoWhenItLeavesTheMembersAndAHostsWhenItLeavesTheConfiguration() throws Exception {
    metrics.configure(List.of(WEB, DB));
    record("oslo", WEB_ADDRESS, PingStats.ALL_LOST);
    record("lima", WEB_ADDRESS, PingStats.ALL_LOST);
    record("lima", "198.18.10.3", PingStats.ALL_LOST, "db.example");
    assertSeries(scrape(),
        "connmonitor_ping_requests_total{addr=\"198.18.10.3\",host=\"db.example\",vantage=\"lima\"} 4.0");
    cluster.members("paris", "lima");
    String scrape = scrape();
    assertFalse(scrape.contains("vantage=\"oslo\""), scrape);
    assertTrue(scrape.contains("host=\"web.example\",vantage=\"lima\""), scrape);
    metrics.configure(List.of(WEB));
    assertFalse(scrape().contains("db.example"), scrape());
    assertTrue(scrape().contains("host=\"web.example\",vantage=\"lima\""), scrape());
  }

  @Test
  void aHostThatMovesToAnotherAddressTakesItsSeriesAlong() throws Exception {
    metrics.configure(List.of(WEB));
    record("oslo", WEB_ADDRESS, PingStats.ALL_LOST);
    record("oslo", "198.18.10.4", PingStats.ALL_LOST);
    record("oslo", "2001:db8:10::2", PingStats.ALL_LOST);
    String scrape = scrape();
    assertFalse(scrape.contains(WEB_ADDRESS), scrape);
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"198.18.10.4\",host=\"web.example\",vantage=\"oslo\"} "
        + "10.0");
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"2001:db8:10::2\",host=\"web.example\","
        + "vantage=\"oslo\"} 10.0");
  }

  @Test
  void theClustersSeriesSayItsMembersTheHostsEachMeasuresAndTheHostsThatMoved() throws Exception {
    cluster.placed(new TreeMap<>(Map.of("paris", 40, "oslo", 35, "lima", 0)), 12);
    String scrape = scrape();
    assertSeries(scrape, "connmonitor_cluster_members 3.0");
    assertSeries(scrape, "connmonitor_cluster_hosts{vantage=\"paris\"} 40.0");
    assertSeries(scrape, "connmonitor_cluster_hosts{vantage=\"oslo\"} 35.0");
    assertSeries(scrape, "connmonitor_cluster_hosts{vantage=\"lima\"} 0.0");
    assertSeries(scrape, "connmonitor_cluster_reassignments_total 12.0");
  }

  @Test
  void outsideAClusterNoSeriesSaysAVantageAndThereAreNoClusterSeries() throws Exception {
    PrometheusMetrics alone = new PrometheusMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
    alone.configure(List.of(WEB));
    alone.host(HostLabels.of(WEB), WEB_ADDRESS).burst(1, List.of(0.5), PingStats.of(1, List.of(0.5)));
    alone.record(new MonitorRecord(new Target("web.example", WEB_ADDRESS), NOW, PingStats.ALL_LOST,
        Optional.of("oslo")));
    String scrape = PrometheusMetricsTest.scrape(alone, null);
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"" + WEB_ADDRESS + "\",host=\"web.example\"} 1.0");
    assertFalse(scrape.contains("vantage"), scrape);
    assertFalse(scrape.contains("connmonitor_cluster"), scrape);
  }

  @Test
  void aProtobufScrapeCarriesEveryVantage() throws Exception {
    metrics.configure(List.of(WEB));
    metrics.host(HostLabels.of(WEB), WEB_ADDRESS).burst(1, List.of(0.5), PingStats.of(1, List.of(0.5)));
    record("oslo", WEB_ADDRESS, PingStats.ALL_LOST);
    List<String> vantages = metrics.snapshots().stream()
        .filter(family -> family.getMetadata().getName().equals(MetricFamily.PING_REQUESTS.name))
        .flatMap(family -> family.getDataPoints().stream()).map(point -> point.getLabels().get("vantage")).sorted()
        .toList();
    assertEquals(List.of("oslo", "paris"), vantages);
  }

  private void record(String vantage, String address, Measurement measurement) {
    record(vantage, address, measurement, "web.example");
  }

  private void record(String vantage, String address, Measurement measurement, String host) {
    metrics.record(new MonitorRecord(new Target(host, address), NOW, measurement, Optional.of(vantage)));
  }

  private String scrape() throws Exception {
    return PrometheusMetricsTest.scrape(metrics, null);
  }

  private static void assertSeries(String scrape, String line) {
    assertTrue(scrape.lines().anyMatch(line::equals), "no line " + line + " in\n" + scrape);
  }
}
