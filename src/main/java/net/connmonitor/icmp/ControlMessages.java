package net.connmonitor.icmp;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import net.connmonitor.os.Linux;

/**
 * Control messages ({@code struct cmsghdr} and its data), both ways. Written: what one datagram sent carries of its
 * own (its hop limit, source and interface, traffic class). Read: what the kernel says about one received datagram,
 * the receive or transmit timestamp, the TTL or hop limit it arrived with, the socket's drop counter, and for the
 * error queue the extended error (an ICMP error about one of our datagrams, or a transmit timestamp's key); the
 * fields hold the latest datagram's, reused for every datagram of a read. Confined to the socket's event loop.
 */
final class ControlMessages {

  /** {@code struct cmsghdr}: length (size_t), level, type; the data follows, and each message is 8-aligned. */
  private static final int CMSG_HEADER = 16;

  /** Enough for a receive timestamp in both forms, a drop counter and an extended error with an IPv6 offender. */
  static final int RECEIVE_SPACE = 256;
  /** Room for a hop limit (24 bytes), an IPv6 packet info (40) and a traffic class (24). */
  static final int SEND_SPACE = 88;

  /** Nanoseconds since the epoch from SCM_TIMESTAMPNS, or 0. */
  long timestamp;
  /** Nanoseconds since the epoch from the software slot of SCM_TIMESTAMPING, or 0. */
  long timestamping;
  /** The socket's drop counter when the datagram was queued, or -1 when none was attached (no drop yet). */
  long drops;
  /** The extended error's origin (SO_EE_ORIGIN_*), or 0 when there is none. */
  int errorOrigin;
  int errorType;
  /** The TTL or hop limit the datagram arrived with, or -1. */
  int hopLimit;
  /** A transmit timestamp's key (SOF_TIMESTAMPING_OPT_ID). */
  long errorData;
  /** Where the sender of an ICMP error is (a sockaddr), or -1. */
  int offender;

  /** Reads the {@code length} bytes of control messages at {@code offset} of {@code memory} (machine byte order). */
  void parse(ByteBuffer memory, int offset, int length, IcmpFamily family) {
    timestamp = 0;
    timestamping = 0;
    drops = -1;
    hopLimit = -1;
    errorOrigin = 0;
    errorType = 0;
    errorData = 0;
    offender = -1;
    int end = offset + length;
    int at = offset;
    while (end - at >= CMSG_HEADER) {
      int messageLength = (int) memory.getLong(at);
      if (messageLength < CMSG_HEADER || messageLength > end - at) {
        return;
      }
      int level = memory.getInt(at + 8);
      int type = memory.getInt(at + 12);
      int data = at + CMSG_HEADER;
      if (level == Linux.SOL_SOCKET && type == Linux.SO_TIMESTAMPNS) {
        timestamp = nanos(memory, data);
      } else if (level == Linux.SOL_SOCKET && type == Linux.SO_TIMESTAMPING) {
        timestamping = nanos(memory, data);
      } else if (level == Linux.SOL_SOCKET && type == Linux.SO_RXQ_OVFL) {
        drops = memory.getInt(data) & 0xffffffffL;
      } else if (level == family.ipLevel && type == family.hopLimitMessage) {
        hopLimit = memory.getInt(data);
      } else if (level == family.ipLevel && type == family.receiveErrors) {
        // struct sock_extended_err: errno u32, origin u8, type u8, code u8, pad u8, info u32, data u32; offender
        errorOrigin = memory.get(data + 4) & 0xff;
        errorType = memory.get(data + 5) & 0xff;
        errorData = memory.getInt(data + 12) & 0xffffffffL;
        offender = messageLength >= CMSG_HEADER + 16 + family.sockaddrLength ? data + 16 : -1;
      }
      at += align(messageLength);
    }
  }

  /** The receive time: SCM_TIMESTAMPNS, or the software stamp of SCM_TIMESTAMPING, or 0 when neither came. */
  long receivedAt() {
    return timestamp != 0 ? timestamp : timestamping;
  }

  private static long nanos(ByteBuffer memory, int timespec) {
    return memory.getLong(timespec) * 1_000_000_000L + memory.getLong(timespec + 8);
  }

  /**
   * Writes an int of one datagram, such as its TTL or hop limit, or its TOS or traffic class, as a control message at
   * {@code at} of {@code memory}.
   *
   * @return the space it takes
   */
  static int writeInt(NativeBuffer memory, int at, IcmpFamily family, int type, int value) {
    memory.host.putLong(at, CMSG_HEADER + Integer.BYTES);
    memory.host.putInt(at + 8, family.ipLevel);
    memory.host.putInt(at + 12, type);
    memory.host.putInt(at + CMSG_HEADER, value);
    return align(CMSG_HEADER + Integer.BYTES);
  }

  /**
   * Writes {@code struct in_pktinfo} (its source and interface; the kernel takes the source from ipi_spec_dst) or
   * {@code struct in6_pktinfo} as a control message at {@code at} of {@code memory}.
   *
   * @return the space it takes
   */
  static int writePacketInfo(NativeBuffer memory, int at, IcmpFamily family, Departure departure) {
    boolean v4 = family == IcmpFamily.V4;
    int dataLength = v4 ? 12 : 20;
    memory.host.putLong(at, CMSG_HEADER + dataLength);
    memory.host.putInt(at + 8, family.ipLevel);
    memory.host.putInt(at + 12, family.packetInfo);
    int data = at + CMSG_HEADER;
    for (int i = 0; i < dataLength; i++) {
      memory.host.put(data + i, (byte) 0);
    }
    byte[] source = departure.source().map(InetAddress::getAddress).orElse(null);
    if (v4) {
      memory.host.putInt(data, departure.interfaceIndex());
      if (source != null) {
        memory.network.put(data + 4, source);
      }
    } else {
      if (source != null) {
        memory.network.put(data, source);
      }
      memory.host.putInt(data + 16, departure.interfaceIndex());
    }
    return align(CMSG_HEADER + dataLength);
  }

  private static int align(int length) {
    return (length + 7) & ~7;
  }
}
