package net.connmonitor.icmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Echo requests into datagrams, and datagrams into {@link IcmpMessage}s, as the sockets of one family and kind
 * present them: a raw IPv4 socket reads the IP header first, every other socket starts at the ICMP header. Anything
 * that cannot be an answer to an echo request (other types, truncated or corrupt packets) decodes to null. Plain
 * Java over byte buffers in network byte order, with absolute indexes.
 */
final class IcmpCodec {

  static final int ICMP_HEADER = 8;
  private static final int IPV4_HEADER = 20;
  private static final int IPV6_HEADER = 40;

  private final IcmpFamily family;
  private final PayloadPattern pattern;
  private final boolean readsIpHeader;
  /** Raw IPv4 sockets see packets before the kernel checks their ICMP checksum; ICMPv6 and ping sockets do not. */
  private final boolean verifiesChecksum;
  /**
   * Whether the identifier is ours to choose: a ping socket's kernel writes its own into the requests (and delivers
   * only the answers that carry it), so its payloads are keyed without one.
   */
  private final boolean ownsIdentifier;

  IcmpCodec(IcmpFamily family, SocketKind kind, PayloadPattern pattern) {
    this.family = family;
    this.pattern = pattern;
    this.readsIpHeader = kind == SocketKind.RAW && family == IcmpFamily.V4;
    this.verifiesChecksum = readsIpHeader;
    this.ownsIdentifier = kind == SocketKind.RAW;
  }

  /**
   * Writes an echo request to {@code destination} (its address bytes) at {@code offset}.
   *
   * @return its length in bytes
   */
  int encode(ByteBuffer packet, int offset, byte[] destination, int identifier, int sequence, int payloadBytes) {
    packet.put(offset, (byte) family.echoRequest);
    packet.put(offset + 1, (byte) 0);
    packet.putShort(offset + 2, (short) 0);
    packet.putShort(offset + 4, (short) identifier);
    packet.putShort(offset + 6, (short) sequence);
    pattern.fill(packet, offset + ICMP_HEADER, payloadBytes, destination, keyed(identifier), sequence);
    int length = ICMP_HEADER + payloadBytes;
    // The kernel computes ICMPv6 checksums (they cover a pseudo-header we do not see) and those of ping sockets.
    if (family == IcmpFamily.V4) {
      packet.putShort(offset + 2, (short) InternetChecksum.of(packet, offset, length));
    }
    return length;
  }

  /**
   * A datagram from the socket's receive queue: an echo reply, or (raw sockets) a router's error quoting a request.
   *
   * @param source   who sent it, as the kernel says
   * @param hopLimit the TTL or hop limit it arrived with, as the kernel says, or -1
   */
  IcmpMessage decode(ByteBuffer packet, int offset, int length, InetAddress source, int hopLimit, long receivedAt,
      long readAt) {
    int start = offset;
    int end = offset + length;
    if (readsIpHeader) {
      start = skipIpv4Header(packet, offset, end);
      if (start < 0) {
        return null;
      }
    }
    if (end - start < ICMP_HEADER || verifiesChecksum && !InternetChecksum.verifies(packet, start, end - start)) {
      return null;
    }
    int type = packet.get(start) & 0xff;
    if (type == family.echoReply) {
      int sequence = packet.getShort(start + 6) & 0xffff;
      int payload = end - start - ICMP_HEADER;
      int identifier = packet.getShort(start + 4) & 0xffff;
      boolean intact = pattern.matches(packet, start + ICMP_HEADER, payload, source.getAddress(), keyed(identifier),
          sequence);
      return new IcmpMessage(ReplyKind.ECHO_REPLY, source, source, identifier, sequence, payload, intact, receivedAt,
          readAt, hopLimit);
    }
    ReplyKind kind = errorKind(type);
    if (kind == null) {
      return null;
    }
    int quoted = start + ICMP_HEADER;
    InetAddress destination;
    if (family == IcmpFamily.V4) {
      int quotedIcmp = skipIpv4Header(packet, quoted, end);
      if (quotedIcmp < 0 || (packet.get(quoted + 9) & 0xff) != family.protocol) {
        return null;
      }
      destination = address(packet, quoted + 16);
      quoted = quotedIcmp;
    } else {
      if (end - quoted < IPV6_HEADER || (packet.get(quoted + 6) & 0xff) != family.protocol) {
        return null;
      }
      destination = address(packet, quoted + 24);
      quoted += IPV6_HEADER;
    }
    return quotedRequest(packet, quoted, end - quoted, kind, source, destination, receivedAt, readAt);
  }

  /**
   * An ICMP error that a ping socket queued on its error queue: the kernel has matched it to the socket and gives
   * the original destination, the error's type and code, and its sender; the data is the quoted request.
   */
  IcmpMessage decodeQueuedError(ByteBuffer quoted, int offset, int length, InetAddress destination, int type,
      InetAddress offender, long receivedAt, long readAt) {
    ReplyKind kind = errorKind(type);
    return kind == null ? null
        : quotedRequest(quoted, offset, length, kind, offender, destination, receivedAt, readAt);
  }

  private IcmpMessage quotedRequest(ByteBuffer packet, int offset, int length, ReplyKind kind, InetAddress from,
      InetAddress destination, long receivedAt, long readAt) {
    if (length < ICMP_HEADER || (packet.get(offset) & 0xff) != family.echoRequest) {
      return null;
    }
    int identifier = packet.getShort(offset + 4) & 0xffff;
    int sequence = packet.getShort(offset + 6) & 0xffff;
    int payload = length - ICMP_HEADER;
    boolean intact = pattern.matches(packet, offset + ICMP_HEADER, payload, destination.getAddress(),
        keyed(identifier), sequence);
    return new IcmpMessage(kind, from, destination, identifier, sequence, payload, intact, receivedAt, readAt);
  }

  /** The identifier as the payload's digest covers it. */
  private int keyed(int identifier) {
    return ownsIdentifier ? identifier : 0;
  }

  private ReplyKind errorKind(int type) {
    if (type == family.timeExceeded) {
      return ReplyKind.TIME_EXCEEDED;
    }
    return type == family.unreachable ? ReplyKind.UNREACHABLE : null;
  }

  /** @return where the IPv4 packet at {@code offset} carries its payload, or -1 when its header does not fit */
  private static int skipIpv4Header(ByteBuffer packet, int offset, int end) {
    if (end - offset < IPV4_HEADER || (packet.get(offset) & 0xf0) != 0x40) {
      return -1;
    }
    int headerLength = (packet.get(offset) & 0x0f) * 4;
    return headerLength < IPV4_HEADER || end - offset < headerLength ? -1 : offset + headerLength;
  }

  private InetAddress address(ByteBuffer packet, int index) {
    byte[] bytes = new byte[family.addressBytes()];
    packet.get(index, bytes);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      throw new AssertionError("a 4- or 16-byte address is always valid", impossible);
    }
  }
}
