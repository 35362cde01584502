package net.connmonitor.icmp;

import java.net.InetAddress;

/**
 * An ICMP echo request to send; {@link IcmpCodec} turns it into a datagram.
 *
 * @param hopLimit the IPv4 TTL or IPv6 hop limit it leaves with, or {@link #SOCKET_DEFAULT}
 */
record EchoRequest(InetAddress destination, int identifier, int sequence, int payloadBytes, int hopLimit) {

  /** The socket's own TTL: every ping request. */
  static final int SOCKET_DEFAULT = 0;
}
