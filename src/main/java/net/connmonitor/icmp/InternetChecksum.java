package net.connmonitor.icmp;

import io.netty.buffer.ByteBuf;

/** The 16-bit one's complement checksum of RFC 1071. */
final class InternetChecksum {

  private InternetChecksum() {
  }

  /** The checksum of the readable bytes, to store in a checksum field that was zero while computing it. */
  static int of(ByteBuf data) {
    int start = data.readerIndex();
    int end = data.writerIndex();
    long sum = 0;
    int i = start;
    for (; i + 1 < end; i += 2) {
      sum += data.getUnsignedShort(i);
    }
    if (i < end) {
      sum += data.getUnsignedByte(i) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }
}
