package net.connmonitor.view;

/**
 * A ring of consolidated buckets of one width, in primitive arrays: per bucket the five quantiles of its round-trip
 * samples ({@link RttCode}s), its mean loss in half percents, and how many bursts it holds (0: none, the bucket is a
 * gap). Its room is fixed when it is made: {@value #BYTES_PER_BUCKET} bytes a bucket.
 */
final class SummaryTier {

  static final int BYTES_PER_BUCKET = Quantiles.COUNT * Character.BYTES + Byte.BYTES + Character.BYTES;

  private final long stepMs;
  private final int size;
  private final char[] quantiles;
  private final byte[] loss;
  private final char[] bursts;
  private long newest = Long.MIN_VALUE;

  SummaryTier(long stepMs, int size) {
    this.stepMs = stepMs;
    this.size = size;
    this.quantiles = new char[size * Quantiles.COUNT];
    this.loss = new byte[size];
    this.bursts = new char[size];
  }

  long stepMs() {
    return stepMs;
  }

  /**
   * Stores a closed bucket. Slots only move forward; those skipped since the last are gaps.
   *
   * @param rtt     its five quantiles, or null when every request was lost
   * @param weight  the bursts it holds, at least 1 (counted up to 65,535)
   */
  void put(long slot, float[] rtt, double lossPct, int weight) {
    if (newest != Long.MIN_VALUE) {
      for (long gap = Math.max(newest + 1, slot - size + 1); gap < slot; gap++) {
        bursts[index(gap)] = 0;
      }
    }
    newest = slot;
    int at = index(slot);
    for (int i = 0; i < Quantiles.COUNT; i++) {
      quantiles[at * Quantiles.COUNT + i] = rtt == null ? RttCode.NONE : RttCode.encode(rtt[i]);
    }
    loss[at] = (byte) Math.round(Math.min(100, Math.max(0, lossPct)) * 2);
    bursts[at] = (char) Math.min(Character.MAX_VALUE, weight);
  }

  /** Copies the buckets it holds between {@code series}' first slot and its last into it. */
  void copyInto(Series series) {
    long first = series.firstSlot();
    float[] rtt = new float[Quantiles.COUNT];
    for (int point = 0; point < series.points(); point++) {
      long slot = first + point;
      if (slot > newest || slot <= newest - size || newest == Long.MIN_VALUE) {
        continue;
      }
      int at = index(slot);
      if (bursts[at] == 0) {
        continue;
      }
      boolean answered = quantiles[at * Quantiles.COUNT] != RttCode.NONE;
      for (int i = 0; answered && i < Quantiles.COUNT; i++) {
        rtt[i] = (float) RttCode.decode(quantiles[at * Quantiles.COUNT + i]);
      }
      series.set(point, answered ? rtt : null, (loss[at] & 0xff) / 2.0, bursts[at]);
    }
  }

  /** Its fixed room in bytes: the arrays' contents. */
  int bytes() {
    return size * BYTES_PER_BUCKET;
  }

  private int index(long slot) {
    return (int) Math.floorMod(slot, (long) size);
  }
}
