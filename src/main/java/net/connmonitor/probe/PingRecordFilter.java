package net.connmonitor.probe;

import net.connmonitor.config.PingRecords;

/**
 * Decides which of a host's ping records are printed. With {@link PingRecords#CHANGES}: the first, then each whose
 * loss differs from that of the last one printed, or whose mean round-trip time is more than {@value #MOVED} of
 * it away from that one's (a tenth: the resolution the metrics keep). Pure: one per host, fed its bursts in order.
 */
public final class PingRecordFilter {

  static final double MOVED = 0.1;
  /** The loss of a burst that lost everything, in percent: it has no mean to compare. */
  private static final double ALL_LOST = 100;

  private final PingRecords mode;
  private PingStats lastPrinted;

  public PingRecordFilter(PingRecords mode) {
    this.mode = mode;
  }

  /** Whether this burst's record is printed; a printed one is the one the next are compared with. */
  public boolean printed(PingStats burst) {
    boolean printed = switch (mode) {
      case ALL -> true;
      case NONE -> false;
      case CHANGES -> lastPrinted == null || burst.loss() != lastPrinted.loss()
          || burst.loss() < ALL_LOST && moved(burst.avg());
    };
    if (printed) {
      lastPrinted = burst;
    }
    return printed;
  }

  /** Of two bursts with the same loss, short of all, each has a mean. */
  private boolean moved(double avg) {
    return Math.abs(avg - lastPrinted.avg()) > MOVED * lastPrinted.avg();
  }
}
