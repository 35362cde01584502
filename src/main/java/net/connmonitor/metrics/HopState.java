package net.connmonitor.metrics;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import net.connmonitor.probe.HopStats;

/**
 * What the per-hop series of one host at one address hold: each hop's loss and round-trip times over the host's last
 * traces, as its hop statistics ({@code hopstats=N}) last gave them; a host without them has no such series. A hop's
 * series are labelled with its number and the address that last answered there, so a host has one series per family
 * for each hop of its route, never more than its hop limit; when another address answers at a hop, its series
 * replaces the old one. Part of its {@link HostState}, and used under that object's lock only.
 */
final class HopState {

  static final String HOP = "hop";
  static final String HOP_ADDRESS = "hop_addr";

  private final HostSeriesKey key;
  private List<HopStats> hops = List.of();
  /** Each hop's labels, made for {@link #labelNames} and the hop's address of {@link #hops}. */
  private List<SeriesLabels> labels = List.of();
  private SortedSet<String> labelNames;

  HopState(HostSeriesKey key) {
    this.key = key;
  }

  void hops(List<HopStats> latest) {
    hops = List.copyOf(latest);
    labels = List.of();
  }

  void write(MetricFamily family, HostLabelText hostLabels, SeriesWriter out) {
    if (hostLabels.names() != labelNames || labels.size() != hops.size()) {
      labelNames = hostLabels.names();
      labels = hops.stream().map(hop -> {
        TreeMap<String, String> extra = new TreeMap<>();
        extra.put(HOP, Integer.toString(hop.hop()));
        extra.put(HOP_ADDRESS, hop.answered() ? hop.address() : "");
        return HostLabelText.with(key, labelNames, extra);
      }).toList();
    }
    for (int index = 0; index < hops.size(); index++) {
      out.sample(labels.get(index), value(family, hops.get(index)));
    }
  }

  private static double value(MetricFamily family, HopStats hop) {
    if (family == MetricFamily.TRACE_HOP_LOSS) {
      return hop.lossRatio();
    }
    if (!hop.answered()) {
      return Double.NaN;
    }
    return switch (family) {
      case TRACE_HOP_LAST -> hop.lastMs() / 1000;
      case TRACE_HOP_AVG -> hop.avgMs() / 1000;
      case TRACE_HOP_BEST -> hop.bestMs() / 1000;
      case TRACE_HOP_WORST -> hop.worstMs() / 1000;
      case TRACE_HOP_STDDEV -> hop.stdMs() / 1000;
      default -> throw new IllegalArgumentException(family + " is no family of HopState");
    };
  }
}
