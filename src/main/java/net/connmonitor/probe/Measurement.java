package net.connmonitor.probe;

/** What one run of a probe measured: the body of one record. */
public sealed interface Measurement permits PingStats, Trace, Scan, TcpPing, HopReport {

  /**
   * The record's kind on the event bus and its key in JSON output: {@code ping}, {@code trace}, {@code scan},
   * {@code tcp} or {@code hopstats}.
   */
  String kind();

  /** Every formatter handles every kind: a new kind does not compile until each one does. */
  <R> R accept(Visitor<R> visitor);

  interface Visitor<R> {
    R ping(PingStats ping);

    R trace(Trace trace);

    R scan(Scan scan);

    R tcp(TcpPing tcp);

    R hopStats(HopReport report);
  }
}
