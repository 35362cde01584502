package net.connmonitor.icmp;

/** How the ICMP socket of a family was opened. */
public enum SocketKind {
  /** {@code SOCK_RAW}: needs CAP_NET_RAW; sees every ICMP packet of the machine, so replies are filtered by identifier. */
  RAW,
  /**
   * {@code SOCK_DGRAM} "ping socket": allowed without privileges when {@code net.ipv4.ping_group_range} covers the
   * process's group; the kernel chooses the identifier and delivers only this socket's echo replies.
   */
  PING
}
