package net.connmonitor.probe;

import java.util.List;

/**
 * The shortest, mean and longest of some round-trip times and their sample standard deviation ({@code n - 1}, as the
 * original connvitals reported a burst's and mtr reports a hop's; 0 of one time), in the unit of the times.
 */
record RttSummary(double min, double avg, double max, double std) {

  /** @param rtts at least one */
  static RttSummary of(List<Double> rtts) {
    int n = rtts.size();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double rtt : rtts) {
      min = Math.min(min, rtt);
      max = Math.max(max, rtt);
      sum += rtt;
    }
    double avg = sum / n;
    double squares = 0;
    for (double rtt : rtts) {
      squares += (rtt - avg) * (rtt - avg);
    }
    return new RttSummary(min, avg, max, n > 1 ? Math.sqrt(squares / (n - 1)) : 0);
  }
}
