package net.connmonitor.icmp;

import java.net.Inet4Address;
import java.net.InetAddress;
import net.connmonitor.os.Linux;

/** The constants that differ between ICMP over IPv4 and ICMPv6: the message types, and Linux's numbers. */
public enum IcmpFamily {
  V4("IPv4", Linux.AF_INET, Linux.IPPROTO_ICMP, 8, 0, 11, 3, 16, Linux.IPPROTO_IP, Linux.IP_TTL,
      Linux.IP_RECVERR, Linux.IP_PKTINFO, Linux.IP_RECVTTL, Linux.IP_TOS),
  V6("IPv6", Linux.AF_INET6, Linux.IPPROTO_ICMPV6, 128, 129, 3, 1, 28, Linux.IPPROTO_IPV6, Linux.IPV6_HOPLIMIT,
      Linux.IPV6_RECVERR, Linux.IPV6_PKTINFO, Linux.IPV6_RECVHOPLIMIT, Linux.IPV6_TCLASS);

  final String label;
  final int addressFamily;
  final int protocol;
  final int echoRequest;
  final int echoReply;
  final int timeExceeded;
  final int unreachable;
  /** {@code sizeof(struct sockaddr_in)} or {@code sizeof(struct sockaddr_in6)}. */
  final int sockaddrLength;
  /** The protocol level of the options and control messages below. */
  final int ipLevel;
  /** The control message that gives one datagram its own TTL (IPv4) or hop limit (IPv6). */
  final int hopLimitMessage;
  /** The option that queues ICMP errors about our datagrams on the socket's error queue, and its control message. */
  final int receiveErrors;
  /** The control message that gives one datagram its source address and interface. */
  final int packetInfo;
  /**
   * The option that has the kernel tell, for each datagram received, the TTL or hop limit it arrived with, as a
   * control message of type {@link #hopLimitMessage}.
   */
  final int receiveHopLimit;
  /** The control message that gives one datagram its TOS byte (IPv4) or traffic class (IPv6). */
  final int trafficClassMessage;

  IcmpFamily(String label, int addressFamily, int protocol, int echoRequest, int echoReply, int timeExceeded,
      int unreachable, int sockaddrLength, int ipLevel, int hopLimitMessage, int receiveErrors, int packetInfo,
      int receiveHopLimit, int trafficClassMessage) {
    this.label = label;
    this.addressFamily = addressFamily;
    this.protocol = protocol;
    this.echoRequest = echoRequest;
    this.echoReply = echoReply;
    this.timeExceeded = timeExceeded;
    this.unreachable = unreachable;
    this.sockaddrLength = sockaddrLength;
    this.ipLevel = ipLevel;
    this.hopLimitMessage = hopLimitMessage;
    this.receiveErrors = receiveErrors;
    this.packetInfo = packetInfo;
    this.receiveHopLimit = receiveHopLimit;
    this.trafficClassMessage = trafficClassMessage;
  }

  /** The length of an address of this family in bytes. */
  int addressBytes() {
    return this == V4 ? 4 : 16;
  }

  public static IcmpFamily of(InetAddress address) {
    return address instanceof Inet4Address ? V4 : V6;
  }

  @Override
  public String toString() {
    return label;
  }
}
