package net.connmonitor.probe;

import java.util.List;
import java.util.Optional;

/**
 * Statistics of one ping burst, in milliseconds; {@code loss} is a percentage of the requests
 * sent. When every request was lost, min, avg, max and std are all -1.
 *
 * @param replyTtl the TTL or hop limit the replies came with; empty when none came, or it is not known
 */
public record PingStats(double min, double avg, double max, double std, double loss, Optional<ReplyTtl> replyTtl)
    implements Measurement {

  public static final PingStats ALL_LOST = new PingStats(-1, -1, -1, -1, 100);

  /** A burst whose replies' TTL is not known. */
  public PingStats(double min, double avg, double max, double std, double loss) {
    this(min, avg, max, std, loss, Optional.empty());
  }

  /**
   * @param sent    echo requests in the burst (at least 1)
   * @param rttsMs  round-trip times of the replies that came back in time
   */
  public static PingStats of(int sent, List<Double> rttsMs) {
    if (rttsMs.isEmpty()) {
      return ALL_LOST;
    }
    int n = rttsMs.size();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double rtt : rttsMs) {
      min = Math.min(min, rtt);
      max = Math.max(max, rtt);
      sum += rtt;
    }
    double avg = sum / n;
    double squares = 0;
    for (double rtt : rttsMs) {
      squares += (rtt - avg) * (rtt - avg);
    }
    // Sample standard deviation (n - 1), as the original connvitals reported it.
    double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    double loss = 100.0 * (sent - n) / sent;
    return new PingStats(min, avg, max, std, loss);
  }

  /** The same statistics, with the replies' TTL. */
  public PingStats withReplyTtl(Optional<ReplyTtl> ttl) {
    return new PingStats(min, avg, max, std, loss, ttl);
  }

  @Override
  public String kind() {
    return "ping";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.ping(this);
  }
}
