package net.connmonitor.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which ping records are printed ({@code pingrecords=} on a host line, {@code --ping-records} for the whole process).
 * Every burst still reaches the metrics and the event bus: this only spares the log, where a host pinged at the
 * defaults writes some 170,000 records a day.
 */
public enum PingRecords {
  /** Every burst's record, as always. */
  ALL,
  /** A burst's record when its loss or its mean round-trip time differs from those of the last one printed. */
  CHANGES,
  /** None: the metrics alone tell. */
  NONE;

  /** What the option takes, as the end of the sentence "expected ...". */
  public static final String ACCEPTED = "all, changes or none (which ping records are printed: every one, "
      + "those whose loss or mean round-trip time changed, or none)";

  /** As written in the configuration and on the command line. */
  public String written() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @param value in lower case */
  public static Optional<PingRecords> written(String value) {
    return Arrays.stream(values()).filter(mode -> mode.written().equals(value)).findFirst();
  }
}
