package net.connmonitor.icmp;

import java.net.InetAddress;

/** An ICMP echo request to send; {@link IcmpCodec} turns it into a datagram. */
record EchoRequest(InetAddress destination, int identifier, int sequence, int payloadBytes) {
}
