package net.connmonitor.os;

/**
 * The numbers of Linux's system-call interface that the monitor passes to {@link LibC} or reads back from the kernel,
 * all in one place (as Netty keeps its own in its {@code Native} classes): socket types and options, control
 * message types, flags and error numbers. They are the same on every architecture the monitor ships for (x86-64,
 * aarch64, riscv64), which all use the generic numbering.
 */
public final class Linux {

  // Address families and protocols.
  public static final int AF_INET = 2;
  public static final int AF_INET6 = 10;
  public static final int IPPROTO_IP = 0;
  public static final int IPPROTO_ICMP = 1;
  public static final int IPPROTO_IPV6 = 41;
  public static final int IPPROTO_ICMPV6 = 58;

  // Socket types, and flags of socket()'s type argument.
  public static final int SOCK_DGRAM = 2;
  public static final int SOCK_RAW = 3;
  public static final int SOCK_NONBLOCK = 04000;
  public static final int SOCK_CLOEXEC = 02000000;

  // Options of level SOL_SOCKET; SO_TIMESTAMPNS, SO_TIMESTAMPING and SO_RXQ_OVFL also name the control messages
  // they attach to each datagram received (SCM_TIMESTAMPNS and SCM_TIMESTAMPING are the same numbers).
  public static final int SOL_SOCKET = 1;
  public static final int SO_SNDBUF = 7;
  public static final int SO_RCVBUF = 8;
  public static final int SO_ATTACH_FILTER = 26;
  public static final int SO_SNDBUFFORCE = 32;
  public static final int SO_RCVBUFFORCE = 33;
  public static final int SO_TIMESTAMPNS = 35;
  public static final int SO_TIMESTAMPING = 37;
  public static final int SO_RXQ_OVFL = 40;

  // Flags of SO_TIMESTAMPING (SOF_TIMESTAMPING_*).
  public static final int SOF_TIMESTAMPING_TX_SOFTWARE = 0x2;
  public static final int SOF_TIMESTAMPING_SOFTWARE = 0x10;
  public static final int SOF_TIMESTAMPING_OPT_ID = 0x80;
  public static final int SOF_TIMESTAMPING_OPT_TSONLY = 0x800;

  // Origins of an extended error on the error queue (SO_EE_ORIGIN_*).
  public static final int SO_EE_ORIGIN_ICMP = 2;
  public static final int SO_EE_ORIGIN_ICMP6 = 3;
  public static final int SO_EE_ORIGIN_TIMESTAMPING = 4;

  // Options and control messages of level IPPROTO_IP.
  public static final int IP_TOS = 1;
  public static final int IP_TTL = 2;
  public static final int IP_PKTINFO = 8;
  public static final int IP_RECVERR = 11;
  public static final int IP_RECVTTL = 12;

  // Options and control messages of level IPPROTO_IPV6.
  public static final int IPV6_RECVERR = 25;
  public static final int IPV6_PKTINFO = 50;
  public static final int IPV6_RECVHOPLIMIT = 51;
  public static final int IPV6_HOPLIMIT = 52;
  public static final int IPV6_TCLASS = 67;

  // Raw ICMP sockets: the option level SOL_RAW and the type filters (ICMP_FILTER; ICMP6_FILTER at IPPROTO_ICMPV6).
  public static final int SOL_RAW = 255;
  public static final int ICMP_FILTER = 1;
  public static final int ICMP6_FILTER = 1;

  // Flags of sendmsg and recvmsg.
  public static final int MSG_DONTWAIT = 0x40;
  public static final int MSG_ERRQUEUE = 0x2000;

  // Error numbers (errno).
  public static final int EPERM = 1;
  public static final int EINTR = 4;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int ENFILE = 23;
  public static final int EMFILE = 24;
  public static final int EPIPE = 32;
  public static final int EADDRNOTAVAIL = 99;
  public static final int ENETUNREACH = 101;
  public static final int ENOBUFS = 105;
  public static final int ECONNREFUSED = 111;
  public static final int EHOSTUNREACH = 113;

  // Signals, and the disposition that restores a signal's default.
  public static final int SIGHUP = 1;
  public static final long SIG_DFL = 0;

  private Linux() {
  }
}
