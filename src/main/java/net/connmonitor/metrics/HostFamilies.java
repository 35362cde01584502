package net.connmonitor.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The families of per-host series for one set of label names: {@code host}, {@code addr}, then the operator's
 * label names in order (a host without one of them has it empty, which Prometheus takes as absent). The client fixes
 * a family's label names when it is built, so another set of names needs new families.
 */
final class HostFamilies {

  /** The label of the scan series: which service. */
  static final String SERVICE = "service";
  static final List<String> SERVICES = List.of("http", "https", "mysql");

  /**
   * Round-trip times from loopback (tens of microseconds) to the slowest answer a timeout lets through (seconds),
   * in steps of 2 to 2.5; more buckets would make every host's histogram, scraped at each scrape, dearer.
   */
  private static final double[] RTT_BUCKETS_SECONDS = {
      0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  private final SortedSet<String> userLabelNames;
  final Histogram rtt;
  final Counter requests;
  final Counter replies;
  final Gauge lastMin;
  final Gauge lastAvg;
  final Gauge lastMax;
  final Gauge lastStddev;
  final Gauge lastLoss;
  final Gauge traceHops;
  final Counter routeChanges;
  final Gauge lastTrace;
  final Gauge scanUp;
  final Gauge scanRtt;
  final Gauge httpStatus;
  private final List<StatefulMetric<?, ?>> hostFamilies;
  private final List<StatefulMetric<?, ?>> serviceFamilies;

  HostFamilies(SortedSet<String> userLabelNames) {
    this.userLabelNames = new TreeSet<>(userLabelNames);
    List<String> names = new ArrayList<>(List.of("host", "addr"));
    names.addAll(userLabelNames);
    String[] host = names.toArray(String[]::new);
    names.add(SERVICE);
    String[] service = names.toArray(String[]::new);
    rtt = Histogram.builder().name("connmonitor_ping_rtt_seconds").unit(Unit.SECONDS)
        .help("Round-trip time of each echo reply of the ping bursts").labelNames(host)
        .classicUpperBounds(RTT_BUCKETS_SECONDS).classicOnly().withoutExemplars().build();
    requests = Counter.builder().name("connmonitor_ping_requests_total")
        .help("Echo requests sent by the ping bursts").labelNames(host).withoutExemplars().build();
    replies = Counter.builder().name("connmonitor_ping_replies_total")
        .help("Echo replies received in time by the ping bursts").labelNames(host).withoutExemplars().build();
    lastMin = seconds("connmonitor_ping_last_min_seconds",
        "Shortest round-trip time of the last ping burst (NaN when every request was lost)", host);
    lastAvg = seconds("connmonitor_ping_last_avg_seconds",
        "Mean round-trip time of the last ping burst (NaN when every request was lost)", host);
    lastMax = seconds("connmonitor_ping_last_max_seconds",
        "Longest round-trip time of the last ping burst (NaN when every request was lost)", host);
    lastStddev = seconds("connmonitor_ping_last_stddev_seconds",
        "Sample standard deviation of the round-trip times of the last ping burst (NaN when every request was lost)",
        host);
    lastLoss = Gauge.builder().name("connmonitor_ping_last_loss_ratio").unit(Unit.RATIO)
        .help("Share of the echo requests of the last ping burst that got no reply in time, 0 to 1")
        .labelNames(host).withoutExemplars().build();
    traceHops = Gauge.builder().name("connmonitor_trace_hops")
        .help("Hop number at which the known route ends, as the traces have shown it").labelNames(host)
        .withoutExemplars().build();
    routeChanges = Counter.builder().name("connmonitor_trace_route_changes_total")
        .help("Traces that changed the known route (each one is printed as a record)").labelNames(host)
        .withoutExemplars().build();
    lastTrace = seconds("connmonitor_trace_last_timestamp_seconds",
        "When the last trace ended, printed or not, in seconds since the Unix epoch", host);
    scanUp = Gauge.builder().name("connmonitor_scan_up")
        .help("Whether the service answered the last scan as it should: 1, or 0 (refused, silent or unintelligible)")
        .labelNames(service).withoutExemplars().build();
    scanRtt = seconds("connmonitor_scan_rtt_seconds",
        "Time from starting the connection to the first bytes of the answer, in the last scan (NaN when down)",
        service);
    httpStatus = Gauge.builder().name("connmonitor_scan_http_status_code")
        .help("HTTP status code of the answer to the last scan's HEAD / (NaN when down)").labelNames(service)
        .withoutExemplars().build();
    hostFamilies = List.of(rtt, requests, replies, lastMin, lastAvg, lastMax, lastStddev, lastLoss, traceHops,
        routeChanges, lastTrace);
    serviceFamilies = List.of(scanUp, scanRtt, httpStatus);
  }

  private static Gauge seconds(String name, String help, String[] labelNames) {
    return Gauge.builder().name(name).unit(Unit.SECONDS).help(help).labelNames(labelNames).withoutExemplars()
        .build();
  }

  SortedSet<String> userLabelNames() {
    return userLabelNames;
  }

  /** The values of a host's labels, in the order of the families' label names. */
  String[] labelValues(HostLabels host, String address) {
    String[] values = new String[2 + userLabelNames.size()];
    values[0] = host.host();
    values[1] = address;
    int i = 2;
    for (String name : userLabelNames) {
      values[i++] = host.labels().getOrDefault(name, "");
    }
    return values;
  }

  /** @param hostValues as {@link #labelValues} gives them */
  static String[] withService(String[] hostValues, String service) {
    String[] values = Arrays.copyOf(hostValues, hostValues.length + 1);
    values[hostValues.length] = service;
    return values;
  }

  void registerOn(PrometheusRegistry registry) {
    hostFamilies.forEach(registry::register);
    serviceFamilies.forEach(registry::register);
  }

  void unregisterFrom(PrometheusRegistry registry) {
    hostFamilies.forEach(registry::unregister);
    serviceFamilies.forEach(registry::unregister);
  }

  /** Removes every series of a host. */
  void remove(String[] hostValues) {
    hostFamilies.forEach(family -> family.remove(hostValues));
    for (String service : SERVICES) {
      String[] values = withService(hostValues, service);
      serviceFamilies.forEach(family -> family.remove(values));
    }
  }
}
