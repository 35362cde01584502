package net.connmonitor.icmp;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * What an echo request of ours carries, so that an answer can be checked against it byte for byte, and so that only
 * the request to one destination could have carried it.
 *
 * <p>After a two-byte balance come the {@value #DIGEST_BYTES} bytes of a keyed digest ({@link SipHash}, with a key
 * made when the socket opens and never sent) of the request's destination, identifier and sequence number; the rest
 * repeats a random cookie of the socket's. A monitored host sees its own requests, so without the digest it could
 * answer for any other destination on the same socket with a forged source address; with it, a reply counts only if
 * it carries bytes that the request to that destination alone carried. The balance makes the ones' complement sum of
 * the sequence number, balance and digest the same for every request (Paris traceroute's trick): every request of
 * one identifier has the same ICMP checksum, so load balancers that hash the first bytes of ICMP see a single flow.
 * A payload shorter than {@value #PROTECTED_BYTES} bytes carries that much less of the digest (none at 2 bytes or
 * fewer), and the checksums of its requests differ.
 */
final class PayloadPattern {

  /** The digest: 64 bits, far beyond guessing within a timeout. */
  static final int DIGEST_BYTES = 8;
  /** The balance and the digest: the payload bytes that depend on the request. */
  static final int PROTECTED_BYTES = 2 + DIGEST_BYTES;
  private static final int COOKIE_BYTES = 8;
  private static final int KEY_BYTES = 16;
  /** The largest payload: what one IPv4 datagram carries after its headers. */
  private static final int MAX_PAYLOAD = 65_507;
  /** What is digested: an IPv6 destination at most, the identifier and the sequence number. */
  private static final int MAX_MESSAGE = 16 + 2 + 2;

  /** The bytes after the protected ones, for the largest payload, so that filling and checking are copies. */
  private final byte[] tail;
  private final SipHash digest;
  private final byte[] message = new byte[MAX_MESSAGE];
  /** The protected bytes of the latest request computed. */
  private final byte[] head = new byte[PROTECTED_BYTES];

  PayloadPattern(byte[] key, byte[] cookie) {
    tail = new byte[MAX_PAYLOAD - PROTECTED_BYTES];
    for (int i = 0; i < tail.length; i++) {
      tail[i] = cookie[i % cookie.length];
    }
    digest = new SipHash(key);
  }

  /** A pattern with a key and a cookie of its own: one per socket, confined to the socket's thread. */
  static PayloadPattern random() {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[KEY_BYTES];
    byte[] cookie = new byte[COOKIE_BYTES];
    random.nextBytes(key);
    random.nextBytes(cookie);
    return new PayloadPattern(key, cookie);
  }

  /** Writes the {@code length} payload bytes of the request {@code sequence} to {@code destination}. */
  void fill(ByteBuffer packet, int offset, int length, byte[] destination, int identifier, int sequence) {
    computeHead(destination, identifier, sequence);
    int headLength = Math.min(length, PROTECTED_BYTES);
    packet.put(offset, head, 0, headLength);
    packet.put(offset + headLength, tail, 0, length - headLength);
  }

  /**
   * Whether the {@code length} bytes at {@code offset} are the start of what the request {@code sequence} to
   * {@code destination} carried.
   */
  boolean matches(ByteBuffer packet, int offset, int length, byte[] destination, int identifier, int sequence) {
    computeHead(destination, identifier, sequence);
    int headLength = Math.min(length, PROTECTED_BYTES);
    return equal(packet, offset, head, headLength) && equal(packet, offset + headLength, tail, length - headLength);
  }

  /** Byte by byte, as a slice's equals would, without making the slices. */
  private static boolean equal(ByteBuffer packet, int offset, byte[] expected, int length) {
    for (int i = 0; i < length; i++) {
      if (packet.get(offset + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private void computeHead(byte[] destination, int identifier, int sequence) {
    int length = destination.length;
    System.arraycopy(destination, 0, message, 0, length);
    message[length] = (byte) (identifier >> 8);
    message[length + 1] = (byte) identifier;
    message[length + 2] = (byte) (sequence >> 8);
    message[length + 3] = (byte) sequence;
    long hash = digest.hash(message, 0, length + 4);
    // The digest's bytes as the reference implementation outputs them: least significant first.
    for (int i = 0; i < DIGEST_BYTES; i++) {
      head[2 + i] = (byte) (hash >>> (8 * i));
    }
    int sum = sequence & 0xffff;
    for (int i = 2; i < PROTECTED_BYTES; i += 2) {
      sum += (head[i] & 0xff) << 8 | head[i + 1] & 0xff;
    }
    while (sum > 0xffff) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    int balance = ~sum & 0xffff;
    head[0] = (byte) (balance >> 8);
    head[1] = (byte) balance;
  }
}
