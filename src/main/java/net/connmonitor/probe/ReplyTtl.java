package net.connmonitor.probe;

import java.util.OptionalInt;

/**
 * The TTL (IPv4) or hop limit (IPv6) the echo replies of a burst arrived with: the sender's initial value (64 on
 * Linux, 128 on Windows, 255 on many routers) less the routers on the way back. A change means the path back
 * changed, or the host did.
 *
 * @param ttl          the last reply's, as the kernel read it from the packet
 * @param changedFrom  the previous burst's, when it was another; empty when the same, or for the first burst
 */
public record ReplyTtl(int ttl, OptionalInt changedFrom) {

  /** The TTL of a burst, after a burst whose replies came with {@code previous} (empty: no earlier reply). */
  static ReplyTtl after(OptionalInt previous, int ttl) {
    return new ReplyTtl(ttl, previous.isPresent() && previous.getAsInt() != ttl ? previous : OptionalInt.empty());
  }
}
