package net.connmonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.connmonitor.Version;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.Option;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.StartDelays;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;
import org.junit.jupiter.api.Test;

/** The series hosts feed, as a scrape in Prometheus's text format shows them. */
class PrometheusMetricsTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000, 250_000_000);
  private static final HostLabels WEB = HostLabels.of("web.example", Map.of());

  private final PrometheusMetrics metrics = new PrometheusMetrics(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aBurstCountsItsRequestsAndRepliesObservesEachReplyAndSetsTheLastBurstsFigures() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics host = metrics.host(WEB, "198.18.10.2");
    burst(host, 4, 0.3, 20.5, 21.0);
    burst(host, 2, 0.4);
    String labels = "addr=\"198.18.10.2\",host=\"web.example\"";
    String scrape = scrape();
    assertSeries(scrape, "connmonitor_ping_requests_total{" + labels + "} 6.0");
    assertSeries(scrape, "connmonitor_ping_replies_total{" + labels + "} 4.0");
    // Ten bounds a decade, of three significant digits.
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_bucket{" + labels + ",le=\"2.51E-4\"} 0");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_bucket{" + labels + ",le=\"3.16E-4\"} 1");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_bucket{" + labels + ",le=\"5.01E-4\"} 2");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_bucket{" + labels + ",le=\"0.02\"} 2");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_bucket{" + labels + ",le=\"0.0251\"} 4");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_bucket{" + labels + ",le=\"+Inf\"} 4");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_count{" + labels + "} 4");
    assertEquals(0.0422, value(scrape, "connmonitor_ping_rtt_seconds_sum{" + labels + "}"), 1e-12);
    // The last burst alone: one reply of two.
    assertSeries(scrape, "connmonitor_ping_last_min_seconds{" + labels + "} 4.0E-4");
    assertSeries(scrape, "connmonitor_ping_last_avg_seconds{" + labels + "} 4.0E-4");
    assertSeries(scrape, "connmonitor_ping_last_max_seconds{" + labels + "} 4.0E-4");
    assertSeries(scrape, "connmonitor_ping_last_stddev_seconds{" + labels + "} 0.0");
    assertSeries(scrape, "connmonitor_ping_last_loss_ratio{" + labels + "} 0.5");
  }

  @Test
  void aBurstThatLostEverythingHasNoRoundTripTime() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics host = metrics.host(WEB, "198.18.12.2");
    burst(host, 3);
    String scrape = scrape();
    String labels = "addr=\"198.18.12.2\",host=\"web.example\"";
    for (String figure : List.of("min", "avg", "max", "stddev")) {
      assertSeries(scrape, "connmonitor_ping_last_" + figure + "_seconds{" + labels + "} NaN");
    }
    assertSeries(scrape, "connmonitor_ping_last_loss_ratio{" + labels + "} 1.0");
    assertSeries(scrape, "connmonitor_ping_rtt_seconds_count{" + labels + "} 0");
  }

  @Test
  void aBurstThatCouldNotBeSentCountsAsASendErrorAndLeavesNoGaugeAtTheLastBurstsFigures() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics host = metrics.host(WEB, "198.18.14.2");
    burst(host, 2, 0.4, 0.5);
    host.unsent();
    host.unsent();
    String scrape = scrape();
    String labels = "addr=\"198.18.14.2\",host=\"web.example\"";
    assertSeries(scrape, "connmonitor_ping_send_errors_total{" + labels + "} 2.0");
    assertSeries(scrape, "connmonitor_ping_requests_total{" + labels + "} 2.0");
    for (String figure : List.of("min", "avg", "max", "stddev")) {
      assertSeries(scrape, "connmonitor_ping_last_" + figure + "_seconds{" + labels + "} NaN");
    }
    assertSeries(scrape, "connmonitor_ping_last_loss_ratio{" + labels + "} 1.0");
    burst(host, 2, 0.4);
    assertSeries(scrape(), "connmonitor_ping_last_loss_ratio{" + labels + "} 0.5");
  }

  @Test
  void linesOfOneHostThatLeaveFromElsewhereHaveSeriesOfTheirOwnSayingWhence() throws Exception {
    HostConfig plain = HostConfig.of("web.example");
    HostConfig bySource = plain.with(Option.SOURCE, Optional.of("198.18.0.1"));
    HostConfig byInterface = plain.with(Option.INTERFACE, Optional.of("cmt1"));
    List<HostLabels> hosts = List.of(HostLabels.of(plain), HostLabels.of(bySource), HostLabels.of(byInterface));
    metrics.labelNames(hosts);
    burst(metrics.host(hosts.get(0), "198.18.10.2"), 1, 0.5);
    burst(metrics.host(hosts.get(1), "198.18.10.2"), 2, 0.5);
    burst(metrics.host(hosts.get(2), "198.18.10.2"), 3, 0.5);
    String scrape = scrape();
    String host = "host=\"web.example\",";
    assertSeries(scrape,
        "connmonitor_ping_requests_total{addr=\"198.18.10.2\"," + host + "interface=\"\",source=\"\"} 1.0");
    assertSeries(scrape,
        "connmonitor_ping_requests_total{addr=\"198.18.10.2\"," + host + "interface=\"\",source=\"198.18.0.1\"} 2.0");
    assertSeries(scrape,
        "connmonitor_ping_requests_total{addr=\"198.18.10.2\"," + host + "interface=\"cmt1\",source=\"\"} 3.0");
  }

  @Test
  void everyTraceSetsTheTimeAndHopsAndOnlyAChangeCounts() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics host = metrics.host(WEB, "198.18.10.2");
    Trace trace = new Trace(List.of());
    host.trace(trace, false, OptionalInt.empty());
    String labels = "addr=\"198.18.10.2\",host=\"web.example\"";
    String scrape = scrape();
    assertSeries(scrape, "connmonitor_trace_route_changes_total{" + labels + "} 0.0");
    assertSeries(scrape, "connmonitor_trace_hops{" + labels + "} NaN");
    assertSeries(scrape, "connmonitor_trace_last_timestamp_seconds{" + labels + "} 1.79500000025E9");
    host.trace(trace, false, OptionalInt.of(4));
    host.trace(trace, true, OptionalInt.of(3));
    scrape = scrape();
    assertSeries(scrape, "connmonitor_trace_route_changes_total{" + labels + "} 1.0");
    assertSeries(scrape, "connmonitor_trace_hops{" + labels + "} 3.0");
  }

  /** A host without hop statistics ({@code hopstats=}) has no per-hop series, however many traces it makes. */
  @Test
  void perHopSeriesComeFromTheHopStatisticsAlone() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics host = metrics.host(WEB, "198.18.10.2");
    host.trace(new Trace(List.of(new TraceStep("198.18.0.2", 0.5), new TraceStep("198.18.10.2", 1.5))), true,
        OptionalInt.of(2));
    assertFalse(scrape().contains("connmonitor_trace_hop_loss_ratio{"), scrape());
    host.hops(List.of(new HopStats(1, "198.18.0.2", 4, 1, 0.5, 0.5, 0.5, 0.5, 0)));
    assertSeries(scrape(), "connmonitor_trace_hop_loss_ratio{addr=\"198.18.10.2\",hop=\"1\",hop_addr=\"198.18.0.2\","
        + "host=\"web.example\"} 0.25");
  }

  @Test
  void aScanSetsEachServiceUpItsTimeAndTheHttpStatusCodes() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics host = metrics.host(WEB, "198.18.10.2");
    host.scan(new Scan(Optional.of(new HttpAnswer(1.5, "301", "nginx")), Optional.empty(),
        Optional.of(new MysqlAnswer(0.75, "10.11.6-MariaDB"))));
    String scrape = scrape();
    String labels = "addr=\"198.18.10.2\",host=\"web.example\",service=";
    assertSeries(scrape, "connmonitor_scan_up{" + labels + "\"http\"} 1.0");
    assertSeries(scrape, "connmonitor_scan_up{" + labels + "\"https\"} 0.0");
    assertSeries(scrape, "connmonitor_scan_up{" + labels + "\"mysql\"} 1.0");
    assertSeries(scrape, "connmonitor_scan_rtt_seconds{" + labels + "\"http\"} 0.0015");
    assertSeries(scrape, "connmonitor_scan_rtt_seconds{" + labels + "\"https\"} NaN");
    assertSeries(scrape, "connmonitor_scan_rtt_seconds{" + labels + "\"mysql\"} 7.5E-4");
    assertSeries(scrape, "connmonitor_scan_http_status_code{" + labels + "\"http\"} 301.0");
    assertSeries(scrape, "connmonitor_scan_http_status_code{" + labels + "\"https\"} NaN");
    assertFalse(scrape.contains("connmonitor_scan_http_status_code{" + labels + "\"mysql\"}"), scrape);
  }

  @Test
  void aHostThatMovesToAnotherAddressTakesItsSeriesAlongNeverMixingTheTwo() throws Exception {
    metrics.labelNames(List.of(WEB));
    HostMetrics before = metrics.host(WEB, "198.18.10.2");
    burst(before, 1, 0.5);
    // What HostVerticle does when the name resolves to another address: the old address's series close, new ones
    // start.
    before.close();
    HostMetrics after = metrics.host(WEB, "2001:db8:0:10::2");
    burst(after, 1, 0.7);
    burst(before, 1, 0.9);
    String scrape = scrape();
    assertFalse(scrape.contains("198.18.10.2"), scrape);
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"2001:db8:0:10::2\",host=\"web.example\"} 1.0");
  }

  @Test
  void aRemovedHostsSeriesGoUnlessAnotherLineStillMeasuresTheSameHostAtTheSameAddress() throws Exception {
    HostLabels twice = HostLabels.of("twice", Map.of());
    metrics.labelNames(List.of(WEB, twice, twice));
    HostMetrics web = metrics.host(WEB, "198.18.10.2");
    HostMetrics first = metrics.host(twice, "127.0.0.2");
    HostMetrics second = metrics.host(twice, "127.0.0.2");
    burst(web, 1, 0.5);
    burst(first, 2, 0.5, 0.5);
    burst(second, 3, 0.5, 0.5, 0.5);
    assertSeries(scrape(), "connmonitor_ping_requests_total{addr=\"127.0.0.2\",host=\"twice\"} 5.0");
    web.close();
    first.close();
    String scrape = scrape();
    assertFalse(scrape.contains("web.example"), scrape);
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"127.0.0.2\",host=\"twice\"} 5.0");
    second.close();
    assertFalse(scrape().contains("host=\"twice\""));
  }

  @Test
  void theOperatorsLabelsAreCarriedAndEveryHostHasEveryLabelNameOfTheConfiguration() throws Exception {
    HostLabels prod = HostLabels.of("web", Map.of("env", "prod", "site", "ams"));
    HostLabels bare = HostLabels.of("db", Map.of());
    metrics.labelNames(List.of(prod, bare));
    burst(metrics.host(prod, "198.18.10.2"), 1, 0.5);
    burst(metrics.host(bare, "198.18.11.2"), 1, 0.5);
    String scrape = scrape();
    assertSeries(scrape,
        "connmonitor_ping_requests_total{addr=\"198.18.10.2\",env=\"prod\",host=\"web\",site=\"ams\"} 1.0");
    // Empty: Prometheus takes it as absent.
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"198.18.11.2\",env=\"\",host=\"db\",site=\"\"} 1.0");
  }

  @Test
  void aReloadThatChangesTheLabelNamesCarriesTheRunningHostsSeriesOnUnderTheNewNames() throws Exception {
    HostLabels kept = HostLabels.of("kept", Map.of("env", "prod"));
    HostLabels removed = HostLabels.of("removed", Map.of("rack", "r1"));
    metrics.labelNames(List.of(kept, removed));
    HostMetrics running = metrics.host(kept, "198.18.10.2");
    HostMetrics stopping = metrics.host(removed, "198.18.11.2");
    burst(running, 2, 0.5, 0.5);
    burst(stopping, 1, 0.5);
    assertSeries(scrape(),
        "connmonitor_ping_requests_total{addr=\"198.18.10.2\",env=\"prod\",host=\"kept\",rack=\"\"} 2.0");

    metrics.labelNames(List.of(kept));
    // The removed host finishes its burst in flight while it stops, then goes.
    burst(stopping, 1, 0.5);
    stopping.close();
    burst(running, 1, 0.5);
    String scrape = scrape();
    assertFalse(scrape.contains("rack="), scrape);
    assertFalse(scrape.contains("removed"), scrape);
    assertSeries(scrape, "connmonitor_ping_requests_total{addr=\"198.18.10.2\",env=\"prod\",host=\"kept\"} 3.0");
  }

  @Test
  void theKernelsDropsAreReadAtEachScrape() throws Exception {
    long[] dropped = {0};
    metrics.countDroppedAnswers(() -> dropped[0]);
    assertSeries(scrape(), "connmonitor_icmp_dropped_answers_total 0.0");
    dropped[0] = 17;
    assertSeries(scrape(), "connmonitor_icmp_dropped_answers_total 17.0");
  }

  @Test
  void theMonitorsOwnMetricsItsBuildReloadsDroppedRecordsAndNamesThatDoNotResolve() throws Exception {
    metrics.labelNames(List.of(WEB, HostLabels.of("db.example", Map.of("zone", "b"))));
    metrics.countDroppedRecords(() -> 12);
    NameMetrics web = metrics.name(WEB);
    NameMetrics db = metrics.name(HostLabels.of("db.example", Map.of("zone", "b")));
    db.unresolved();
    db.unresolved();
    web.resolved();
    metrics.configurationRead(true);
    metrics.configurationRead(false);
    String scrape = scrape();
    assertTrue(scrape.lines().anyMatch(line -> line.startsWith("connmonitor_build_info{java_version=\"")
        && line.endsWith(",version=\"" + Version.current() + "\"} 1")), scrape);
    assertSeries(scrape, "connmonitor_config_last_reload_successful 0.0");
    assertSeries(scrape, "connmonitor_config_last_reload_success_timestamp_seconds 1.79500000025E9");
    assertSeries(scrape, "connmonitor_output_dropped_records_total 12.0");
    assertSeries(scrape, "connmonitor_name_resolution_failures_total 2.0");
    assertSeries(scrape, "connmonitor_host_resolved{host=\"db.example\",zone=\"b\"} 0.0");
    assertSeries(scrape, "connmonitor_host_resolved{host=\"web.example\",zone=\"\"} 1.0");
    db.close();
    assertFalse(scrape().contains("db.example"));
  }

  @Test
  void lateAndSkippedProbeRunsAreReadAtEachScrape() throws Exception {
    long[] runs = {0, 0};
    StartDelays[] delays = {new StartDelays(new double[] {0.001, 0.005, Double.POSITIVE_INFINITY}, new long[3], 0)};
    metrics.countLateRuns(() -> runs[0], () -> runs[1], () -> delays[0]);
    assertSeries(scrape(), "connmonitor_probe_runs_late_total 0.0");
    runs[0] = 4;
    runs[1] = 38;
    delays[0] = new StartDelays(new double[] {0.001, 0.005, Double.POSITIVE_INFINITY}, new long[] {90, 7, 3}, 0.75);
    String scrape = scrape();
    assertSeries(scrape, "connmonitor_probe_runs_late_total 4.0");
    assertSeries(scrape, "connmonitor_probe_runs_skipped_total 38.0");
    // Each bucket counts the runs within its bound, those of the buckets below included.
    assertSeries(scrape, "connmonitor_probe_run_start_delay_seconds_bucket{le=\"0.001\"} 90");
    assertSeries(scrape, "connmonitor_probe_run_start_delay_seconds_bucket{le=\"0.005\"} 97");
    assertSeries(scrape, "connmonitor_probe_run_start_delay_seconds_bucket{le=\"+Inf\"} 100");
    assertSeries(scrape, "connmonitor_probe_run_start_delay_seconds_count 100");
    assertSeries(scrape, "connmonitor_probe_run_start_delay_seconds_sum 0.75");
  }

  @Test
  void theJvmsOwnMetricsAreThere() throws Exception {
    String scrape = scrape();
    assertTrue(scrape.contains("\njvm_memory_used_bytes{area=\"heap\"} "), scrape);
    assertTrue(scrape.contains("\nprocess_cpu_seconds_total "), scrape);
  }

  @Test
  void openMetricsWhenTheAcceptHeaderAsksForIt() throws Exception {
    String prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
        + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
        metrics.format(prometheus).getContentType());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.format(null).getContentType());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.format("text/plain").getContentType());
    assertTrue(scrape(metrics, prometheus).endsWith("# EOF\n"));
  }

  private static void burst(HostMetrics host, int sent, Double... rttsMs) {
    host.burst(sent, List.of(rttsMs), PingStats.of(sent, List.of(rttsMs)));
  }

  private String scrape() throws Exception {
    return scrape(metrics, null);
  }

  static String scrape(PrometheusMetrics metrics, String accept) throws Exception {
    ScrapeOutput out = new ScrapeOutput();
    metrics.scrape(metrics.format(accept), out);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    out.forEachChunk((chunk, length) -> bytes.write(chunk, 0, length));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertSeries(String scrape, String line) {
    assertTrue(scrape.lines().anyMatch(line::equals), "no line " + line + " in\n" + scrape);
  }

  private static double value(String scrape, String series) {
    return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + scrape));
  }
}
