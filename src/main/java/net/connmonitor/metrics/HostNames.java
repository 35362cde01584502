package net.connmonitor.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The series {@code connmonitor_host_resolved}: for each host line, 1 while its name has an address, 0 while it
 * does not resolve (yet); with the host and the operator's labels, no address, since it may have none. A collector
 * of the registry: a series per host, few enough for the client's writer.
 */
final class HostNames implements Collector {

  static final String NAME = "connmonitor_host_resolved";

  /** One per host as named; two lines of the same host share it. */
  private static final class State {
    int holders;
    volatile boolean resolved;
  }

  private final Map<HostLabels, State> names = new ConcurrentHashMap<>();
  private final Supplier<SortedSet<String>> labelNames;
  private final AtomicLong failures;

  /**
   * @param labelNames the operator's label names of the day
   * @param failures   counts every failed look-up
   */
  HostNames(Supplier<SortedSet<String>> labelNames, AtomicLong failures) {
    this.labelNames = labelNames;
    this.failures = failures;
  }

  NameMetrics name(HostLabels host) {
    State state = names.compute(host, (key, known) -> {
      State shared = known == null ? new State() : known;
      shared.holders++;
      return shared;
    });
    return new NameMetrics() {
      private volatile boolean closed;

      @Override
      public void resolved() {
        if (!closed) {
          state.resolved = true;
        }
      }

      @Override
      public void unresolved() {
        if (!closed) {
          // A name that stops resolving keeps its last address, and is measured there: it still has one.
          failures.incrementAndGet();
        }
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          names.computeIfPresent(host, (key, shared) -> --shared.holders == 0 ? null : shared);
        }
      }
    };
  }

  @Override
  public String getPrometheusName() {
    return NAME;
  }

  @Override
  public MetricSnapshot collect() {
    SortedSet<String> operators = labelNames.get();
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    names.forEach((host, state) -> {
      Labels.Builder labels = Labels.builder().label("host", host.host());
      operators.forEach(name -> labels.label(name, host.labels().getOrDefault(name, "")));
      points.add(GaugeDataPointSnapshot.builder().labels(labels.build()).value(state.resolved ? 1 : 0).build());
    });
    return new GaugeSnapshot(new MetricMetadata(NAME,
        "Whether the host's name has an address to measure: 0 while it does not resolve (yet)"), points);
  }
}
