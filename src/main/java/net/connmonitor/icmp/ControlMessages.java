package net.connmonitor.icmp;

import java.nio.ByteBuffer;

/**
 * What the kernel says about one received datagram in its control messages: the receive or transmit timestamp, the TTL
 * or hop limit it arrived with, the socket's drop counter, and for the error queue the extended error (an ICMP error
 * about one of our datagrams, or a transmit timestamp's key). Reused for every datagram of a read; confined to the
 * socket's event loop.
 */
final class ControlMessages {

  private static final int SOL_SOCKET = 1;
  private static final int SCM_TIMESTAMPNS = 35;
  private static final int SCM_TIMESTAMPING = 37;
  private static final int SO_RXQ_OVFL = 40;
  private static final int CMSG_HEADER = 16;

  static final int ORIGIN_ICMP = 2;
  static final int ORIGIN_ICMP6 = 3;
  static final int ORIGIN_TIMESTAMPING = 4;

  /** Enough for a receive timestamp in both forms, a drop counter and an extended error with an IPv6 offender. */
  static final int SPACE = 256;

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
      if (level == SOL_SOCKET && type == SCM_TIMESTAMPNS) {
        timestamp = nanos(memory, data);
      } else if (level == SOL_SOCKET && type == SCM_TIMESTAMPING) {
        timestamping = nanos(memory, data);
      } else if (level == SOL_SOCKET && type == SO_RXQ_OVFL) {
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
      at += (messageLength + 7) & ~7;
    }
  }

  /** The receive time: SCM_TIMESTAMPNS, or the software stamp of SCM_TIMESTAMPING, or 0 when neither came. */
  long receivedAt() {
    return timestamp != 0 ? timestamp : timestamping;
  }

  private static long nanos(ByteBuffer memory, int timespec) {
    return memory.getLong(timespec) * 1_000_000_000L + memory.getLong(timespec + 8);
  }
}
