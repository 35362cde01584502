package net.connmonitor.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesTest {

  @Test
  void fiveFiguresInterpolatedBetweenTheSamplesAroundThem() {
    float[] out = new float[Quantiles.COUNT];
    Quantiles.of(new float[] {5, 1, 4, 2, 3}, 5, out);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5}, out);
    Quantiles.of(new float[] {3, 1}, 2, out);
    assertArrayEquals(new float[] {1, 1.5f, 2, 2.5f, 3}, out);
  }

  @Test
  void oneSampleIsEveryQuantile() {
    float[] out = new float[Quantiles.COUNT];
    Quantiles.of(new float[] {7, 99}, 1, out);
    assertArrayEquals(new float[] {7, 7, 7, 7, 7}, out);
  }

  @Test
  void onlyTheFirstNSamplesCount() {
    float[] out = new float[Quantiles.COUNT];
    Quantiles.of(new float[] {2, 4, 1000, 1000}, 2, out);
    assertEquals(4, out[4]);
  }

  @Test
  void noSampleHasNoQuantile() {
    assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new float[0], 0, new float[5]));
  }

  @Test
  void roundTripTimesKeepAThirdOfAPerMilleInSixteenBits() {
    for (double ms = 1e-4; ms <= 1e5; ms *= 1.37) {
      double back = RttCode.decode(RttCode.encode(ms));
      assertTrue(Math.abs(back - ms) / ms < 0.0002, ms + " came back as " + back);
    }
    assertEquals(1e5, RttCode.decode(RttCode.encode(1e9)), 1);
    assertEquals(1e-4, RttCode.decode(RttCode.encode(0)), 1e-8);
    assertTrue(Double.isNaN(RttCode.decode(RttCode.NONE)));
  }
}
