package net.connmonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.Option;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.HopStatistics;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.ReplyTtl;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPortStats;
import net.connmonitor.probe.TlsFacts;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.Test;

/**
 * The per-host families are written by our own {@link Exposition}, for speed: it must write every line exactly as
 * Prometheus's client writes the same metrics, in both formats. The client is the reference here.
 */
class ExpositionTest {

  private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000, 125_000_000);
  /** Label values that need escaping, and text beyond ASCII. */
  private static final HostLabels HOST = HostLabels.of("wéb \"1\"", Map.of("env", "a\\b\nc", "zone", "nord"));
  private static final String ADDRESS = "2001:db8:0:10::2";
  private static final List<Double> RTTS_MS = List.of(0.04, 0.3, 2.0, 20.3, 20.5, 7000.0);
  private static final int SENT = 8;
  private static final TlsFacts TLS =
      new TlsFacts("TLSv1.3", Instant.ofEpochSecond(1_796_000_000), Optional.of("self-signed certificate"));
  private static final TcpPing TCP = new TcpPing(new TreeMap<>(Map.of(
      443, TcpPortStats.of(SENT, List.of(0.25, 0.5), 0),
      22, TcpPortStats.of(SENT, List.of(), SENT))));

  private static final Trace TRACE =
      new Trace(List.of(new TraceStep("198.18.0.2", 0.05), TraceStep.silent(), new TraceStep(ADDRESS, 0.25)));

  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0";
  /** This node, and another vantage whose records reach it, in a cluster. */
  private static final String HERE = "paris";
  private static final String THERE = "oslo";

  @Test
  void ourLinesAreTheClientsLinesInTheTextFormat() throws Exception {
    assertSameFamilies(null, measured(), reference(PingStats.of(SENT, RTTS_MS), List.of()));
  }

  @Test
  void ourLinesAreTheClientsLinesInOpenMetrics() throws Exception {
    assertSameFamilies(OPEN_METRICS, measured(), reference(PingStats.of(SENT, RTTS_MS), List.of()));
  }

  /**
   * In a cluster every series says its vantage, and a collector writes those of the other vantages, fed from their
   * records, in the same families: all but the round-trip histogram, the send errors and the last trace's time, which
   * no record carries.
   */
  @Test
  void aCollectorsLinesAreTheClientsLinesWithTheVantages() throws Exception {
    PingStats stats = PingStats.of(SENT, RTTS_MS);
    assertSameFamilies(null, collector(), reference(stats, List.of(HERE, THERE)));
    assertSameFamilies(OPEN_METRICS, collector(), reference(stats, List.of(HERE, THERE)));
  }

  /**
   * Protobuf, the format of native histograms, is written by the client's own writer from our snapshots: they must be
   * the client's snapshots of the same metrics, native buckets included.
   */
  @Test
  void ourSnapshotsAreTheClientsSnapshotsInProtobuf() throws Exception {
    PrometheusMetrics ours = measured();
    PrometheusRegistry registry = reference(PingStats.of(SENT, RTTS_MS), List.of());
    PrometheusProtobufWriter protobuf = ExpositionFormats.init().getPrometheusProtobufWriter();
    Map<String, String> expected = new TreeMap<>();
    registry.scrape().forEach(family -> expected.put(family.getMetadata().getName(),
        withoutCreated(protobuf.toDebugString(MetricSnapshots.of(family)))));
    Map<String, String> written = new TreeMap<>();
    ours.snapshots().stream().filter(family -> expected.containsKey(family.getMetadata().getName()))
        .forEach(family -> written.put(family.getMetadata().getName(),
            withoutCreated(protobuf.toDebugString(MetricSnapshots.of(family)))));
    assertEquals(expected, written);
    assertTrue(written.get(MetricFamily.PING_RTT.name).contains("schema: 5"), written.get(MetricFamily.PING_RTT.name));
  }

  /** The client's metrics know when they were made; ours, made by the test at another moment, are the same data. */
  private static String withoutCreated(String debug) {
    return debug.replaceAll("\\n *created_timestamp \\{[^}]*}", "");
  }

  private static PrometheusMetrics measured() {
    PrometheusMetrics ours = new PrometheusMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
    ours.labelNames(List.of(HOST, HostLabels.of("other", Map.of("rack", "r1"))));
    measure(ours.host(HOST, ADDRESS));
    return ours;
  }

  /**
   * This node measures the host, and so does another vantage, whose records (the first trace among them, and its hop
   * statistics) come in.
   */
  private static PrometheusMetrics collector() {
    PrometheusMetrics ours = new PrometheusMetrics(Clock.fixed(NOW, ZoneOffset.UTC),
        RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE), Optional.of(new FixedCluster(HERE, HERE, THERE)));
    ours.configure(List.of(line(HOST), line(HostLabels.of("other", Map.of("rack", "r1")))));
    measure(ours.host(HOST, ADDRESS));
    Target target = new Target(HOST.host(), ADDRESS, HOST.labels());
    List<TraceStep> fiveHops = List.of(new TraceStep("198.18.0.1", 1), TraceStep.silent(),
        new TraceStep("198.18.0.3", 2), new TraceStep("198.18.0.4", 3), new TraceStep(ADDRESS, 4));
    for (Measurement measurement : List.of(burst(), new Trace(fiveHops), scan(), TCP, new HopReport(hops()))) {
      ours.record(new MonitorRecord(target, NOW, measurement, Optional.of(THERE)));
    }
    return ours;
  }

  private static HostConfig line(HostLabels host) {
    return HostConfig.of(host.host()).with(Option.NUMPINGS, SENT).with(Option.LABELS, host.labels());
  }

  private static void measure(HostMetrics host) {
    host.burst(SENT, RTTS_MS, burst());
    host.trace(TRACE, true, OptionalInt.of(3));
    host.hops(hops());
    host.scan(scan());
    host.tcp(TCP);
  }

  /** The hop statistics of the one trace measured here: a router, a silent hop, the destination. */
  private static List<HopStats> hops() {
    HopStatistics window = new HopStatistics(10);
    window.add(TRACE);
    return window.hops(OptionalInt.of(3));
  }

  private static PingStats burst() {
    return PingStats.of(SENT, RTTS_MS).withReplyTtl(Optional.of(new ReplyTtl(61, OptionalInt.of(62))));
  }

  private static Scan scan() {
    return new Scan(Optional.of(new HttpAnswer(1.25, "404", "nginx")), Optional.of(new HttpAnswer(2.5, "200",
        "nginx", Optional.of(TLS))), Optional.empty());
  }

  private static void assertSameFamilies(String accept, PrometheusMetrics ours, PrometheusRegistry reference)
      throws Exception {
    Map<String, List<String>> expected = families(text(reference, accept));
    expected.keySet().removeIf(family -> family.contains("connmonitor_icmp_dropped_answers"));
    Map<String, List<String>> written = families(PrometheusMetricsTest.scrape(ours, accept));
    // The per-host families only: the registry's writer writes the rest.
    written.keySet()
        .removeIf(family -> Arrays.stream(MetricFamily.values()).noneMatch(perHost -> family.startsWith(perHost.name)));
    expected.replaceAll((family, lines) -> bySeries(lines));
    written.replaceAll((family, lines) -> bySeries(lines));
    assertEquals(expected, written);
  }

  /**
   * A family's lines with its series in one order, each series' lines in their own: the client sorts the series, ours
   * come host by host as the map of hosts holds them, which a scraper takes alike.
   */
  private static List<String> bySeries(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines);
    // Stable: a histogram's bucket, count and sum lines stay in their order.
    sorted.sort(Comparator.comparing(line -> line.startsWith("# ") ? ""
        : line.substring(line.indexOf('{'), line.lastIndexOf('}')).replaceAll(",le=\"[^\"]*\"", "")));
    return sorted;
  }

  /**
   * The same measurements in the client's own metrics.
   *
   * @param vantages empty outside a cluster; else this node, which measured the host itself, then the vantages whose
   *                 records it has
   */
  private static PrometheusRegistry reference(PingStats stats, List<String> vantages) {
    PrometheusRegistry registry = new PrometheusRegistry();
    List<String> names = new ArrayList<>(List.of("host", "addr", "env", "rack", "zone"));
    if (!vantages.isEmpty()) {
      names.add(HostLabels.VANTAGE);
    }
    String[] hostNames = names.toArray(String[]::new);
    String[] serviceNames = with(hostNames, "service");
    String[] portNames = with(hostNames, "port");
    Histogram rtt = Histogram.builder().name(MetricFamily.PING_RTT.name).unit(Unit.SECONDS)
        .help(MetricFamily.PING_RTT.help).labelNames(hostNames)
        .classicUpperBounds(RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE).bounds())
        .nativeInitialSchema(NativeBuckets.SCHEMA).nativeMaxNumberOfBuckets(Integer.MAX_VALUE).register(registry);
    Counter requests = counter(registry, MetricFamily.PING_REQUESTS, hostNames);
    Counter replies = counter(registry, MetricFamily.PING_REPLIES, hostNames);
    Counter sendErrors = counter(registry, MetricFamily.PING_SEND_ERRORS, hostNames);
    Gauge min = gauge(registry, MetricFamily.PING_LAST_MIN, hostNames);
    Gauge avg = gauge(registry, MetricFamily.PING_LAST_AVG, hostNames);
    Gauge max = gauge(registry, MetricFamily.PING_LAST_MAX, hostNames);
    Gauge stddev = gauge(registry, MetricFamily.PING_LAST_STDDEV, hostNames);
    Gauge loss = gauge(registry, MetricFamily.PING_LAST_LOSS, hostNames);
    Gauge hops = gauge(registry, MetricFamily.TRACE_HOPS, hostNames);
    Counter routeChanges = counter(registry, MetricFamily.TRACE_ROUTE_CHANGES, hostNames);
    Gauge lastTrace = gauge(registry, MetricFamily.TRACE_LAST_TIMESTAMP, hostNames);
    Gauge up = gauge(registry, MetricFamily.SCAN_UP, serviceNames);
    Gauge scanRtt = gauge(registry, MetricFamily.SCAN_RTT, serviceNames);
    Gauge status = gauge(registry, MetricFamily.SCAN_HTTP_STATUS, serviceNames);
    Gauge replyTtl = gauge(registry, MetricFamily.PING_REPLY_TTL, hostNames);
    Gauge tlsExpiry = gauge(registry, MetricFamily.TLS_CERT_EXPIRY, hostNames);
    Gauge tlsVerified = gauge(registry, MetricFamily.TLS_VERIFIED, hostNames);
    Gauge tcpMin = gauge(registry, MetricFamily.TCP_PING_LAST_MIN, portNames);
    Gauge tcpAvg = gauge(registry, MetricFamily.TCP_PING_LAST_AVG, portNames);
    Gauge tcpMax = gauge(registry, MetricFamily.TCP_PING_LAST_MAX, portNames);
    Gauge tcpLoss = gauge(registry, MetricFamily.TCP_PING_LAST_LOSS, portNames);
    Gauge tcpRefused = gauge(registry, MetricFamily.TCP_PING_LAST_REFUSED, portNames);
    String[] hopNames = with(with(hostNames, "hop"), "hop_addr");
    Gauge hopLoss = gauge(registry, MetricFamily.TRACE_HOP_LOSS, hopNames);
    Map<MetricFamily, Gauge> hopRtts = new LinkedHashMap<>();
    for (MetricFamily family : List.of(MetricFamily.TRACE_HOP_LAST, MetricFamily.TRACE_HOP_AVG,
        MetricFamily.TRACE_HOP_BEST, MetricFamily.TRACE_HOP_WORST, MetricFamily.TRACE_HOP_STDDEV)) {
      hopRtts.put(family, gauge(registry, family, hopNames));
    }
    List<Optional<String>> measuredBy = vantages.isEmpty() ? List.of(Optional.empty())
        : vantages.stream().map(Optional::of).toList();
    for (Optional<String> vantage : measuredBy) {
      List<String> values = new ArrayList<>(List.of(HOST.host(), ADDRESS, "a\\b\nc", "", "nord"));
      vantage.ifPresent(values::add);
      String[] host = values.toArray(String[]::new);
      // This node's probes report themselves; another vantage's records carry no reply's time, no burst that could
      // not be sent, and only the traces that changed the route, the first of them changing nothing.
      boolean probedHere = vantage.isEmpty() || vantage.get().equals(vantages.get(0));
      if (probedHere) {
        RTTS_MS.forEach(rttMs -> rtt.labelValues(host).observe(rttMs / 1000));
        sendErrors.labelValues(host);
        routeChanges.labelValues(host).inc();
        lastTrace.labelValues(host).set(1_795_000_000.125);
      } else {
        routeChanges.labelValues(host);
      }
      // Each hop's statistics: from this node's traces, or from another vantage's hop statistics record.
      hopLoss.labelValues(hop(host, 1, "198.18.0.2")).set(0);
      hopLoss.labelValues(hop(host, 2, "")).set(1);
      hopLoss.labelValues(hop(host, 3, ADDRESS)).set(0);
      hopRtts.forEach((family, gauge) -> {
        boolean std = family == MetricFamily.TRACE_HOP_STDDEV;
        gauge.labelValues(hop(host, 1, "198.18.0.2")).set(std ? 0 : 0.00005);
        gauge.labelValues(hop(host, 2, "")).set(Double.NaN);
        gauge.labelValues(hop(host, 3, ADDRESS)).set(std ? 0 : 0.00025);
      });
      requests.labelValues(host).inc(SENT);
      replies.labelValues(host).inc(RTTS_MS.size());
      min.labelValues(host).set(stats.min() / 1000);
      avg.labelValues(host).set(stats.avg() / 1000);
      max.labelValues(host).set(stats.max() / 1000);
      stddev.labelValues(host).set(stats.std() / 1000);
      loss.labelValues(host).set(stats.loss() / 100);
      // The trace measured here has three hops, the other vantage's record five.
      hops.labelValues(host).set(probedHere ? 3 : 5);
      up.labelValues(with(host, "http")).set(1);
      up.labelValues(with(host, "mysql")).set(0);
      scanRtt.labelValues(with(host, "http")).set(0.00125);
      scanRtt.labelValues(with(host, "mysql")).set(Double.NaN);
      status.labelValues(with(host, "http")).set(404);
      status.labelValues(with(host, "https")).set(200);
      up.labelValues(with(host, "https")).set(1);
      scanRtt.labelValues(with(host, "https")).set(0.0025);
      replyTtl.labelValues(host).set(61);
      tlsExpiry.labelValues(host).set(1_796_000_000);
      tlsVerified.labelValues(host).set(0);
      tcpMin.labelValues(with(host, "443")).set(0.00025);
      tcpAvg.labelValues(with(host, "443")).set(0.000375);
      tcpMax.labelValues(with(host, "443")).set(0.0005);
      tcpLoss.labelValues(with(host, "443")).set(0.75);
      tcpRefused.labelValues(with(host, "443")).set(0);
      tcpMin.labelValues(with(host, "22")).set(Double.NaN);
      tcpAvg.labelValues(with(host, "22")).set(Double.NaN);
      tcpMax.labelValues(with(host, "22")).set(Double.NaN);
      tcpLoss.labelValues(with(host, "22")).set(0);
      tcpRefused.labelValues(with(host, "22")).set(SENT);
    }
    return registry;
  }

  private static String[] hop(String[] host, int hop, String address) {
    return with(with(host, Integer.toString(hop)), address);
  }

  /** Written by the client's own writer. */
  private static String text(PrometheusRegistry registry, String accept) throws Exception {
    ExpositionFormats formats = ExpositionFormats.init();
    ExpositionFormatWriter writer = accept == null
        ? formats.getPrometheusTextFormatWriter() : formats.getOpenMetricsTextFormatWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Counter counter(PrometheusRegistry registry, MetricFamily family, String[] labelNames) {
    return Counter.builder().name(family.name).help(family.help).labelNames(labelNames).register(registry);
  }

  private static Gauge gauge(PrometheusRegistry registry, MetricFamily family, String[] labelNames) {
    Gauge.Builder gauge = Gauge.builder().name(family.name).help(family.help).labelNames(labelNames);
    if (family.unit != null) {
      gauge.unit(new Unit(family.unit));
    }
    return gauge.register(registry);
  }

  private static String[] with(String[] values, String more) {
    List<String> all = new ArrayList<>(List.of(values));
    all.add(more);
    return all.toArray(String[]::new);
  }

  /** The lines of a scrape by family (the order of families is the writer's own; within one, it is the format's). */
  private static Map<String, List<String>> families(String scrape) {
    Map<String, List<String>> families = new TreeMap<>();
    List<String> current = new ArrayList<>();
    String previous = "";
    for (String line : scrape.lines().filter(line -> !line.equals("# EOF")).toList()) {
      if (line.startsWith("# ") && !previous.startsWith("# ")) {
        current = new ArrayList<>();
        families.put(line.split(" ")[2], current);
      }
      current.add(line);
      previous = line;
    }
    return new LinkedHashMap<>(families);
  }
}
