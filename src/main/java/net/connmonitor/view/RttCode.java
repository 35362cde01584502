package net.connmonitor.view;

/**
 * A round-trip time in 16 bits, on a logarithmic scale from 0.1 µs to 100 s: one step is 0.032 % of the time, far
 * finer than a graph or a table shows, at a quarter of a double's room. Code 0 means "no time" (every request of the
 * bucket was lost).
 */
final class RttCode {

  static final char NONE = 0;

  private static final double LOWEST_MS = 1e-4;
  private static final double HIGHEST_MS = 1e5;
  private static final int STEPS = Character.MAX_VALUE - 1;
  private static final double LOG_LOWEST = Math.log(LOWEST_MS);
  private static final double STEP = (Math.log(HIGHEST_MS) - LOG_LOWEST) / STEPS;

  private RttCode() {
  }

  /** @param ms a round-trip time in milliseconds; clamped to the scale's ends */
  static char encode(double ms) {
    double clamped = Math.min(HIGHEST_MS, Math.max(LOWEST_MS, ms));
    return (char) (1 + Math.round((Math.log(clamped) - LOG_LOWEST) / STEP));
  }

  /** @return the time in milliseconds that {@code code} stands for; NaN for {@link #NONE} */
  static double decode(char code) {
    return code == NONE ? Double.NaN : Math.exp(LOG_LOWEST + (code - 1) * STEP);
  }
}
