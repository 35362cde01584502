package net.connmonitor.metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.ReplyTtl;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPortStats;
import net.connmonitor.probe.TlsFacts;

/**
 * What the series of the further probes of one host at one address hold: the replies' TTL, the TCP pings per port
 * and the https scan's certificate. Part of its {@link HostState}, and used under that object's lock only.
 */
final class ProbeState {

  static final String PORT = "port";

  private final HostSeriesKey key;
  private boolean pinged;
  private double replyTtl = Double.NaN;
  private SortedMap<Integer, TcpPortStats> tcp = Collections.emptySortedMap();
  private Optional<TlsFacts> tls = Optional.empty();
  /** The labels of each port's series, made for {@link #portLabelNames}. */
  private final Map<Integer, SeriesLabels> portLabels = new HashMap<>();
  private SortedSet<String> portLabelNames;

  ProbeState(HostSeriesKey key) {
    this.key = key;
  }

  void burst(PingStats stats) {
    pinged = true;
    replyTtl = stats.replyTtl().map(ReplyTtl::ttl).map(Integer::doubleValue).orElse(Double.NaN);
  }

  void tcp(TcpPing ping) {
    tcp = ping.ports();
  }

  void scan(Scan scan) {
    tls = scan.https().flatMap(HttpAnswer::tls);
  }

  void write(MetricFamily family, HostLabelText labels, SeriesWriter out) {
    switch (family) {
      case PING_REPLY_TTL -> {
        if (pinged) {
          out.sample(labels, replyTtl);
        }
      }
      case TCP_PING_LAST_MIN -> ports(out, labels, family);
      case TCP_PING_LAST_AVG -> ports(out, labels, family);
      case TCP_PING_LAST_MAX -> ports(out, labels, family);
      case TCP_PING_LAST_LOSS -> ports(out, labels, family);
      case TCP_PING_LAST_REFUSED -> ports(out, labels, family);
      case TLS_CERT_EXPIRY -> tls.ifPresent(facts ->
          out.sample(labels, facts.earliestExpiry().toEpochMilli() / 1000.0));
      case TLS_VERIFIED -> tls.ifPresent(facts -> out.sample(labels, facts.verified() ? 1 : 0));
      default -> throw new IllegalArgumentException(family + " is a family of HostState");
    }
  }

  private void ports(SeriesWriter out, HostLabelText labels, MetricFamily family) {
    if (labels.names() != portLabelNames) {
      portLabels.clear();
      portLabelNames = labels.names();
    }
    tcp.forEach((port, stats) -> {
      SeriesLabels portLabel = portLabels.computeIfAbsent(port,
          p -> HostLabelText.with(key, labels.names(), PORT, Integer.toString(p)));
      out.sample(portLabel, value(family, stats));
    });
  }

  private static double value(MetricFamily family, TcpPortStats stats) {
    boolean answered = stats.min() >= 0;
    return switch (family) {
      case TCP_PING_LAST_MIN -> answered ? stats.min() / 1000 : Double.NaN;
      case TCP_PING_LAST_AVG -> answered ? stats.avg() / 1000 : Double.NaN;
      case TCP_PING_LAST_MAX -> answered ? stats.max() / 1000 : Double.NaN;
      case TCP_PING_LAST_LOSS -> stats.loss() / 100;
      default -> stats.refused();
    };
  }
}
