package net.connmonitor.icmp;

import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The constants that differ between ICMP over IPv4 and ICMPv6. */
public enum IcmpFamily {
  V4("IPv4", 2 /* AF_INET */, 1 /* IPPROTO_ICMP */, 8, 0, 11, 3, true,
      new IntegerUnixChannelOption("IP_TTL", 0 /* IPPROTO_IP */, 2 /* IP_TTL */)),
  V6("IPv6", 10 /* AF_INET6 */, 58 /* IPPROTO_ICMPV6 */, 128, 129, 3, 1, false,
      new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", 41 /* IPPROTO_IPV6 */, 16 /* IPV6_UNICAST_HOPS */));

  final String label;
  final int addressFamily;
  final int protocol;
  final int echoRequest;
  final int echoReply;
  final int timeExceeded;
  final int unreachable;
  /** Raw IPv4 sockets deliver the IP header before the ICMP message; ICMPv6 and ping sockets do not. */
  final boolean rawReadsIpHeader;
  /** The socket option that sets the TTL (IPv4) or hop limit (IPv6) of the packets a socket sends. */
  final IntegerUnixChannelOption hopLimit;

  IcmpFamily(String label, int addressFamily, int protocol, int echoRequest, int echoReply,
      int timeExceeded, int unreachable, boolean rawReadsIpHeader, IntegerUnixChannelOption hopLimit) {
    this.label = label;
    this.addressFamily = addressFamily;
    this.protocol = protocol;
    this.echoRequest = echoRequest;
    this.echoReply = echoReply;
    this.timeExceeded = timeExceeded;
    this.unreachable = unreachable;
    this.rawReadsIpHeader = rawReadsIpHeader;
    this.hopLimit = hopLimit;
  }

  InetAddress loopback() {
    byte[] address = new byte[this == V4 ? 4 : 16];
    if (this == V4) {
      address[0] = 127;
    }
    address[address.length - 1] = 1;
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new AssertionError("a 4- or 16-byte address is always valid", e);
    }
  }

  public static IcmpFamily of(InetAddress address) {
    return address instanceof Inet4Address ? V4 : V6;
  }

  @Override
  public String toString() {
    return label;
  }
}
