package net.connmonitor.icmp;

/** What answered an echo request. */
public enum ReplyKind {
  /** The destination itself: an echo reply. */
  ECHO_REPLY,
  /** A router on the way: the request's hop limit ran out there. */
  TIME_EXCEEDED,
  /** A router or the destination: the request cannot be delivered. */
  UNREACHABLE
}
