package net.connmonitor.icmp;

import java.net.InetAddress;

/**
 * What came back for one echo request, in time.
 *
 * @param rttNanos from the kernel's transmit timestamp of the request to its receive timestamp of the answer
 */
public record Answer(ReplyKind kind, InetAddress from, long rttNanos) {

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
