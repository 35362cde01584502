package net.connmonitor.monitor;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * When a host's loop first runs, so that thousands of hosts never send in step: each loop starts at a phase of its
 * own, derived from the host and the loop's kind, so that the same line starts at the same phase in every run. The
 * phases spread over a window of a millisecond per configured host, up to the loop's interval: a large
 * configuration spreads its starts over the whole interval, a small one starts almost at once.
 */
final class StartPhase {

  /** The spread of the starts per configured host. */
  static final double WINDOW_PER_HOST_MS = 1;

  private StartPhase() {
  }

  /**
   * @param kind       the loop: ping, tcp, trace or scan
   * @param intervalMs the loop's pause between runs
   * @param hosts      how many hosts the configuration has
   * @return the delay before the loop's first run, in whole milliseconds
   */
  static long delayMs(String host, String kind, double intervalMs, int hosts) {
    double window = Math.min(intervalMs, hosts * WINDOW_PER_HOST_MS);
    return (long) Math.floor(fraction(host + " " + kind) * window);
  }

  /** A fraction in [0, 1) that depends on nothing but {@code text}. */
  static double fraction(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    // CRC32C alone maps similar names (10.0.0.1, 10.0.0.2) to related values; a multiplicative mix spreads them.
    long mixed = crc.getValue() * 0x9E3779B97F4A7C15L;
    return (mixed >>> 11) * 0x1.0p-53;
  }
}
