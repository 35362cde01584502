package net.connmonitor.icmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class IcmpCodecTest {

  private static final InetAddress LOCAL_V4 = address("127.0.0.1");
  private static final InetAddress ROUTER_V4 = address("198.18.1.2");
  private static final InetAddress TARGET_V4 = address("198.18.10.2");
  private static final InetAddress ROUTER_V6 = address("2001:db8:0:1::2");
  private static final InetAddress TARGET_V6 = address("2001:db8:0:10::2");

  @Test
  void encodesAnIpv4EchoRequestWithItsChecksum() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V4, SocketKind.RAW));
    channel.writeOutbound(new EchoRequest(LOCAL_V4, 0x1234, 1, 5, EchoRequest.SOCKET_DEFAULT));
    DatagramPacket packet = channel.readOutbound();
    // type 8, code 0, checksum, identifier 0x1234, sequence 1, the sequence's complement, three zero bytes
    assertEquals("0800e5cb12340001fffe000000", ByteBufUtil.hexDump(packet.content()));
    assertEquals(0, InternetChecksum.of(packet.content()), "a packet with its checksum sums to zero");
    assertEquals(new InetSocketAddress(LOCAL_V4, 0), packet.recipient());
    packet.release();
  }

  @Test
  void everyRequestOfOneIdentifierHasTheSameChecksum() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V4, SocketKind.RAW));
    for (int sequence : new int[] {0, 1, 0x7fff, 0xfffe, 0xffff}) {
      channel.writeOutbound(new EchoRequest(TARGET_V4, 0x1234, sequence, 32, 1 + sequence % 30));
      DatagramPacket packet = channel.readOutbound();
      assertEquals(0, InternetChecksum.of(packet.content()));
      assertEquals(0xe5cb, packet.content().getUnsignedShort(2), "sequence " + sequence);
      packet.release();
    }
  }

  @Test
  void leavesTheIcmpv6ChecksumToTheKernel() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V6, SocketKind.RAW));
    channel.writeOutbound(new EchoRequest(TARGET_V6, 0xbeef, 0xffff, 1, EchoRequest.SOCKET_DEFAULT));
    DatagramPacket packet = channel.readOutbound();
    assertEquals("80000000beefffff00", ByteBufUtil.hexDump(packet.content()));
    packet.release();
  }

  @Test
  void decodesAnEchoReplyAfterTheIpv4HeaderOfARawSocket() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V4, SocketKind.RAW));
    // A real reply captured on loopback: 20-byte IP header, then type 0, identifier 0x1234, sequence 1, "hello".
    long before = System.nanoTime();
    channel.writeInbound(datagram("450000215e84000040011e567f0000017f0000010000a9f81234000168656c6c6f", LOCAL_V4));
    IcmpMessage message = channel.readInbound();
    assertEquals(ReplyKind.ECHO_REPLY, message.kind());
    assertEquals(LOCAL_V4, message.from());
    assertEquals(LOCAL_V4, message.probeDestination());
    assertEquals(0x1234, message.identifier());
    assertEquals(1, message.sequence());
    assertEquals(true, message.receivedAtNanos() >= before);
  }

  @Test
  void decodesAnEchoReplyOfAPingSocketWhichHasNoIpHeader() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V4, SocketKind.PING));
    channel.writeInbound(datagram("00003d6a7ec2000168656c6c6f", LOCAL_V4));
    IcmpMessage message = channel.readInbound();
    assertEquals(ReplyKind.ECHO_REPLY, message.kind());
    assertEquals(0x7ec2, message.identifier());
    assertEquals(1, message.sequence());
  }

  @Test
  void decodesATimeExceededByTheRequestItQuotes() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V4, SocketKind.RAW));
    String outerIpHeader = "45c0003800000000400100bbc6120102c6120001";
    String timeExceeded = "0b00f4ff00000000";
    String quotedIpHeader = "4500002100004000" + "0101" + "0000" + "c6120001" + "c612" + "0a02";
    String quotedEcho = "0800000012340007";
    channel.writeInbound(datagram(outerIpHeader + timeExceeded + quotedIpHeader + quotedEcho, ROUTER_V4));
    IcmpMessage message = channel.readInbound();
    assertEquals(ReplyKind.TIME_EXCEEDED, message.kind());
    assertEquals(ROUTER_V4, message.from());
    assertEquals(TARGET_V4, message.probeDestination());
    assertEquals(0x1234, message.identifier());
    assertEquals(7, message.sequence());
  }

  @Test
  void decodesAnIcmpv6UnreachableByTheRequestItQuotes() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V6, SocketKind.RAW));
    String unreachable = "01030000" + "00000000";
    String quotedIpv6Header = "60000000" + "0010" + "3a" + "01"
        + "20010db8000000000000000000000001" + "20010db8000000100000000000000002";
    String quotedEcho = "8000000043210009";
    channel.writeInbound(datagram(unreachable + quotedIpv6Header + quotedEcho, ROUTER_V6));
    IcmpMessage message = channel.readInbound();
    assertEquals(ReplyKind.UNREACHABLE, message.kind());
    assertEquals(ROUTER_V6, message.from());
    assertEquals(TARGET_V6, message.probeDestination());
    assertEquals(0x4321, message.identifier());
    assertEquals(9, message.sequence());
  }

  @Test
  void dropsWhatCannotAnswerAnEchoRequest() {
    EmbeddedChannel channel = new EmbeddedChannel(new IcmpCodec(IcmpFamily.V4, SocketKind.PING));
    channel.writeInbound(datagram("0800f7fe00010000", LOCAL_V4)); // an echo request
    channel.writeInbound(datagram("0000", LOCAL_V4)); // truncated
    channel.writeInbound(datagram("0b00f4ff00000000" + "4500", ROUTER_V4)); // error quoting too little
    // An error quoting a UDP datagram, not one of our echo requests.
    channel.writeInbound(datagram("0b00f4ff00000000" + "45000021000040000111" + "0000c6120001c6120a02"
        + "0800000012340007", ROUTER_V4));
    assertNull(channel.readInbound());
  }

  private static DatagramPacket datagram(String hex, InetAddress sender) {
    ByteBuf content = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    return new DatagramPacket(content, new InetSocketAddress(0), new InetSocketAddress(sender, 0));
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
