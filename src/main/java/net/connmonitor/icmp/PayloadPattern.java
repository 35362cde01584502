package net.connmonitor.icmp;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an echo request of ours carries, so that an answer can be checked against it byte for byte. The first two
 * bytes are the complement of the sequence number (Paris traceroute's trick: with it, every request of one
 * identifier has the same ICMP checksum, so load balancers that hash the first bytes of ICMP see a single flow);
 * the rest repeats a random cookie of the socket's, which a forger off the path cannot guess.
 */
final class PayloadPattern {

  private static final int COOKIE_BYTES = 8;
  /** The largest payload: what one IPv4 datagram carries after its headers. */
  private static final int MAX_PAYLOAD = 65_507;

  /** The bytes after the sequence's complement, for the largest payload, so that filling and checking are copies. */
  private final byte[] tail;

  PayloadPattern(byte[] cookie) {
    tail = new byte[MAX_PAYLOAD];
    for (int i = 0; i < tail.length; i++) {
      tail[i] = cookie[i % cookie.length];
    }
  }

  static PayloadPattern random() {
    byte[] cookie = new byte[COOKIE_BYTES];
    ThreadLocalRandom.current().nextBytes(cookie);
    return new PayloadPattern(cookie);
  }

  /** Writes the {@code length} payload bytes of request {@code sequence} at {@code offset}. */
  void fill(ByteBuffer packet, int offset, int length, int sequence) {
    if (length >= 2) {
      packet.putShort(offset, (short) ~sequence);
      packet.put(offset + 2, tail, 0, length - 2);
    } else if (length == 1) {
      packet.put(offset, (byte) (~sequence >> 8));
    }
  }

  /** Whether the {@code length} bytes at {@code offset} are the start of what request {@code sequence} carried. */
  boolean matches(ByteBuffer packet, int offset, int length, int sequence) {
    if (length >= 2) {
      if (packet.getShort(offset) != (short) ~sequence) {
        return false;
      }
      return packet.slice(offset + 2, length - 2).equals(ByteBuffer.wrap(tail, 0, length - 2));
    }
    return length == 0 || packet.get(offset) == (byte) (~sequence >> 8);
  }
}
