package net.connmonitor.icmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Synthetic packets, laid out as each kind of socket delivers them. */
class IcmpCodecTest {

  private static final InetAddress LOCAL_V4 = address("127.0.0.1");
  private static final InetAddress ROUTER_V4 = address("198.18.1.2");
  private static final InetAddress TARGET_V4 = address("198.18.10.2");
  private static final InetAddress ROUTER_V6 = address("2001:db8:0:1::2");
  private static final InetAddress TARGET_V6 = address("2001:db8:0:10::2");
  private static final InetAddress OTHER_TARGET_V4 = address("198.18.20.2");
  private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
  private static final PayloadPattern PATTERN = new PayloadPattern(KEY, HexFormat.of().parseHex("c0ffee0011223344"));
  private static final long RECEIVED = 1_795_000_000_123_456_789L;
  /** What the kernel says an echo reply arrived with: 64 less three routers. */
  private static final int HOP_LIMIT = 61;
  private static final long READ = 42;

  private final IcmpCodec rawV4 = new IcmpCodec(IcmpFamily.V4, SocketKind.RAW, PATTERN);
  private final IcmpCodec rawV6 = new IcmpCodec(IcmpFamily.V6, SocketKind.RAW, PATTERN);
  private final IcmpCodec pingV4 = new IcmpCodec(IcmpFamily.V4, SocketKind.PING, PATTERN);

  @Test
  void encodesAnIpv4EchoRequestWithItsChecksumAndPayload() {
    ByteBuffer packet = buffer(64);
    int length = rawV4.encode(packet, 0, TARGET_V4.getAddress(), 0x1234, 1, 14);
    // SipHash-2-4 of destination, identifier and sequence, under the key: its 8 bytes, least significant first,
    // follow the balance
    byte[] digested = HexFormat.of().parseHex("c6120a0212340001");
    long hash = new SipHash(KEY).hash(digested, 0, digested.length);
    String digest = HexFormat.of().formatHex(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(hash)
        .array());
    // type 8, code 0, checksum, identifier 0x1234, sequence 1, the balance, the digest, then the cookie, repeated
    assertEquals("0800", hex(packet, 0, 2));
    assertEquals("12340001", hex(packet, 4, 4));
    assertEquals(digest, hex(packet, 10, 8));
    assertEquals("c0ffee00", hex(packet, 18, 4));
    assertEquals(0xffff, onesComplementSum(packet, 6, 12), "sequence, balance and digest sum to a constant");
    assertTrue(InternetChecksum.verifies(packet, 0, length));
  }

  @Test
  void everyRequestOfOneIdentifierHasTheSameChecksumWhateverItsDestination() {
    Set<Integer> checksums = new HashSet<>();
    for (InetAddress destination : new InetAddress[] {TARGET_V4, OTHER_TARGET_V4}) {
      for (int sequence : new int[] {0, 1, 0x7fff, 0xfffe, 0xffff}) {
        ByteBuffer packet = buffer(64);
        rawV4.encode(packet, 0, destination.getAddress(), 0x1234, sequence, 32);
        checksums.add(packet.getShort(2) & 0xffff);
        assertEquals(1, checksums.size(), destination + " sequence " + sequence);
      }
    }
  }

  @Test
  void leavesTheIcmpv6ChecksumToTheKernel() {
    ByteBuffer packet = buffer(64);
    int length = rawV6.encode(packet, 0, TARGET_V6.getAddress(), 0xbeef, 0xffff, 1);
    assertEquals("80000000beefffff", hex(packet, 0, 8));
    assertEquals(9, length);
  }

  @Test
  void aReplyCarryingTheRequestToAnotherDestinationIsFlagged() {
    // A monitored host sees its own requests and answers one of them with the source address of another host.
    ByteBuffer ownRequest = echoReply(IcmpFamily.V4, 0x1234, 7, 41, TARGET_V4);
    ByteBuffer forged = ipv4(OTHER_TARGET_V4, LOCAL_V4, ownRequest);
    IcmpMessage reply = rawV4.decode(forged, 0, forged.limit(), OTHER_TARGET_V4, HOP_LIMIT, RECEIVED, READ);
    assertEquals(OTHER_TARGET_V4, reply.probeDestination());
    assertFalse(reply.payloadIntact());
    ByteBuffer genuine = ipv4(TARGET_V4, LOCAL_V4, ownRequest);
    assertTrue(rawV4.decode(genuine, 0, genuine.limit(), TARGET_V4, HOP_LIMIT, RECEIVED, READ).payloadIntact());
  }

  @Test
  void aReplyCarryingAnotherIdentifiersOrSequencesRequestIsFlagged() {
    ByteBuffer request = echoReply(IcmpFamily.V4, 0x1234, 7, 41, TARGET_V4);
    request.putShort(6, (short) 8);
    fixChecksum(request);
    assertFalse(rawV4.decode(ipv4(TARGET_V4, LOCAL_V4, request), 0, 20 + request.limit(), TARGET_V4, HOP_LIMIT,
        RECEIVED, READ).payloadIntact(), "another sequence");
    request.putShort(6, (short) 7);
    request.putShort(4, (short) 0x1235);
    fixChecksum(request);
    assertFalse(rawV4.decode(ipv4(TARGET_V4, LOCAL_V4, request), 0, 20 + request.limit(), TARGET_V4, HOP_LIMIT,
        RECEIVED, READ).payloadIntact(), "another identifier");
  }

  @Test
  void aReplyToAnotherKeysRequestIsFlagged() {
    ByteBuffer packet = buffer(8 + 41);
    new IcmpCodec(IcmpFamily.V6, SocketKind.RAW, PayloadPattern.random())
        .encode(packet, 0, TARGET_V6.getAddress(), 0x1234, 7, 41);
    packet.put(0, (byte) IcmpFamily.V6.echoReply);
    assertFalse(rawV6.decode(packet, 0, packet.limit(), TARGET_V6, HOP_LIMIT, RECEIVED, READ).payloadIntact());
  }

  @Test
  void aPingSocketsPayloadIsKeyedWithoutTheIdentifierItsKernelWrites() {
    ByteBuffer packet = buffer(8 + 41);
    pingV4.encode(packet, 0, TARGET_V4.getAddress(), 0, 7, 41);
    packet.put(0, (byte) IcmpFamily.V4.echoReply).putShort(4, (short) 0x0d1e);
    assertTrue(pingV4.decode(packet, 0, packet.limit(), TARGET_V4, HOP_LIMIT, RECEIVED, READ).payloadIntact());
  }

  @Test
  void decodesAnEchoReplyAfterTheIpv4HeaderOfARawSocket() {
    ByteBuffer packet = ipv4(TARGET_V4, LOCAL_V4, echoReply(IcmpFamily.V4, 0x1234, 7, 41));
    IcmpMessage reply = rawV4.decode(packet, 0, packet.limit(), TARGET_V4, HOP_LIMIT, RECEIVED, READ);
    assertEquals(new IcmpMessage(ReplyKind.ECHO_REPLY, TARGET_V4, TARGET_V4, 0x1234, 7, 41, true, RECEIVED, READ,
            HOP_LIMIT),
        reply);
  }

  @Test
  void aRawIpv4SocketRefusesAPacketWithABadChecksum() {
    ByteBuffer packet = ipv4(TARGET_V4, LOCAL_V4, echoReply(IcmpFamily.V4, 0x1234, 7, 41));
    packet.put(20 + 30, (byte) (packet.get(20 + 30) ^ 1));
    assertNull(rawV4.decode(packet, 0, packet.limit(), TARGET_V4, HOP_LIMIT, RECEIVED, READ));
  }

  @Test
  void aPingSocketsReplyStartsAtTheIcmpHeader() {
    ByteBuffer packet = buffer(8 + 41);
    pingV4.encode(packet, 0, TARGET_V4.getAddress(), 0x0d1e, 9, 41);
    packet.put(0, (byte) IcmpFamily.V4.echoReply);
    IcmpMessage reply = pingV4.decode(packet, 0, packet.limit(), TARGET_V4, HOP_LIMIT, RECEIVED, READ);
    assertEquals(9, reply.sequence());
    assertEquals(0x0d1e, reply.identifier());
    assertTrue(reply.payloadIntact());
  }

  @Test
  void aReplyWhosePayloadDiffersFromTheRequestsIsFlagged() {
    ByteBuffer packet = echoReply(IcmpFamily.V6, 0x1234, 7, 41);
    packet.put(8 + 20, (byte) 0);
    IcmpMessage reply = rawV6.decode(packet, 0, packet.limit(), TARGET_V6, HOP_LIMIT, RECEIVED, READ);
    assertFalse(reply.payloadIntact());
  }

  @Test
  void decodesAnIpv4TimeExceededByTheRequestItQuotes() {
    ByteBuffer request = buffer(64);
    int length = rawV4.encode(request, 0, TARGET_V4.getAddress(), 0x1234, 3, 32);
    // Linux routers quote the whole original packet when it fits in 576 bytes.
    ByteBuffer error = ipv4(ROUTER_V4, LOCAL_V4,
        icmpError(11, ipv4(LOCAL_V4, TARGET_V4, slice(request, 0, length)), IcmpFamily.V4));
    IcmpMessage message = rawV4.decode(error, 0, error.limit(), ROUTER_V4, HOP_LIMIT, RECEIVED, READ);
    assertEquals(new IcmpMessage(ReplyKind.TIME_EXCEEDED, ROUTER_V4, TARGET_V4, 0x1234, 3, 32, true, RECEIVED, READ),
        message);
  }

  @Test
  void anErrorQuotingOnlyTheIcmpHeaderCarriesNoPayload() {
    ByteBuffer request = buffer(64);
    rawV4.encode(request, 0, TARGET_V4.getAddress(), 0x1234, 3, 32);
    ByteBuffer error = ipv4(ROUTER_V4, LOCAL_V4,
        icmpError(3, ipv4(LOCAL_V4, TARGET_V4, slice(request, 0, 8)), IcmpFamily.V4));
    IcmpMessage message = rawV4.decode(error, 0, error.limit(), ROUTER_V4, HOP_LIMIT, RECEIVED, READ);
    assertEquals(ReplyKind.UNREACHABLE, message.kind());
    assertEquals(0, message.payloadBytes());
  }

  @Test
  void decodesAnIcmpv6TimeExceededByTheRequestItQuotes() {
    ByteBuffer request = buffer(64);
    int length = rawV6.encode(request, 0, TARGET_V6.getAddress(), 0xbeef, 0x8001, 32);
    ByteBuffer error = icmpError(3, ipv6(address("2001:db8::1"), TARGET_V6, slice(request, 0, length)),
        IcmpFamily.V6);
    IcmpMessage message = rawV6.decode(error, 0, error.limit(), ROUTER_V6, HOP_LIMIT, RECEIVED, READ);
    assertEquals(new IcmpMessage(ReplyKind.TIME_EXCEEDED, ROUTER_V6, TARGET_V6, 0xbeef, 0x8001, 32, true, RECEIVED,
        READ), message);
  }

  @Test
  void decodesAnErrorThatAPingSocketQueued() {
    ByteBuffer request = buffer(64);
    int length = pingV4.encode(request, 0, TARGET_V4.getAddress(), 0x0d1e, 12, 16);
    IcmpMessage message = pingV4.decodeQueuedError(request, 0, length, TARGET_V4, 11, ROUTER_V4, RECEIVED, READ);
    assertEquals(new IcmpMessage(ReplyKind.TIME_EXCEEDED, ROUTER_V4, TARGET_V4, 0x0d1e, 12, 16, true, RECEIVED, READ),
        message);
    assertNull(pingV4.decodeQueuedError(request, 0, length, TARGET_V4, 5, ROUTER_V4, RECEIVED, READ),
        "a redirect answers nothing");
  }

  @Test
  void truncatedAndForeignPacketsDecodeToNothing() {
    ByteBuffer reply = ipv4(TARGET_V4, LOCAL_V4, echoReply(IcmpFamily.V4, 0x1234, 7, 41));
    assertNull(rawV4.decode(reply, 0, 19, TARGET_V4, HOP_LIMIT, RECEIVED, READ), "no whole IP header");
    assertNull(rawV4.decode(reply, 0, 27, TARGET_V4, HOP_LIMIT, RECEIVED, READ), "no whole ICMP header");
    ByteBuffer request = ipv4(LOCAL_V4, TARGET_V4, echoRequest(0x1234, 7));
    assertNull(rawV4.decode(request, 0, request.limit(), LOCAL_V4, HOP_LIMIT, RECEIVED, READ),
        "an echo request answers nothing");
    ByteBuffer udp = ipv4(LOCAL_V4, TARGET_V4, buffer(16));
    udp.put(9, (byte) 17);
    ByteBuffer aboutUdp = ipv4(ROUTER_V4, LOCAL_V4, icmpError(3, udp, IcmpFamily.V4));
    assertNull(rawV4.decode(aboutUdp, 0, aboutUdp.limit(), ROUTER_V4, HOP_LIMIT, RECEIVED, READ), "an error about UDP");
    ByteBuffer shortError = icmpError(3, buffer(30), IcmpFamily.V6);
    assertNull(rawV6.decode(shortError, 0, shortError.limit(), ROUTER_V6, HOP_LIMIT, RECEIVED, READ),
        "no whole quoted header");
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size);
  }

  private static ByteBuffer slice(ByteBuffer packet, int offset, int length) {
    ByteBuffer copy = buffer(length);
    for (int i = 0; i < length; i++) {
      copy.put(i, packet.get(offset + i));
    }
    return copy;
  }

  /** What our request would come back as: the same bytes with the reply's type and checksum. */
  private static ByteBuffer echoReply(IcmpFamily family, int identifier, int sequence, int payload) {
    return echoReply(family, identifier, sequence, payload, family == IcmpFamily.V4 ? TARGET_V4 : TARGET_V6);
  }

  private static ByteBuffer echoReply(IcmpFamily family, int identifier, int sequence, int payload,
      InetAddress destination) {
    ByteBuffer packet = buffer(8 + payload);
    new IcmpCodec(family, SocketKind.RAW, PATTERN).encode(packet, 0, destination.getAddress(), identifier, sequence,
        payload);
    packet.put(0, (byte) family.echoReply);
    fixChecksum(packet);
    return packet;
  }

  private static void fixChecksum(ByteBuffer packet) {
    packet.putShort(2, (short) 0);
    packet.putShort(2, (short) InternetChecksum.of(packet, 0, packet.limit()));
  }

  private static int onesComplementSum(ByteBuffer packet, int offset, int length) {
    int sum = 0;
    for (int i = offset; i < offset + length; i += 2) {
      sum += packet.getShort(i) & 0xffff;
    }
    while (sum > 0xffff) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return sum;
  }

  private static ByteBuffer echoRequest(int identifier, int sequence) {
    ByteBuffer packet = buffer(8 + 16);
    new IcmpCodec(IcmpFamily.V4, SocketKind.RAW, PATTERN).encode(packet, 0, TARGET_V4.getAddress(), identifier,
        sequence, 16);
    return packet;
  }

  private static ByteBuffer icmpError(int type, ByteBuffer quoted, IcmpFamily family) {
    ByteBuffer packet = buffer(8 + quoted.limit());
    packet.put(0, (byte) type);
    for (int i = 0; i < quoted.limit(); i++) {
      packet.put(8 + i, quoted.get(i));
    }
    if (family == IcmpFamily.V4) {
      packet.putShort(2, (short) InternetChecksum.of(packet, 0, packet.limit()));
    }
    return packet;
  }

  private static ByteBuffer ipv4(InetAddress source, InetAddress destination, ByteBuffer payload) {
    ByteBuffer packet = buffer(20 + payload.limit());
    packet.put(0, (byte) 0x45).putShort(2, (short) packet.limit()).put(8, (byte) 64).put(9, (byte) 1);
    packet.put(12, source.getAddress()).put(16, destination.getAddress());
    for (int i = 0; i < payload.limit(); i++) {
      packet.put(20 + i, payload.get(i));
    }
    return packet;
  }

  private static ByteBuffer ipv6(InetAddress source, InetAddress destination, ByteBuffer payload) {
    ByteBuffer packet = buffer(40 + payload.limit());
    packet.put(0, (byte) 0x60).putShort(4, (short) payload.limit()).put(6, (byte) 58).put(7, (byte) 64);
    packet.put(8, source.getAddress()).put(24, destination.getAddress());
    for (int i = 0; i < payload.limit(); i++) {
      packet.put(40 + i, payload.get(i));
    }
    return packet;
  }

  private static String hex(ByteBuffer packet, int offset, int length) {
    byte[] bytes = new byte[length];
    packet.get(offset, bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
