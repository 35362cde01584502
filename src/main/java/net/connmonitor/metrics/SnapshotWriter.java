package net.connmonitor.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-host series as the client's snapshots, for its protobuf writer: the one format that carries native
 * histograms. Dearer than {@link Exposition} per sample, but a protobuf scrape has no bucket lines to write.
 */
final class SnapshotWriter implements SeriesWriter {

  private final MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
  private MetricFamily family;
  private final List<CounterDataPointSnapshot> counters = new ArrayList<>();
  private final List<GaugeDataPointSnapshot> gauges = new ArrayList<>();
  private final List<HistogramDataPointSnapshot> histograms = new ArrayList<>();

  @Override
  public void family(MetricFamily next) {
    finishFamily();
    family = next;
  }

  @Override
  public void sample(HostLabelText labels, double value) {
    add(labels.hostLabels(), value);
  }

  @Override
  public void serviceSample(HostLabelText labels, int service, double value) {
    add(labels.serviceLabels(service), value);
  }

  @Override
  public void sample(SeriesLabels labels, double value) {
    add(labels.labels(), value);
  }

  @Override
  public void histogram(HostLabelText labels, RttHistogram histogram) {
    histograms.add(histogram.snapshot(labels.hostLabels()));
  }

  private void add(Labels labels, double value) {
    if (family.type == MetricFamily.Type.COUNTER) {
      counters.add(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
    } else {
      gauges.add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
    }
  }

  /** The per-host families measured so far, then {@code others}. */
  MetricSnapshots finish(MetricSnapshots others) {
    finishFamily();
    others.forEach(snapshots::metricSnapshot);
    return snapshots.build();
  }

  /** A family that no host has measured is left out, as the text formats leave it out. */
  private void finishFamily() {
    if (family == null || counters.isEmpty() && gauges.isEmpty() && histograms.isEmpty()) {
      return;
    }
    MetricMetadata metadata = new MetricMetadata(family.name, family.help,
        family.unit == null ? null : new Unit(family.unit));
    MetricSnapshot snapshot = switch (family.type) {
      case COUNTER -> new CounterSnapshot(metadata, List.copyOf(counters));
      case GAUGE -> new GaugeSnapshot(metadata, List.copyOf(gauges));
      case HISTOGRAM -> new HistogramSnapshot(metadata, List.copyOf(histograms));
    };
    snapshots.metricSnapshot(snapshot);
    counters.clear();
    gauges.clear();
    histograms.clear();
  }
}
