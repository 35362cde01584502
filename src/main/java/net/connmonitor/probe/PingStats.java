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
    RttSummary rtts = RttSummary.of(rttsMs);
    double loss = 100.0 * (sent - rttsMs.size()) / sent;
    return new PingStats(rtts.min(), rtts.avg(), rtts.max(), rtts.std(), loss);
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
