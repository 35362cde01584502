package net.connmonitor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.connmonitor.probe.PingStats;
import org.junit.jupiter.api.Test;

class PingHistoryTest {

  /** The start of a 5-minute bucket, and so of a 20-second one. */
  private static final long T0 = 1_796_000_100_000L;
  private static final double CODED = 0.0005;

  private static PingStats burst(double min, double avg, double max, double loss) {
    return new PingStats(min, avg, max, 0, loss);
  }

  private static void assertQuantiles(Series series, int point, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      double got = series.rtt(point, i);
      assertEquals(expected[i], got, expected[i] * CODED, "quantile " + i + " of point " + point);
    }
  }

  @Test
  void aBucketOfOneBurstSpansItsLowestToItsHighestWithTheMeanAsItsMedian() {
    PingHistory history = new PingHistory();
    history.add(T0 + 3000, burst(1, 2, 4, 0));
    Series fine = history.fine(T0 + 5000, 3);
    assertEquals(T0 - 2 * PingHistory.FINE_STEP_MS, fine.startMs());
    assertEquals(0, fine.bursts(0));
    assertTrue(Float.isNaN(fine.loss(0)));
    assertEquals(1, fine.bursts(2));
    assertEquals(0, fine.loss(2));
    assertQuantiles(fine, 2, 1, 1.5, 2, 3, 4);
    Series coarse = history.coarse(T0 + 5000, 1);
    assertEquals(1, coarse.bursts(0));
    assertQuantiles(coarse, 0, 1, 1.5, 2, 3, 4);
  }

  @Test
  void theBurstsOfABucketArePooledAndTheirLossAveraged() {
    PingHistory history = new PingHistory();
    history.add(T0, burst(1, 2, 3, 0));
    history.add(T0 + 5000, burst(10, 11, 12, 50));
    history.add(T0 + 10_000, PingStats.ALL_LOST);
    history.add(T0 + 19_999, burst(4, 5, 6, 10));
    Series open = history.fine(T0 + 19_999, 1);
    assertEquals(4, open.bursts(0));
    assertEquals(40, open.loss(0), 0.5);
    // Samples 1 2 3 4 5 6 10 11 12.
    assertQuantiles(open, 0, 1, 3, 5, 10, 12);
    history.add(T0 + 20_000, burst(1, 1, 1, 0));
    Series closed = history.fine(T0 + 20_000, 2);
    assertEquals(4, closed.bursts(0));
    assertEquals(40, closed.loss(0), 0.5);
    assertQuantiles(closed, 0, 1, 3, 5, 10, 12);
  }

  @Test
  void aBucketWhereEveryRequestWasLostHasItsLossAndNoRoundTrip() {
    PingHistory history = new PingHistory();
    history.add(T0, PingStats.ALL_LOST);
    history.add(T0 + 20_000, PingStats.ALL_LOST);
    Series fine = history.fine(T0 + 20_000, 2);
    for (int point = 0; point < 2; point++) {
      assertEquals(1, fine.bursts(point));
      assertEquals(100, fine.loss(point));
      assertTrue(Float.isNaN(fine.rtt(point, 2)));
    }
  }

  @Test
  void fiveMinuteBucketsConsolidateTheTwentySecondOnes() {
    PingHistory history = new PingHistory();
    // Ten minutes, a burst a second; in the first five every tenth burst loses all, the median rises by the minute.
    for (int s = 0; s < 600; s++) {
      double base = 1 + s / 60;
      history.add(T0 + s * 1000L, s < 300 && s % 10 == 0 ? PingStats.ALL_LOST : burst(base, base + 0.5, base + 1, 0));
    }
    history.add(T0 + 600_000, burst(1, 1, 1, 0));
    Series coarse = history.coarse(T0 + 600_000, 3);
    assertEquals(T0, coarse.startMs());
    assertEquals(300, coarse.bursts(0));
    assertEquals(10, coarse.loss(0), 0.5);
    assertEquals(300, coarse.bursts(1));
    assertEquals(0, coarse.loss(1));
    // Each 20-second bucket of minute m gives (b, b, b + 0.5, b + 1, b + 1), b = 1 + m; five minutes of them pooled.
    assertQuantiles(coarse, 0, 1, 2, 3.5, 5, 6);
    assertQuantiles(coarse, 1, 6, 7, 8.5, 10, 11);
    // The newest burst, in the 20-second bucket being filled, is shown in its 5-minute bucket already.
    assertEquals(1, coarse.bursts(2));
    assertQuantiles(coarse, 2, 1, 1, 1, 1, 1);
    // The fine ring holds the same ten minutes in thirty buckets.
    Series fine = history.fine(T0 + 600_000, 31);
    for (int point = 0; point < 30; point++) {
      assertEquals(20, fine.bursts(point));
    }
  }

  @Test
  void gapsStayEmptyAndTheOldestBucketsFallOutOfEachRing() {
    PingHistory history = new PingHistory();
    history.add(T0, burst(1, 2, 3, 0));
    long later = T0 + 4 * 3600_000L;
    history.add(later, burst(5, 6, 7, 0));
    Series fine = history.fine(later, PingHistory.FINE_BUCKETS);
    int filled = 0;
    for (int point = 0; point < fine.points(); point++) {
      filled += fine.bursts(point) > 0 ? 1 : 0;
    }
    assertEquals(1, filled, "only the newest bucket is within 3 hours");
    Series coarse = history.coarse(later, PingHistory.COARSE_BUCKETS);
    assertEquals(1, coarse.bursts(coarse.points() - 1 - 48), "4 hours back, in 5-minute buckets");
    history.add(T0 + 25 * 3600_000L, burst(5, 6, 7, 0));
    Series day = history.coarse(T0 + 25 * 3600_000L, PingHistory.COARSE_BUCKETS);
    int coarseFilled = 0;
    for (int point = 0; point < day.points(); point++) {
      coarseFilled += day.bursts(point) > 0 ? 1 : 0;
    }
    // The first bucket is older than 24 hours.
    assertEquals(2, coarseFilled, "the bucket 21 hours back and the newest");
    assertEquals(1, day.bursts(day.points() - 1 - 21 * 12));
    assertEquals(1, day.bursts(day.points() - 1));
  }

  @Test
  void theRoomIsBoundedWhateverTheRateAndTheDuration() {
    assertEquals((540 + 288) * 13 + 4 * (192 + 75), PingHistory.boundBytes());
    PingHistory history = new PingHistory();
    int atOneDay = 0;
    // 25 hours at ten bursts a second: every 20-second bucket holds 200 bursts and thins its samples.
    for (long ms = 0; ms < 25 * 3600_000L; ms += 100) {
      history.add(T0 + ms, burst(1 + (ms % 1000) / 1000.0, 1.5 + (ms % 1000) / 1000.0, 3, ms % 2000 == 0 ? 10 : 0));
      if (ms == 24 * 3600_000L) {
        atOneDay = history.bytes();
      }
    }
    assertEquals(atOneDay, history.bytes());
    assertTrue(history.bytes() <= PingHistory.boundBytes(), history.bytes() + " bytes");
    Series fine = history.fine(T0 + 25 * 3600_000L - 100, 2);
    assertEquals(200, fine.bursts(0));
    assertEquals(0.5, fine.loss(0), 0.5);
    // Samples: lows 1 to 2, means 1.5 to 2.5, highs 3: thinning keeps their median and ends.
    assertEquals(2.0, fine.rtt(0, 2), 0.15);
    assertEquals(1, fine.rtt(0, 0), 0.01);
    assertEquals(3, fine.rtt(0, 4), 0.01);
  }

  @Test
  void aBurstThatArrivesAfterItsBucketClosedCountsInTheOpenOne() {
    PingHistory history = new PingHistory();
    history.add(T0 + 20_000, burst(1, 1, 1, 0));
    history.add(T0 + 1000, burst(2, 2, 2, 0));
    Series fine = history.fine(T0 + 20_000, 2);
    assertEquals(0, fine.bursts(0));
    assertEquals(2, fine.bursts(1));
  }
}
