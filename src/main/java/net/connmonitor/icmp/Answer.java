package net.connmonitor.icmp;

import java.net.InetAddress;

/**
 * What came back for one echo request, in time.
 *
 * @param rttNanos from just before the request's send to just after the answer's receive, both taken on the
 *                 channel's event loop
 */
public record Answer(ReplyKind kind, InetAddress from, long rttNanos) {

  public double rttMillis() {
    return rttNanos / 1_000_000.0;
  }
}
