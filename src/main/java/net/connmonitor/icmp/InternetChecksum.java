package net.connmonitor.icmp;

import java.nio.ByteBuffer;

/** The 16-bit one's complement checksum of RFC 1071, over bytes in network order. */
final class InternetChecksum {

  private InternetChecksum() {
  }

  /** The checksum of {@code length} bytes at {@code offset}, with the checksum field itself zero while computing. */
  static int of(ByteBuffer data, int offset, int length) {
    return ~sum(data, offset, length) & 0xffff;
  }

  /** Whether {@code length} bytes at {@code offset}, checksum field included, carry a correct checksum. */
  static boolean verifies(ByteBuffer data, int offset, int length) {
    return sum(data, offset, length) == 0xffff;
  }

  private static int sum(ByteBuffer data, int offset, int length) {
    long sum = 0;
    int end = offset + length;
    int i = offset;
    for (; i + 1 < end; i += 2) {
      sum += data.getShort(i) & 0xffff;
    }
    if (i < end) {
      sum += (data.get(i) & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) sum;
  }
}
