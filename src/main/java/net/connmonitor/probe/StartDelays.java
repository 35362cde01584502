package net.connmonitor.probe;

/**
 * How late the probe runs of the process started, since it started: a histogram with fixed bounds, counted as each
 * run starts (its due time against the clock when it starts, on its event loop: inside the process, whatever the
 * output does).
 *
 * @param upperBoundsSeconds the bounds, ascending, the last {@link Double#POSITIVE_INFINITY}
 * @param counts             the runs that started within each bound and not within the one before
 * @param sumSeconds         the delays added up
 */
public record StartDelays(double[] upperBoundsSeconds, long[] counts, double sumSeconds) {
}
