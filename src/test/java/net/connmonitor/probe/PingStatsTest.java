package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PingStatsTest {

  private static final double EXACT = 1e-12;

  @Test
  void summarisesABurstWithTheSampleStandardDeviation() {
    PingStats stats = PingStats.of(10, List.of(1.0, 2.0, 3.0, 4.0));
    assertEquals(1.0, stats.min(), EXACT);
    assertEquals(2.5, stats.avg(), EXACT);
    assertEquals(4.0, stats.max(), EXACT);
    // squares of deviations: 2.25 + 0.25 + 0.25 + 2.25 = 5, over n - 1 = 3
    assertEquals(Math.sqrt(5.0 / 3.0), stats.std(), EXACT);
    assertEquals(60.0, stats.loss(), EXACT);
  }

  @Test
  void aSingleReplyHasNoSpread() {
    PingStats stats = PingStats.of(1, List.of(0.042));
    assertEquals(new PingStats(0.042, 0.042, 0.042, 0, 0), stats);
  }

  @Test
  void lossIsAShareOfTheRequestsSent() {
    assertEquals(0.0, PingStats.of(3, List.of(1.0, 1.0, 1.0)).loss(), EXACT);
    assertEquals(100.0 / 3.0, PingStats.of(3, List.of(1.0, 1.0)).loss(), EXACT);
  }

  @Test
  void everythingLostIsMinusOneAndAHundredPercent() {
    assertEquals(new PingStats(-1, -1, -1, -1, 100), PingStats.of(10, List.of()));
  }
}
