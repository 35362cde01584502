package net.connmonitor.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * A host's round-trip times, in seconds, counted twice: in the classic buckets the operator chose, which the text
 * formats carry, and in native buckets, which only protobuf does. Not thread-safe: its host's state guards it.
 */
final class RttHistogram {

  private final RttBuckets classicBounds;
  /** Observations per classic bucket, not cumulated; the last one past every bound. */
  private final long[] classic;
  private final NativeBuckets exponential = new NativeBuckets();
  private long count;
  private double sum;

  RttHistogram(RttBuckets classicBounds) {
    this.classicBounds = classicBounds;
    classic = new long[classicBounds.count()];
  }

  void observe(double seconds) {
    classic[classicBounds.bucketOf(seconds)]++;
    exponential.observe(seconds);
    count++;
    sum += seconds;
  }

  void write(byte[] labels, Exposition out) {
    out.histogram(labels, classicBounds, classic, count, sum);
  }

  /** Both kinds of buckets, as the client's protobuf writer takes them. */
  HistogramDataPointSnapshot snapshot(Labels labels) {
    double[] bounds = new double[classic.length];
    for (int i = 0; i < classic.length; i++) {
      bounds[i] = classicBounds.bound(i);
    }
    return HistogramDataPointSnapshot.builder()
        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, classic.clone()))
        .nativeSchema(NativeBuckets.SCHEMA)
        .nativeZeroThreshold(NativeBuckets.ZERO_THRESHOLD)
        .nativeZeroCount(exponential.zeroCount())
        .nativeBucketsForPositiveValues(exponential.snapshot())
        .sum(sum)
        .labels(labels)
        .build();
  }
}
