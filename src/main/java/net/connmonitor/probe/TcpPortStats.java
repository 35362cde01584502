package net.connmonitor.probe;

import java.util.List;

/**
 * The handshakes of one burst to one TCP port, in milliseconds: the statistics of the completed handshakes' round
 * trips (SYN to SYN-ACK, as the kernel timed them) as a ping burst has them, and how many attempts the host refused
 * with a reset. A refused attempt is an answer (the host is up, the port closed), not a loss; it has no round trip
 * the kernel times. When no handshake completed, min, avg, max and std are all -1.
 *
 * @param loss    the attempts that got no answer in time (neither a handshake nor a reset), as a percentage
 * @param refused the attempts answered with a reset
 */
public record TcpPortStats(double min, double avg, double max, double std, double loss, int refused) {

  /**
   * @param attempts  connections tried (at least 1)
   * @param rttsMs    round-trip times of the handshakes that completed in time
   * @param refused   attempts answered with a reset
   */
  public static TcpPortStats of(int attempts, List<Double> rttsMs, int refused) {
    PingStats handshakes = PingStats.of(attempts, rttsMs);
    double loss = 100.0 * (attempts - rttsMs.size() - refused) / attempts;
    return new TcpPortStats(handshakes.min(), handshakes.avg(), handshakes.max(), handshakes.std(), loss, refused);
  }

  /** Whether the port answered only with resets: the host is up, the port closed. */
  public boolean closed() {
    return refused > 0 && min < 0 && loss < 100;
  }
}
