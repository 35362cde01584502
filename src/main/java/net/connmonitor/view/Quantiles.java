package net.connmonitor.view;

import java.util.Arrays;

/**
 * The five figures a graph's smoke is drawn from: lowest, first quartile, median, third quartile, highest of a set of
 * round-trip samples, each interpolated linearly between the two samples around it (as a spreadsheet's PERCENTILE).
 */
final class Quantiles {

  /** How many figures {@link #of} gives: q0, q25, q50, q75, q100. */
  static final int COUNT = 5;

  private Quantiles() {
  }

  /**
   * @param samples the samples in {@code [0, n)}; sorted in place
   * @param out     receives the five figures
   */
  static void of(float[] samples, int n, float[] out) {
    if (n == 0) {
      throw new IllegalArgumentException("no sample");
    }
    Arrays.sort(samples, 0, n);
    for (int i = 0; i < COUNT; i++) {
      out[i] = at(samples, n, i / (double) (COUNT - 1));
    }
  }

  /** @param sorted {@code n} sorted samples; {@code q} from 0 to 1 */
  static float at(float[] sorted, int n, double q) {
    double position = q * (n - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(n - 1, below + 1);
    double fraction = position - below;
    return (float) (sorted[below] + (sorted[above] - sorted[below]) * fraction);
  }
}
