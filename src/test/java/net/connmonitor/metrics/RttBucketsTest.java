package net.connmonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The classic bounds: their range, and the resolution the usage and the README promise. */
class RttBucketsTest {

  @Test
  void tenADecadeFromTenMicrosecondsToTenSecondsByDefault() {
    double[] bounds = RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE).bounds();
    assertEquals(61, bounds.length);
    assertEquals(1e-5, bounds[0]);
    assertEquals(1.26e-5, bounds[1]);
    assertEquals(0.0251, bounds[34]);
    assertEquals(10.0, bounds[60]);
    assertTrue(largestRatio(bounds) < 1.27, "" + largestRatio(bounds));
  }

  @Test
  void twentySixADecadeKeepEveryQuantileWithinTenPerCent() {
    assertTrue(largestRatio(RttBuckets.perDecade(26).bounds()) <= 1.1 + 1e-12);
    assertTrue(largestRatio(RttBuckets.perDecade(25).bounds()) > 1.1);
  }

  @Test
  void aTimeFallsInTheFirstBucketWhoseBoundItDoesNotExceed() {
    RttBuckets buckets = RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE);
    assertEquals(0, buckets.bucketOf(1e-6));
    assertEquals(0, buckets.bucketOf(1e-5));
    assertEquals(1, buckets.bucketOf(1.0000001e-5));
    assertEquals(34, buckets.bucketOf(0.0205));
    assertEquals(61, buckets.bucketOf(10.5));
    assertEquals(62, buckets.count());
  }

  @Test
  void outsideOneToAHundredIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RttBuckets.perDecade(0));
    assertThrows(IllegalArgumentException.class, () -> RttBuckets.perDecade(RttBuckets.MAX_PER_DECADE + 1));
  }

  private static double largestRatio(double[] bounds) {
    double largest = 0;
    for (int i = 1; i < bounds.length; i++) {
      largest = Math.max(largest, bounds[i] / bounds[i - 1]);
    }
    return largest;
  }
}
