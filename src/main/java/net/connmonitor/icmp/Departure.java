package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.Optional;

/**
 * How a host's echo requests leave: from a source address and an interface of this machine, or the system's
 * choice, with a TOS or traffic class byte. The socket is shared by many hosts, so none of these is set on it: each
 * request carries them as its own control messages ({@code IP_PKTINFO}, {@code IPV6_PKTINFO}, {@code IP_TOS},
 * {@code IPV6_TCLASS}), which the kernel honours as it would the socket's options.
 *
 * @param source         the source address, of the destination's family
 * @param interfaceIndex the interface's index, or 0 for any
 * @param trafficClass   the IPv4 TOS or IPv6 traffic class byte (DSCP and ECN), or 0 for the system's
 */
public record Departure(Optional<InetAddress> source, int interfaceIndex, int trafficClass) {

  /** The system's choice of all. */
  public static final Departure ANY = new Departure(Optional.empty(), 0, 0);

  /** Whether the system chooses the source and the interface. */
  boolean anyPlace() {
    return source.isEmpty() && interfaceIndex == 0;
  }
}
