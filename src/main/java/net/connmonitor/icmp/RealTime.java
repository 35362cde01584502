package net.connmonitor.icmp;

import java.time.Instant;

/** CLOCK_REALTIME in nanoseconds since the epoch: the clock the kernel stamps packets with. */
final class RealTime {

  private RealTime() {
  }

  static long nanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
