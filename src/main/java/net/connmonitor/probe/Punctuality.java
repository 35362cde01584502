package net.connmonitor.probe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import net.connmonitor.log.Log;

/**
 * Whether the probe loops of the process start their runs on time. A machine short of CPU (a CPU quota, a loaded
 * host) starts them late, and a run that starts an interval late is one fewer run: the measurements thin out while
 * every record still looks right. Every run's delay goes to a histogram for the metrics; runs late beyond a bound,
 * and the runs that the delay left out, are counted too, and said in one {@code WW:} line a minute while it lasts.
 */
public final class Punctuality {

  /** A run is late when it starts more than this after its time, or a tenth of its interval if that is more. */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * The bounds of the start-delay histogram: a tick of the probe clock is 1 ms, so from there, by the steps an
   * operator asks about (within 5 ms of its time?), up to the late bound and a second.
   */
  private static final long[] DELAY_BOUNDS_NANOS = {
      TimeUnit.MICROSECONDS.toNanos(500), TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(2),
      TimeUnit.MILLISECONDS.toNanos(5), TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(20),
      TimeUnit.MILLISECONDS.toNanos(50), LATE_NANOS, TimeUnit.SECONDS.toNanos(1)};

  private static final Punctuality PROCESS = new Punctuality();

  private final LongAdder late = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  /** Runs per bucket of {@link #DELAY_BOUNDS_NANOS}, and one past the last bound. */
  private final LongAdder[] delays = new LongAdder[DELAY_BOUNDS_NANOS.length + 1];
  private final LongAdder delaySum = new LongAdder();

  private long lateSaid;
  private long skippedSaid;

  Punctuality() {
    for (int i = 0; i < delays.length; i++) {
      delays[i] = new LongAdder();
    }
  }

  public static Punctuality ofProcess() {
    return PROCESS;
  }

  /**
   * A run started {@code delayNanos} after its time.
   *
   * @param intervalNanos the pause between runs: each whole one in the delay is a run left out
   */
  void started(long delayNanos, long intervalNanos) {
    int bucket = 0;
    while (bucket < DELAY_BOUNDS_NANOS.length && delayNanos > DELAY_BOUNDS_NANOS[bucket]) {
      bucket++;
    }
    delays[bucket].increment();
    delaySum.add(Math.max(0, delayNanos));
    if (delayNanos > Math.max(LATE_NANOS, intervalNanos / 10)) {
      late.increment();
      skipped.add(delayNanos / intervalNanos);
    }
  }

  /** How late the runs started since the process started. */
  public StartDelays startDelays() {
    double[] bounds = new double[delays.length];
    long[] counts = new long[delays.length];
    for (int i = 0; i < delays.length; i++) {
      bounds[i] = i < DELAY_BOUNDS_NANOS.length ? DELAY_BOUNDS_NANOS[i] / 1e9 : Double.POSITIVE_INFINITY;
      counts[i] = delays[i].sum();
    }
    return new StartDelays(bounds, counts, delaySum.sum() / 1e9);
  }

  /** Runs started late since the process started. */
  public long late() {
    return late.sum();
  }

  /** Runs left out because others started late, since the process started. */
  public long skipped() {
    return skipped.sum();
  }

  /** Says what was late since the last call, if anything was: call it once a minute. */
  public synchronized void report() {
    long lateNow = late();
    long skippedNow = skipped();
    if (lateNow > lateSaid) {
      Log.warn("falling behind: " + (lateNow - lateSaid) + " probe runs started late (more than "
          + TimeUnit.NANOSECONDS.toMillis(LATE_NANOS) + " ms or a tenth of their interval) and " + (skippedNow
          - skippedSaid) + " runs were left out in the last minute; the machine gives the monitor too little CPU");
    }
    lateSaid = lateNow;
    skippedSaid = skippedNow;
  }
}
