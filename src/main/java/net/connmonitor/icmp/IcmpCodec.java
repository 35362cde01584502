package net.connmonitor.icmp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Datagrams of an ICMP socket to and from {@link EchoRequest} / {@link IcmpMessage}. Everything that cannot be an
 * answer to an echo request of ours (other types, truncated or foreign packets) is dropped here.
 */
final class IcmpCodec extends MessageToMessageCodec<DatagramPacket, EchoRequest> {

  private static final int ICMP_HEADER = 8;
  private static final int IPV6_HEADER = 40;

  private final IcmpFamily family;
  private final boolean readsIpHeader;

  IcmpCodec(IcmpFamily family, SocketKind kind) {
    this.family = family;
    this.readsIpHeader = kind == SocketKind.RAW && family.rawReadsIpHeader;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, EchoRequest request, List<Object> out) {
    ByteBuf packet = ctx.alloc().buffer(ICMP_HEADER + request.payloadBytes());
    packet.writeByte(family.echoRequest)
        .writeByte(0)
        .writeShort(0)
        .writeShort(request.identifier())
        .writeShort(request.sequence());
    if (request.payloadBytes() >= 2) {
      // Paris traceroute's trick: the complement of the sequence next to it leaves the checksum the same for every
      // request of one identifier, so that load balancers hashing the first bytes of ICMP see a single flow.
      packet.writeShort(~request.sequence() & 0xffff).writeZero(request.payloadBytes() - 2);
    } else {
      packet.writeZero(request.payloadBytes());
    }
    // The kernel computes ICMPv6 checksums (they cover a pseudo-header we do not see); ICMPv4 ones are ours.
    if (family == IcmpFamily.V4) {
      packet.setShort(2, InternetChecksum.of(packet));
    }
    out.add(new DatagramPacket(packet, new InetSocketAddress(request.destination(), 0)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, DatagramPacket datagram, List<Object> out) {
    // First thing after recvmsg: the round-trip time ends here.
    long receivedAt = System.nanoTime();
    ByteBuf packet = datagram.content();
    if (readsIpHeader && !skipIpv4Header(packet)) {
      return;
    }
    if (packet.readableBytes() < ICMP_HEADER) {
      return;
    }
    InetAddress from = datagram.sender().getAddress();
    int type = packet.readUnsignedByte();
    packet.skipBytes(3); // code, checksum
    if (type == family.echoReply) {
      out.add(new IcmpMessage(ReplyKind.ECHO_REPLY, from, from,
          packet.readUnsignedShort(), packet.readUnsignedShort(), receivedAt));
    } else if (type == family.timeExceeded || type == family.unreachable) {
      packet.skipBytes(4); // unused / next-hop MTU
      ReplyKind kind = type == family.timeExceeded ? ReplyKind.TIME_EXCEEDED : ReplyKind.UNREACHABLE;
      decodeQuotedRequest(packet, kind, from, receivedAt, out);
    }
  }

  /** An ICMP error quotes the IP header and the first 8 bytes of the packet that caused it. */
  private void decodeQuotedRequest(ByteBuf packet, ReplyKind kind, InetAddress from, long receivedAt,
      List<Object> out) {
    InetAddress destination = family == IcmpFamily.V4 ? quotedIpv4Destination(packet) : quotedIpv6Destination(packet);
    if (destination == null || packet.readableBytes() < ICMP_HEADER
        || packet.readUnsignedByte() != family.echoRequest) {
      return;
    }
    packet.skipBytes(3);
    out.add(new IcmpMessage(kind, from, destination, packet.readUnsignedShort(), packet.readUnsignedShort(),
        receivedAt));
  }

  private static boolean skipIpv4Header(ByteBuf packet) {
    if (packet.readableBytes() < 20) {
      return false;
    }
    int headerLength = (packet.getUnsignedByte(packet.readerIndex()) & 0x0f) * 4;
    if (headerLength < 20 || packet.readableBytes() < headerLength) {
      return false;
    }
    packet.skipBytes(headerLength);
    return true;
  }

  private InetAddress quotedIpv4Destination(ByteBuf packet) {
    int start = packet.readerIndex();
    if (packet.readableBytes() < 20 || packet.getUnsignedByte(start + 9) != family.protocol) {
      return null;
    }
    InetAddress destination = address(packet, start + 16, 4);
    if (!skipIpv4Header(packet)) {
      return null;
    }
    return destination;
  }

  private InetAddress quotedIpv6Destination(ByteBuf packet) {
    int start = packet.readerIndex();
    if (packet.readableBytes() < IPV6_HEADER || packet.getUnsignedByte(start + 6) != family.protocol) {
      return null;
    }
    InetAddress destination = address(packet, start + 24, 16);
    packet.skipBytes(IPV6_HEADER);
    return destination;
  }

  private static InetAddress address(ByteBuf packet, int index, int length) {
    byte[] bytes = new byte[length];
    packet.getBytes(index, bytes);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
