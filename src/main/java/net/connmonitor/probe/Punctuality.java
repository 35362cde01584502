package net.connmonitor.probe;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import net.connmonitor.log.Log;

/**
 * Whether the probe loops of the process start their runs on time. A machine short of CPU (a CPU quota, a loaded
 * host) starts them late, and a run that starts an interval late is one fewer run: the measurements thin out while
 * every record still looks right. Runs late beyond a bound, and the runs that the delay left out, are counted for
 * the metrics, and said in one {@code WW:} line a minute while it lasts.
 */
public final class Punctuality {

  /** A run is late when it starts more than this after its time, or a tenth of its interval if that is more. */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static final Punctuality PROCESS = new Punctuality();

  Punctuality() {
  }

  private final LongAdder late = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private long lateSaid;
  private long skippedSaid;

  public static Punctuality ofProcess() {
    return PROCESS;
  }

  /**
   * A run started {@code delayNanos} after its time.
   *
   * @param intervalNanos the pause between runs: each whole one in the delay is a run left out
   */
  void started(long delayNanos, long intervalNanos) {
    if (delayNanos > Math.max(LATE_NANOS, intervalNanos / 10)) {
      late.increment();
      skipped.add(delayNanos / intervalNanos);
    }
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
