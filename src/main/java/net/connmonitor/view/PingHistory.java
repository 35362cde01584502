package net.connmonitor.view;

import net.connmonitor.probe.PingStats;

/**
 * A host's ping bursts over the last 24 hours, in fixed room: 20-second buckets for the last 3 hours and 5-minute
 * buckets for the last 24, each holding the quantiles of its round-trip samples and its loss (see
 * {@link SummaryTier}). A record says of its burst the lowest, mean and highest round trip: those three are the
 * burst's samples, so a bucket of one burst spans its lowest to its highest reply with the mean as its median, and a
 * bucket of many holds the spread of them all. A 5-minute bucket is consolidated from the 20-second ones it covers,
 * each giving its five quantiles.
 *
 * <p>Bursts are put in the bucket of the time they were measured; one that arrives after its bucket closed (from a
 * node whose clock is behind) counts in the open one. Not thread-safe: its owner locks.
 */
final class PingHistory {

  static final long FINE_STEP_MS = 20_000;
  static final int FINE_BUCKETS = 540;
  static final long COARSE_STEP_MS = 300_000;
  static final int COARSE_BUCKETS = 288;
  /** Samples a 20-second bucket keeps before thinning them: three from each of 64 bursts. */
  static final int FINE_SAMPLES = 3 * 64;
  private static final int FINE_PER_COARSE = (int) (COARSE_STEP_MS / FINE_STEP_MS);

  private final SummaryTier fine = new SummaryTier(FINE_STEP_MS, FINE_BUCKETS);
  private final SummaryTier coarse = new SummaryTier(COARSE_STEP_MS, COARSE_BUCKETS);
  private final OpenBucket openFine = new OpenBucket(FINE_SAMPLES);
  private final OpenBucket openCoarse = new OpenBucket(FINE_PER_COARSE * Quantiles.COUNT);
  private final float[] scratch = new float[Quantiles.COUNT];

  /** @param atMs when the burst was measured, in milliseconds since the Unix epoch */
  void add(long atMs, PingStats ping) {
    long slot = Math.floorDiv(atMs, FINE_STEP_MS);
    if (!openFine.isEmpty() && slot > openFine.slot()) {
      closeFine();
    }
    if (openFine.isEmpty()) {
      openFine.open(Math.max(slot, openFine.slot()));
    }
    boolean answered = ping.loss() < 100;
    scratch[0] = (float) ping.min();
    scratch[1] = (float) ping.avg();
    scratch[2] = (float) ping.max();
    openFine.add(scratch, answered ? 3 : 0, ping.loss(), 1);
  }

  private void closeFine() {
    boolean answered = openFine.quantiles(scratch);
    fine.put(openFine.slot(), answered ? scratch : null, openFine.meanLoss(), openFine.bursts());
    long coarseSlot = Math.floorDiv(openFine.slot(), FINE_PER_COARSE);
    if (!openCoarse.isEmpty() && coarseSlot > openCoarse.slot()) {
      float[] rtt = new float[Quantiles.COUNT];
      boolean coarseAnswered = openCoarse.quantiles(rtt);
      coarse.put(openCoarse.slot(), coarseAnswered ? rtt : null, openCoarse.meanLoss(), openCoarse.bursts());
    }
    if (openCoarse.isEmpty() || coarseSlot > openCoarse.slot()) {
      openCoarse.open(coarseSlot);
    }
    openCoarse.add(scratch, answered ? Quantiles.COUNT : 0, openFine.meanLoss(), openFine.bursts());
    openFine.open(openFine.slot());
  }

  /** The last {@code points} 20-second buckets up to {@code nowMs}'s, the one being filled included. */
  Series fine(long nowMs, int points) {
    Series series = new Series(Math.floorDiv(nowMs, FINE_STEP_MS) - points + 1, FINE_STEP_MS, points);
    fine.copyInto(series);
    copyOpen(openFine, series);
    return series;
  }

  /**
   * The last {@code points} 5-minute buckets up to {@code nowMs}'s, the one being filled included, with the
   * 20-second bucket being filled (which the 5-minute one takes only when it closes).
   */
  Series coarse(long nowMs, int points) {
    Series series = new Series(Math.floorDiv(nowMs, COARSE_STEP_MS) - points + 1, COARSE_STEP_MS, points);
    coarse.copyInto(series);
    copyOpen(openCoarse, series);
    if (!openFine.isEmpty()) {
      long slot = Math.floorDiv(openFine.slot(), FINE_PER_COARSE);
      OpenBucket now;
      if (!openCoarse.isEmpty() && openCoarse.slot() == slot) {
        now = openCoarse.copy(Quantiles.COUNT);
      } else {
        now = new OpenBucket(Quantiles.COUNT);
        now.open(slot);
      }
      float[] rtt = new float[Quantiles.COUNT];
      now.add(rtt, openFine.quantiles(rtt) ? Quantiles.COUNT : 0, openFine.meanLoss(), openFine.bursts());
      copyOpen(now, series);
    }
    return series;
  }

  private static void copyOpen(OpenBucket open, Series series) {
    long point = open.slot() - series.firstSlot();
    if (open.isEmpty() || point < 0 || point >= series.points()) {
      return;
    }
    float[] rtt = new float[Quantiles.COUNT];
    series.set((int) point, open.quantiles(rtt) ? rtt : null, open.meanLoss(), open.bursts());
  }

  /** The room it takes now, in bytes: its arrays' contents (the open buckets' samples grow up to their bound). */
  int bytes() {
    return fine.bytes() + coarse.bytes() + openFine.bytes() + openCoarse.bytes();
  }

  /** The most room it can take, in bytes: {@link #bytes()} with both open buckets full. */
  static int boundBytes() {
    return (FINE_BUCKETS + COARSE_BUCKETS) * SummaryTier.BYTES_PER_BUCKET
        + Float.BYTES * (FINE_SAMPLES + FINE_PER_COARSE * Quantiles.COUNT);
  }
}
