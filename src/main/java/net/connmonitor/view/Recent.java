package net.connmonitor.view;

import java.util.Arrays;

/**
 * A host's ping figures over the last minutes, as the overview lists them: the median round trip and its spread (the
 * distance from the first quartile to the third) of the buckets' samples, and the loss of their bursts.
 *
 * @param medianMs NaN when no reply came back
 * @param spreadMs NaN when no reply came back
 * @param lossPct  NaN when there was no burst
 * @param bursts   bursts in the window
 */
record Recent(double medianMs, double spreadMs, double lossPct, int bursts) {

  static final Recent NONE = new Recent(Double.NaN, Double.NaN, Double.NaN, 0);

  /** Pools the five quantiles of each bucket of {@code series} (each bucket counts the same) and its bursts' loss. */
  static Recent of(Series series) {
    float[] samples = new float[series.points() * Quantiles.COUNT];
    int count = 0;
    int bursts = 0;
    double lossSum = 0;
    for (int point = 0; point < series.points(); point++) {
      int weight = series.bursts(point);
      if (weight == 0) {
        continue;
      }
      bursts += weight;
      lossSum += series.loss(point) * weight;
      if (!Float.isNaN(series.rtt(point, 0))) {
        for (int i = 0; i < Quantiles.COUNT; i++) {
          samples[count++] = series.rtt(point, i);
        }
      }
    }
    if (bursts == 0) {
      return NONE;
    }
    if (count == 0) {
      return new Recent(Double.NaN, Double.NaN, lossSum / bursts, bursts);
    }
    Arrays.sort(samples, 0, count);
    double median = Quantiles.at(samples, count, 0.5);
    double spread = Quantiles.at(samples, count, 0.75) - Quantiles.at(samples, count, 0.25);
    return new Recent(median, spread, lossSum / bursts, bursts);
  }
}
