package net.connmonitor.view;

import java.util.Arrays;

/**
 * A stretch of a host's ping history as the page draws it: {@code points} consecutive buckets of {@code stepMs}
 * from {@code firstSlot}, each with the five quantiles of its round-trip times (NaN when no reply came back), its
 * mean loss in percent and its bursts (0 for a gap, where loss is NaN too).
 */
final class Series {

  private final long firstSlot;
  private final long stepMs;
  private final float[] rtt;
  private final float[] loss;
  private final int[] bursts;

  Series(long firstSlot, long stepMs, int points) {
    this.firstSlot = firstSlot;
    this.stepMs = stepMs;
    this.rtt = new float[points * Quantiles.COUNT];
    this.loss = new float[points];
    this.bursts = new int[points];
    Arrays.fill(rtt, Float.NaN);
    Arrays.fill(loss, Float.NaN);
  }

  long firstSlot() {
    return firstSlot;
  }

  long stepMs() {
    return stepMs;
  }

  /** When the first bucket starts, in milliseconds since the Unix epoch. */
  long startMs() {
    return firstSlot * stepMs;
  }

  int points() {
    return bursts.length;
  }

  /** @param quantiles the five quantiles, or null when every request was lost */
  void set(int point, float[] quantiles, double lossPct, int weight) {
    for (int i = 0; i < Quantiles.COUNT; i++) {
      rtt[point * Quantiles.COUNT + i] = quantiles == null ? Float.NaN : quantiles[i];
    }
    loss[point] = (float) lossPct;
    bursts[point] = weight;
  }

  /** @param which 0 for the lowest, 2 for the median, 4 for the highest */
  float rtt(int point, int which) {
    return rtt[point * Quantiles.COUNT + which];
  }

  float loss(int point) {
    return loss[point];
  }

  int bursts(int point) {
    return bursts[point];
  }
}
