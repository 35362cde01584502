package net.connmonitor.probe;

import java.util.List;

/**
 * Sees every ping burst with the round-trip time of each reply, which {@link PingStats} sums up and does not keep
 * (the metrics count each reply in a histogram), and every burst that could not be sent.
 */
public interface BurstObserver {

  BurstObserver NONE = new BurstObserver() {
    @Override
    public void burst(int sent, List<Double> rttsMs, PingStats stats) {
    }

    @Override
    public void unsent() {
    }
  };

  /**
   * @param sent   echo requests in the burst
   * @param rttsMs round-trip time of each reply that came back in time, in milliseconds
   * @param stats  the burst's record
   */
  void burst(int sent, List<Double> rttsMs, PingStats stats);

  /** A burst whose requests could not leave (no route, the socket refused them): there is no record of it. */
  void unsent();
}
