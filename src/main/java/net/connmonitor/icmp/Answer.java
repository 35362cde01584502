package net.connmonitor.icmp;

import java.net.InetAddress;

/**
 * What came back for one echo request, in time.
 *
 * @param rttNanos from the kernel's transmit timestamp of the request to its receive timestamp of the answer
 * @param hopLimit the TTL or hop limit an echo reply arrived with, or -1 (an error, or unknown)
 */
public record Answer(ReplyKind kind, InetAddress from, long rttNanos, int hopLimit) {

  /** An answer whose hop limit is unknown. */
  public Answer(ReplyKind kind, InetAddress from, long rttNanos) {
    this(kind, from, rttNanos, -1);
  }

  public double rttMillis() {
    return rttNanos / 1_000_000.0;
  }

  /**
   * Whether a request sent with a limited hop count went no further than this answer's sender: anything but a
   * time-exceeded means it reached the destination (an echo reply) or a router that cannot forward it (an
   * unreachable).
   */
  public boolean endsRoute() {
    return kind != ReplyKind.TIME_EXCEEDED;
  }
}
