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
 * @param receivedAtNanos  {@link System#nanoTime()} when the channel read it
 */
record IcmpMessage(ReplyKind kind, InetAddress from, InetAddress probeDestination, int identifier, int sequence,
    long receivedAtNanos) {
}
