package net.connmonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Prometheus's definition of an exponential bucket, held against values from nanoseconds to hours. */
class NativeBucketsTest {

  private static final double BASE = Math.pow(2, Math.pow(2, -NativeBuckets.SCHEMA));

  @Test
  void eachValueLiesInItsBucketAboveTheLowerBoundAndAtMostTheUpper() {
    Random random = new Random(17);
    for (int i = 0; i < 100_000; i++) {
      double value = Math.pow(10, -9 + 13 * random.nextDouble());
      int index = NativeBuckets.index(value);
      // Compared in logarithms: the bounds themselves are not exact in binary.
      double position = Math.log(value) / Math.log(BASE);
      assertTrue(position > index - 1 - 1e-9 && position <= index + 1e-9, value + " in bucket " + index);
    }
  }

  @Test
  void powersOfTwoCloseTheirBucket() {
    assertEquals(0, NativeBuckets.index(1));
    assertEquals(32, NativeBuckets.index(2));
    assertEquals(-32, NativeBuckets.index(0.5));
    assertEquals(1, NativeBuckets.index(Math.nextUp(1.0)));
  }

  @Test
  void countsAreKeptOverTheRangeSeenAndOnlyTheFilledBucketsAreGiven() {
    NativeBuckets buckets = new NativeBuckets();
    buckets.observe(0.020);
    buckets.observe(0.0201);
    buckets.observe(0.000050);
    buckets.observe(3.0);
    buckets.observe(0);
    NativeHistogramBuckets snapshot = buckets.snapshot();
    assertEquals(3, snapshot.size());
    assertEquals(NativeBuckets.index(0.000050), snapshot.getBucketIndex(0));
    assertEquals(1, snapshot.getCount(0));
    assertEquals(NativeBuckets.index(0.020), snapshot.getBucketIndex(1));
    assertEquals(2, snapshot.getCount(1));
    assertEquals(NativeBuckets.index(3.0), snapshot.getBucketIndex(2));
    assertEquals(1, buckets.zeroCount());
  }
}
