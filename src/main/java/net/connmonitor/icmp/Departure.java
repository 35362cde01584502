package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where a host's echo requests leave from: a source address and an interface of this machine, or the system's
 * choice. The socket is shared by many hosts, so neither is bound to it: each request carries them as its own
 * control message ({@code IP_PKTINFO}, {@code IPV6_PKTINFO}), which the kernel honours as it would the socket's.
 *
 * @param source         the source address, of the destination's family
 * @param interfaceIndex the interface's index, or 0 for any
 */
public record Departure(Optional<InetAddress> source, int interfaceIndex) {

  /** The system's choice of both. */
  public static final Departure ANY = new Departure(Optional.empty(), 0);

  boolean isAny() {
    return source.isEmpty() && interfaceIndex == 0;
  }
}
