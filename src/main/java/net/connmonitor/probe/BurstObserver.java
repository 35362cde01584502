package net.connmonitor.probe;

import java.util.List;

/**
 * Sees every ping burst with the round-trip time of each reply, which {@link PingStats} sums up and does not keep
 * (the metrics count each reply in a histogram).
 */
@FunctionalInterface
public interface BurstObserver {

  BurstObserver NONE = (sent, rttsMs, stats) -> { };

  /**
   * @param sent   echo requests in the burst
   * @param rttsMs round-trip time of each reply that came back in time, in milliseconds
   * @param stats  the burst's record
   */
  void burst(int sent, List<Double> rttsMs, PingStats stats);
}
