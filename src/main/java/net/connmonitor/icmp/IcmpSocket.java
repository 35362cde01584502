package net.connmonitor.icmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;

/**
 * The descriptor of one ICMP socket and its options. An unprivileged ping socket when the process's group may open
 * one (the kernel then delivers only this socket's answers, routers' errors included, on its error queue), else a raw
 * socket, which needs CAP_NET_RAW and sees every ICMP packet of the machine: kernel filters (ICMP types, then a BPF
 * program on the identifier) keep everything that is not ours from even being queued.
 */
final class IcmpSocket {

  /** Software transmit stamps, reported; each carries a key (OPT_ID) and no copy of the packet (OPT_TSONLY). */
  private static final int TIMESTAMPING = Linux.SOF_TIMESTAMPING_TX_SOFTWARE | Linux.SOF_TIMESTAMPING_SOFTWARE
      | Linux.SOF_TIMESTAMPING_OPT_ID | Linux.SOF_TIMESTAMPING_OPT_TSONLY;
  private static final int TIMESTAMPING_WITHOUT_KEYS = TIMESTAMPING & ~Linux.SOF_TIMESTAMPING_OPT_ID;
  private static final int SEND_BUFFER = 4 << 20;

  private static final Path PING_GROUP_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");

  final int fd;
  final IcmpFamily family;
  final SocketKind kind;
  /** Whether the kernel reports a transmit timestamp with a key for every datagram sent. */
  final boolean transmitTimestamps;
  private final NativeBuffer scratch = new NativeBuffer(256);

  private IcmpSocket(int fd, IcmpFamily family, SocketKind kind) {
    this.fd = fd;
    this.family = family;
    this.kind = kind;
    setInt(Linux.SOL_SOCKET, Linux.SO_TIMESTAMPNS, 1);
    setInt(Linux.SOL_SOCKET, Linux.SO_RXQ_OVFL, 1);
    setInt(family.ipLevel, family.receiveHopLimit, 1);
    this.transmitTimestamps = setInt(Linux.SOL_SOCKET, Linux.SO_TIMESTAMPING, TIMESTAMPING);
    if (!setInt(Linux.SOL_SOCKET, Linux.SO_SNDBUFFORCE, SEND_BUFFER / 2)) {
      setInt(Linux.SOL_SOCKET, Linux.SO_SNDBUF, SEND_BUFFER / 2);
    }
  }

  /**
   * Opens a socket of {@code family}: a ping socket when allowed, else a raw one admitting only answers that carry
   * {@code rawIdentifier}.
   */
  static IcmpSocket open(IcmpFamily family, int rawIdentifier) throws IcmpUnavailableException {
    int flags = Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC;
    int ping = LibC.socket(family.addressFamily, Linux.SOCK_DGRAM | flags, family.protocol);
    if (ping >= 0) {
      IcmpSocket socket = new IcmpSocket(ping, family, SocketKind.PING);
      socket.setInt(family.ipLevel, family.receiveErrors, 1);
      return socket;
    }
    int pingError = LibC.errno();
    int raw = LibC.socket(family.addressFamily, Linux.SOCK_RAW | flags, family.protocol);
    if (raw < 0) {
      int rawError = LibC.errno();
      if (!isPermissionError(rawError)) {
        throw new IcmpUnavailableException("cannot open a raw " + family + " ICMP socket: " + LibC.describe(rawError));
      }
      throw new IcmpUnavailableException("cannot open an " + family + " ICMP socket: a raw socket needs CAP_NET_RAW ("
          + LibC.describe(rawError) + ") and an unprivileged ping socket needs the process's group inside "
          + "net.ipv4.ping_group_range, now \"" + pingGroupRange() + "\" (" + LibC.describe(pingError) + ")");
    }
    IcmpSocket socket = new IcmpSocket(raw, family, SocketKind.RAW);
    socket.admitOnly(rawIdentifier);
    return socket;
  }

  /** Kernel-side filters: only the ICMP types that answer an echo request, then only our identifier. */
  private void admitOnly(int identifier) {
    List<Integer> wanted = List.of(family.echoReply, family.timeExceeded, family.unreachable);
    if (family == IcmpFamily.V4) {
      int blocked = ~0;
      for (int type : wanted) {
        blocked &= ~(1 << type);
      }
      setInt(Linux.SOL_RAW, Linux.ICMP_FILTER, blocked);
    } else {
      // struct icmp6_filter: 256 bits, a set bit blocks its type.
      for (int word = 0; word < 8; word++) {
        scratch.host.putInt(word * 4, ~0);
      }
      for (int type : wanted) {
        int word = (type >> 5) * 4;
        scratch.host.putInt(word, scratch.host.getInt(word) & ~(1 << (type & 31)));
      }
      LibC.setsockopt(fd, family.protocol, Linux.ICMP6_FILTER, scratch.address, 32);
    }
    long[] program = IdentifierFilter.program(family, identifier);
    int code = 64;
    for (int i = 0; i < program.length; i++) {
      scratch.host.putLong(code + i * 8, program[i]);
    }
    // struct sock_fprog: unsigned short len; struct sock_filter *filter
    scratch.host.putShort(0, (short) program.length);
    scratch.host.putLong(8, scratch.address + code);
    LibC.setsockopt(fd, Linux.SOL_SOCKET, Linux.SO_ATTACH_FILTER, scratch.address, 16);
  }

  /**
   * Asks for a receive buffer of {@code bytes}: beyond net.core.rmem_max when the process may (CAP_NET_ADMIN).
   *
   * @return the size the kernel granted
   */
  int receiveBuffer(int bytes) {
    // The kernel doubles the value it is given, for its own bookkeeping, and reports the doubled size.
    if (!setInt(Linux.SOL_SOCKET, Linux.SO_RCVBUFFORCE, bytes / 2)) {
      setInt(Linux.SOL_SOCKET, Linux.SO_RCVBUF, bytes / 2);
    }
    scratch.host.putInt(0, 0);
    scratch.host.putInt(4, 4);
    LibC.getsockopt(fd, Linux.SOL_SOCKET, Linux.SO_RCVBUF, scratch.address, scratch.address + 4);
    return scratch.host.getInt(0);
  }

  /**
   * Restarts the keys of transmit timestamps at 0. After a failed send the kernel may or may not have used a key;
   * turning keys off and on again is the one way to know the next one.
   */
  void restartTimestampKeys() {
    setInt(Linux.SOL_SOCKET, Linux.SO_TIMESTAMPING, TIMESTAMPING_WITHOUT_KEYS);
    setInt(Linux.SOL_SOCKET, Linux.SO_TIMESTAMPING, TIMESTAMPING);
  }

  void close() {
    LibC.close(fd);
  }

  private boolean setInt(int level, int name, int value) {
    scratch.host.putInt(0, value);
    return LibC.setsockopt(fd, level, name, scratch.address, 4) == 0;
  }

  private static boolean isPermissionError(int errno) {
    return errno == Linux.EPERM || errno == Linux.EACCES;
  }

  private static String pingGroupRange() {
    // Files.readString returns only "1" of this file's "1\t0"; a line reader gets all of it.
    try (BufferedReader reader = Files.newBufferedReader(PING_GROUP_RANGE)) {
      return String.valueOf(reader.readLine()).trim().replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
