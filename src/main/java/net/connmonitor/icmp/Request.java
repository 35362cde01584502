package net.connmonitor.icmp;

/**
 * One echo request of an exchange, from its sequence number to its answer, with the times the matcher pairs. Confined
 * to the matcher's thread.
 */
final class Request {

  static final long NO_KEY = -1;

  final Exchange exchange;
  /** Its place in the exchange: a trace's request {@code i} leaves with hop limit {@code i + 1}. */
  final int index;
  int sequence = -1;
  boolean sent;
  /** Nanoseconds since the epoch (CLOCK_REALTIME), taken just before the call that sent it. */
  long sentAtBefore;
  /** {@link System#nanoTime()} taken just before the call that sent it. */
  long sentAtMonotonic;
  /** The kernel's transmit timestamp (CLOCK_REALTIME), or 0 while none has been seen. */
  long sentAtKernel;
  /** The socket's timestamp key of the datagram (SOF_TIMESTAMPING_OPT_ID), or {@link #NO_KEY}. */
  long timestampKey = NO_KEY;
  /** The answer that counts so far, or null. */
  IcmpMessage answer;

  Request(Exchange exchange, int index) {
    this.exchange = exchange;
    this.index = index;
  }

  /** The TTL or hop limit it leaves with, or 0 for the socket's own. */
  int hopLimit() {
    return exchange.trace ? index + 1 : 0;
  }
}
