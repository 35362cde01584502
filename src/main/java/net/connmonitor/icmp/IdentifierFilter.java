package net.connmonitor.icmp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic BPF program for a raw ICMP socket that admits an echo reply carrying our identifier, or a time-exceeded
 * or unreachable quoting a request that carries it, and nothing else. Every raw socket gets a copy of every ICMP
 * packet of the machine: without it another pinger (fping, SmokePing) would fill our receive queue with its answers.
 */
final class IdentifierFilter {

  private static final int LD_B_ABS = 0x30;
  private static final int LD_H_ABS = 0x28;
  private static final int LD_B_IND = 0x50;
  private static final int LD_H_IND = 0x48;
  private static final int LDX_B_MSH = 0xb1;
  private static final int AND_K = 0x54;
  private static final int LSH_K = 0x64;
  private static final int ADD_K = 0x04;
  private static final int ADD_X = 0x0c;
  private static final int TAX = 0x07;
  private static final int JA = 0x05;
  private static final int JEQ_K = 0x15;
  private static final int RET_K = 0x06;
  private static final int ACCEPT = -1;
  private static final int DROP = 0;

  private IdentifierFilter() {
  }

  /** The program, one {@code struct sock_filter} per element in the machine's byte order. */
  static long[] program(IcmpFamily family, int identifier) {
    return family == IcmpFamily.V4 ? ipv4(identifier) : ipv6(identifier);
  }

  /** A raw IPv4 socket's filter sees the packet from its IP header, whose length varies. */
  private static long[] ipv4(int identifier) {
    IcmpFamily v4 = IcmpFamily.V4;
    return new long[] {
        /* 0 */ op(LDX_B_MSH, 0, 0, 0),              // X = outer IP header length
        /* 1 */ op(LD_B_IND, 0, 0, 0),               // A = ICMP type
        /* 2 */ op(JEQ_K, 8, 0, v4.echoReply),        // -> 11
        /* 3 */ op(JEQ_K, 1, 0, v4.timeExceeded),     // -> 5
        /* 4 */ op(JEQ_K, 0, 9, v4.unreachable),      // -> 5, else 14
        /* 5 */ op(LD_B_IND, 0, 0, 8),               // quoted IP header's first byte
        /* 6 */ op(AND_K, 0, 0, 0x0f),
        /* 7 */ op(LSH_K, 0, 0, 2),                  // quoted IP header length
        /* 8 */ op(ADD_X, 0, 0, 0),
        /* 9 */ op(ADD_K, 0, 0, 8),                  // X = the quoted ICMP header
        /* 10 */ op(TAX, 0, 0, 0),
        /* 11 */ op(LD_H_IND, 0, 0, 4),              // identifier
        /* 12 */ op(JEQ_K, 0, 1, identifier),
        /* 13 */ op(RET_K, 0, 0, ACCEPT),
        /* 14 */ op(RET_K, 0, 0, DROP)};
  }

  /** A raw ICMPv6 socket's filter sees the packet from its ICMPv6 header; an error quotes a 40-byte IPv6 header. */
  private static long[] ipv6(int identifier) {
    IcmpFamily v6 = IcmpFamily.V6;
    return new long[] {
        /* 0 */ op(LD_B_ABS, 0, 0, 0),               // type
        /* 1 */ op(JEQ_K, 4, 0, v6.echoReply),        // -> 6
        /* 2 */ op(JEQ_K, 1, 0, v6.timeExceeded),     // -> 4
        /* 3 */ op(JEQ_K, 0, 5, v6.unreachable),      // -> 4, else 9
        /* 4 */ op(LD_H_ABS, 0, 0, 8 + 40 + 4),      // quoted identifier
        /* 5 */ op(JA, 0, 0, 1),                     // -> 7
        /* 6 */ op(LD_H_ABS, 0, 0, 4),               // identifier
        /* 7 */ op(JEQ_K, 0, 1, identifier),
        /* 8 */ op(RET_K, 0, 0, ACCEPT),
        /* 9 */ op(RET_K, 0, 0, DROP)};
  }

  /** {@code struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }} as one little- or big-endian long. */
  private static long op(int code, int jumpIfTrue, int jumpIfFalse, int k) {
    ByteBuffer instruction = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
    instruction.putShort((short) code).put((byte) jumpIfTrue).put((byte) jumpIfFalse).putInt(k);
    return instruction.getLong(0);
  }
}
