package net.connmonitor.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;

/**
 * The upper bounds of the classic round-trip time histogram, the one the text formats carry: a fixed number of
 * bounds a decade, from 10 µs (loopback) to 10 s (past the longest timeout a burst is usually given), each rounded
 * to three significant digits. A quantile lies within its bucket, so the ratio between two bounds is its worst
 * error: 27 % at 10 a decade, 10 % at 26. Every bound is a line per host at every scrape, so the operator chooses
 * (native histograms, which Prometheus asks for in protobuf, keep 2 % at any count).
 */
public final class RttBuckets {

  public static final int DEFAULT_PER_DECADE = 10;
  public static final int MAX_PER_DECADE = 100;
  private static final double LOWEST_SECONDS = 1e-5;
  private static final int DECADES = 6;

  private final double[] bounds;
  /** The end of each bucket's labels as the text formats write it, the last one {@code +Inf}. */
  private final byte[][] le;

  private RttBuckets(int perDecade) {
    bounds = new double[DECADES * perDecade + 1];
    le = new byte[bounds.length + 1][];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = new BigDecimal(Math.pow(10, (double) i / perDecade), new MathContext(3))
          .multiply(BigDecimal.valueOf(LOWEST_SECONDS)).doubleValue();
      le[i] = (",le=\"" + bounds[i] + "\"} ").getBytes(StandardCharsets.US_ASCII);
    }
    le[bounds.length] = ",le=\"+Inf\"} ".getBytes(StandardCharsets.US_ASCII);
  }

  /** @param perDecade from 1 to {@link #MAX_PER_DECADE} */
  public static RttBuckets perDecade(int perDecade) {
    if (perDecade < 1 || perDecade > MAX_PER_DECADE) {
      throw new IllegalArgumentException("expected 1 to " + MAX_PER_DECADE + " buckets a decade, got " + perDecade);
    }
    return new RttBuckets(perDecade);
  }

  /** The upper bounds, in seconds, ascending; a copy. */
  double[] bounds() {
    return bounds.clone();
  }

  /** Buckets, the one past every bound included. */
  int count() {
    return bounds.length + 1;
  }

  double bound(int bucket) {
    return bucket < bounds.length ? bounds[bucket] : Double.POSITIVE_INFINITY;
  }

  byte[] le(int bucket) {
    return le[bucket];
  }

  /** The bucket a time in seconds falls in: the first whose bound it does not exceed. */
  int bucketOf(double seconds) {
    int low = 0;
    int high = bounds.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (seconds > bounds[middle]) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
