package net.connmonitor.icmp;

import java.net.InetAddress;

/**
 * A received ICMP message that may answer one of our echo requests.
 *
 * @param from             who sent it
 * @param probeDestination the destination of the echo request it answers: {@code from} for an echo reply, the
 *                         address in the quoted original packet for an error
 * @param identifier       the echo identifier (quoted, for an error)
 * @param sequence         the echo sequence number (quoted, for an error)
 * @param payloadBytes     how many bytes of the request's payload it carries: all of them in an echo reply, the
 *                         quoted part in an error
 * @param payloadIntact    whether those bytes are exactly what request {@code sequence} to {@code probeDestination}
 *                         carried
 * @param receivedAt       the kernel's receive timestamp, nanoseconds since the epoch (CLOCK_REALTIME)
 * @param readAt           {@link System#nanoTime()} just after the read that returned it: no earlier than its arrival
 * @param hopLimit         the TTL or hop limit an echo reply arrived with; -1 for an error, or when unknown
 */
record IcmpMessage(ReplyKind kind, InetAddress from, InetAddress probeDestination, int identifier, int sequence,
    int payloadBytes, boolean payloadIntact, long receivedAt, long readAt, int hopLimit) {

  /** A message whose hop limit is unknown or does not matter. */
  IcmpMessage(ReplyKind kind, InetAddress from, InetAddress probeDestination, int identifier, int sequence,
      int payloadBytes, boolean payloadIntact, long receivedAt, long readAt) {
    this(kind, from, probeDestination, identifier, sequence, payloadBytes, payloadIntact, receivedAt, readAt, -1);
  }
}
