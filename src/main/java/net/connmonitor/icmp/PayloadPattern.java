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

  private final byte[] cookie;

  PayloadPattern(byte[] cookie) {
    this.cookie = cookie.clone();
  }

  static PayloadPattern random() {
    byte[] cookie = new byte[COOKIE_BYTES];
    ThreadLocalRandom.current().nextBytes(cookie);
    return new PayloadPattern(cookie);
  }

  private byte at(int index, int sequence) {
    return switch (index) {
      case 0 -> (byte) (~sequence >> 8);
      case 1 -> (byte) ~sequence;
      default -> cookie[(index - 2) % cookie.length];
    };
  }

  /** Writes the {@code length} payload bytes of request {@code sequence} at {@code offset}. */
  void fill(ByteBuffer packet, int offset, int length, int sequence) {
    for (int i = 0; i < length; i++) {
      packet.put(offset + i, at(i, sequence));
    }
  }

  /** Whether the {@code length} bytes at {@code offset} are the start of what request {@code sequence} carried. */
  boolean matches(ByteBuffer packet, int offset, int length, int sequence) {
    for (int i = 0; i < length; i++) {
      if (packet.get(offset + i) != at(i, sequence)) {
        return false;
      }
    }
    return true;
  }
}
