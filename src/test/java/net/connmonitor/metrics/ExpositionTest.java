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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.ReplyTtl;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPortStats;
import net.connmonitor.probe.TlsFacts;
import net.connmonitor.probe.Trace;
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

  @Test
  void ourLinesAreTheClientsLinesInTheTextFormat() throws Exception {
    assertSameFamilies(null);
  }

  @Test
  void ourLinesAreTheClientsLinesInOpenMetrics() throws Exception {
    assertSameFamilies("application/openmetrics-text; version=1.0.0");
  }

  /**
   * Protobuf, the format of native histograms, is written by the client's own writer from our snapshots: they must be
   * the client's snapshots of the same metrics, native buckets included.
   */
  @Test
  void ourSnapshotsAreTheClientsSnapshotsInProtobuf() throws Exception {
    PrometheusMetrics ours = measured();
    PrometheusRegistry registry = reference(PingStats.of(SENT, RTTS_MS));
    PrometheusProtobufWriter protobuf = ExpositionFormats.init().getPrometheusProtobufWriter();
    Map<String, String> expected = new TreeMap<>();
    registry.scrape().forEach(family -> expected.put(family.getMetadata().getName(),
        withoutCreated(protobuf.toDebugString(MetricSnapshots.of(family)))));
    Map<String, String> written = new TreeMap<>();
    ours.snapshots().stream().filter(family -> expected.containsKey(family.getMetadata().getName()))
        .forEach(family -> written.put(family.getMetadata().getName(),
            withoutCreated(protobuf.toDebugString(MetricSnapshots.of(family)))));
    assertEquals(expected, written);
    assertTrue(written.get(Family.PING_RTT.name).contains("schema: 5"), written.get(Family.PING_RTT.name));
  }

  /** The client's metrics know when they were made; ours, made by the test at another moment, are the same data. */
  private static String withoutCreated(String debug) {
    return debug.replaceAll("\\n *created_timestamp \\{[^}]*}", "");
  }

  private static PrometheusMetrics measured() {
    PrometheusMetrics ours = new PrometheusMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
    ours.labelNames(List.of(HOST, HostLabels.of("other", Map.of("rack", "r1"))));
    HostMetrics host = ours.host(HOST, ADDRESS);
    PingStats stats = PingStats.of(SENT, RTTS_MS).withReplyTtl(Optional.of(new ReplyTtl(61, OptionalInt.of(62))));
    host.burst(SENT, RTTS_MS, stats);
    host.trace(new Trace(List.of()), true, OptionalInt.of(5));
    Scan scan = new Scan(Optional.of(new HttpAnswer(1.25, "404", "nginx")), Optional.of(new HttpAnswer(2.5, "200",
        "nginx", Optional.of(TLS))), Optional.empty());
    host.scan(scan);
    host.tcp(TCP);
    return ours;
  }

  private static void assertSameFamilies(String accept) throws Exception {
    PrometheusMetrics ours = measured();
    Map<String, List<String>> expected = families(text(reference(PingStats.of(SENT, RTTS_MS)), accept));
    expected.keySet().removeIf(family -> family.contains("connmonitor_icmp_dropped_answers"));
    Map<String, List<String>> written = families(PrometheusMetricsTest.scrape(ours, accept));
    // The per-host families only: the registry's writer writes the rest.
    written.keySet()
        .removeIf(family -> Arrays.stream(Family.values()).noneMatch(perHost -> family.startsWith(perHost.name)));
    assertEquals(expected, written);
  }

  /** The same measurements in the client's own metrics. */
  private static PrometheusRegistry reference(PingStats stats) {
    PrometheusRegistry registry = new PrometheusRegistry();
    String[] hostNames = {"host", "addr", "env", "rack", "zone"};
    String[] host = {HOST.host(), ADDRESS, "a\\b\nc", "", "nord"};
    String[] serviceNames = {"host", "addr", "env", "rack", "zone", "service"};
    Histogram rtt = Histogram.builder().name(Family.PING_RTT.name).unit(Unit.SECONDS).help(Family.PING_RTT.help)
        .labelNames(hostNames).classicUpperBounds(RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE).bounds())
        .nativeInitialSchema(NativeBuckets.SCHEMA).nativeMaxNumberOfBuckets(Integer.MAX_VALUE).register(registry);
    RTTS_MS.forEach(rttMs -> rtt.labelValues(host).observe(rttMs / 1000));
    counter(registry, Family.PING_REQUESTS, hostNames).labelValues(host).inc(SENT);
    counter(registry, Family.PING_REPLIES, hostNames).labelValues(host).inc(RTTS_MS.size());
    counter(registry, Family.PING_SEND_ERRORS, hostNames).labelValues(host);
    gauge(registry, Family.PING_LAST_MIN, hostNames).labelValues(host).set(stats.min() / 1000);
    gauge(registry, Family.PING_LAST_AVG, hostNames).labelValues(host).set(stats.avg() / 1000);
    gauge(registry, Family.PING_LAST_MAX, hostNames).labelValues(host).set(stats.max() / 1000);
    gauge(registry, Family.PING_LAST_STDDEV, hostNames).labelValues(host).set(stats.std() / 1000);
    gauge(registry, Family.PING_LAST_LOSS, hostNames).labelValues(host).set(stats.loss() / 100);
    gauge(registry, Family.TRACE_HOPS, hostNames).labelValues(host).set(5);
    counter(registry, Family.TRACE_ROUTE_CHANGES, hostNames).labelValues(host).inc();
    gauge(registry, Family.TRACE_LAST_TIMESTAMP, hostNames).labelValues(host).set(1_795_000_000.125);
    Gauge up = gauge(registry, Family.SCAN_UP, serviceNames);
    Gauge scanRtt = gauge(registry, Family.SCAN_RTT, serviceNames);
    Gauge status = gauge(registry, Family.SCAN_HTTP_STATUS, serviceNames);
    up.labelValues(with(host, "http")).set(1);
    up.labelValues(with(host, "mysql")).set(0);
    scanRtt.labelValues(with(host, "http")).set(0.00125);
    scanRtt.labelValues(with(host, "mysql")).set(Double.NaN);
    status.labelValues(with(host, "http")).set(404);
    status.labelValues(with(host, "https")).set(200);
    up.labelValues(with(host, "https")).set(1);
    scanRtt.labelValues(with(host, "https")).set(0.0025);
    gauge(registry, Family.PING_REPLY_TTL, hostNames).labelValues(host).set(61);
    gauge(registry, Family.TLS_CERT_EXPIRY, hostNames).labelValues(host).set(1_796_000_000);
    gauge(registry, Family.TLS_VERIFIED, hostNames).labelValues(host).set(0);
    String[] portNames = {"host", "addr", "env", "rack", "zone", "port"};
    Gauge tcpMin = gauge(registry, Family.TCP_PING_LAST_MIN, portNames);
    Gauge tcpAvg = gauge(registry, Family.TCP_PING_LAST_AVG, portNames);
    Gauge tcpMax = gauge(registry, Family.TCP_PING_LAST_MAX, portNames);
    Gauge tcpLoss = gauge(registry, Family.TCP_PING_LAST_LOSS, portNames);
    Gauge tcpRefused = gauge(registry, Family.TCP_PING_LAST_REFUSED, portNames);
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
    return registry;
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

  private static Counter counter(PrometheusRegistry registry, Family family, String[] labelNames) {
    return Counter.builder().name(family.name).help(family.help).labelNames(labelNames).register(registry);
  }

  private static Gauge gauge(PrometheusRegistry registry, Family family, String[] labelNames) {
    Gauge.Builder gauge = Gauge.builder().name(family.name).help(family.help).labelNames(labelNames);
    if (family.unit != null) {
      gauge.unit(new Unit(family.unit));
    }
    return gauge.register(registry);
  }

  private static String[] with(String[] values, String service) {
    List<String> all = new ArrayList<>(List.of(values));
    all.add(service);
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
