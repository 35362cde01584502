package net.connmonitor.probe;

/**
 * mtr's columns for one hop number over a host's last traces: how many of their probes with that hop limit went
 * unanswered, and the round-trip times of those answered.
 *
 * @param hop     the hop number (the probes' hop limit), from 1
 * @param address the address that last answered there, or null when nothing answered there in these traces
 * @param sent    the traces that probed this hop number
 * @param lost    of those, the ones whose probe got no answer in time
 * @param lastMs  the round-trip time of the last answer, in milliseconds; this and the others below are -1 when
 *                nothing answered
 * @param avgMs   the mean
 * @param bestMs  the shortest
 * @param worstMs the longest
 * @param stdMs   the sample standard deviation (0 of one answer)
 */
public record HopStats(int hop, String address, int sent, int lost, double lastMs, double avgMs, double bestMs,
    double worstMs, double stdMs) {

  /** The share of the probes lost, 0 to 1. */
  public double lossRatio() {
    return (double) lost / sent;
  }

  /** The share of the probes lost as a percentage, as the records give a loss. */
  public double lossPercent() {
    return 100.0 * lost / sent;
  }

  public boolean answered() {
    return address != null;
  }
}
