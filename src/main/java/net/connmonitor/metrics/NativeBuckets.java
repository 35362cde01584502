package net.connmonitor.metrics;

import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.Arrays;

/**
 * The buckets of a native (exponential) histogram of positive values, as Prometheus defines them: at schema
 * {@value #SCHEMA} each power of two is cut in {@code 2^5} buckets, bucket {@code i} holding the values in
 * {@code (2^((i-1)/32), 2^(i/32)]}, so that a quantile is known within 2.2 % whatever the value. The counts live
 * in one array over the range of indexes seen so far: a host whose times stay within a factor of two holds 32 at
 * most; from 10 µs to 10 s, 640.
 */
final class NativeBuckets {

  static final int SCHEMA = 5;
  private static final int PER_POWER_OF_TWO = 1 << SCHEMA;
  /** The zero bucket's bound, as Prometheus's client has it: no round-trip time is this short. */
  static final double ZERO_THRESHOLD = Math.pow(2, -128);
  /** {@code BOUNDS[j] = 2^(j/32 - 1)}: where, within {@code [0.5, 1)}, each bucket of a power of two ends. */
  private static final double[] BOUNDS = new double[PER_POWER_OF_TWO];

  static {
    for (int j = 0; j < PER_POWER_OF_TWO; j++) {
      BOUNDS[j] = Math.pow(2, (double) j / PER_POWER_OF_TWO - 1);
    }
  }

  private long zeroCount;
  private long[] counts = new long[0];
  /** The index of {@code counts[0]}. */
  private int first;

  void observe(double value) {
    if (value <= ZERO_THRESHOLD) {
      zeroCount++;
      return;
    }
    int index = index(value);
    if (counts.length == 0) {
      counts = new long[1];
      first = index;
    } else if (index < first) {
      long[] grown = new long[counts.length + first - index];
      System.arraycopy(counts, 0, grown, first - index, counts.length);
      counts = grown;
      first = index;
    } else if (index >= first + counts.length) {
      counts = Arrays.copyOf(counts, index - first + 1);
    }
    counts[index - first]++;
  }

  /**
   * The bucket of a value: with {@code value = fraction * 2^exponent}, fraction in {@code [0.5, 1)} (C's frexp),
   * the first bound at or above the fraction, counted from the buckets of the powers of two below.
   */
  static int index(double value) {
    int exponent = Math.getExponent(value) + 1;
    double fraction = Math.scalb(value, -exponent);
    int j = Arrays.binarySearch(BOUNDS, fraction);
    if (j < 0) {
      j = -j - 1;
    }
    return j + (exponent - 1) * PER_POWER_OF_TWO;
  }

  long zeroCount() {
    return zeroCount;
  }

  /** The buckets that hold something, as the client's snapshots carry them. */
  NativeHistogramBuckets snapshot() {
    NativeHistogramBuckets.Builder buckets = NativeHistogramBuckets.builder();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        buckets.bucket(first + i, counts[i]);
      }
    }
    return buckets.build();
  }
}
