package net.connmonitor.record;

/** The event-bus contract for records (documented in the README). */
public final class Records {

  /** Every record is published here as a {@link MonitorRecord}, carried by {@link RecordCodec}. */
  public static final String ADDRESS = "connmonitor.records";

  /** Message header: {@code true} when the host's records are printed as JSON. */
  public static final String HEADER_JSON = "json";

  /** Message header: {@code true} when the host's printed records carry a timestamp. */
  public static final String HEADER_TIMESTAMP = "timestamp";

  /**
   * Message header: {@code false} on a record that is not printed (the host's {@code pingrecords=} spares the log);
   * absent on the others.
   */
  public static final String HEADER_PRINTED = "printed";

  private Records() {
  }
}
