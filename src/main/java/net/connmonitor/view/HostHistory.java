package net.connmonitor.view;

import java.util.List;
import java.util.Optional;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.Trace;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Target;

/**
 * What the page keeps of one host: its pings ({@link PingHistory}), routes and scans, each made at the host's first
 * record of that kind. The record consumer adds to it while requests read it, so every method locks it.
 */
final class HostHistory {

  /** The overview's window for a host's current figures. */
  static final long RECENT_MS = 5 * 60_000;

  /**
   * One overview row's figures, read at once.
   *
   * @param lastChangeMs when the route last changed, 0 when it never did
   * @param lastScan     the last scan, or null before the first
   * @param updatedMs    when the host's last record was measured
   */
  record Summary(HostHistory host, Recent recent, long routeChanges, long lastChangeMs, ScanHistory.Scanned lastScan,
      long updatedMs) {
  }

  /**
   * A host page's content, read at once.
   *
   * @param fine   the last 3 hours in 20-second buckets
   * @param coarse the last 24 hours in 5-minute buckets
   */
  record Detail(Summary summary, Series fine, Series coarse, List<RouteHistory.Route> routes,
      List<ScanHistory.Scanned> scans) {
  }

  private final int id;
  private final MeasuredHost measured;
  private PingHistory pings;
  private RouteHistory routes;
  private ScanHistory scans;
  private long updatedMs;
  private long version;

  HostHistory(int id, MeasuredHost measured) {
    this.id = id;
    this.measured = measured;
  }

  /** The page's number of the host, fixed while the process runs. */
  int id() {
    return id;
  }

  Target target() {
    return measured.target();
  }

  /** In a cluster, the node that measured this row's records. */
  Optional<String> vantage() {
    return measured.vantage();
  }

  synchronized void add(MonitorRecord record) {
    long atMs = record.measuredAt().toEpochMilli();
    updatedMs = Math.max(updatedMs, atMs);
    version++;
    record.measurement().accept(new Measurement.Visitor<Void>() {
      @Override
      public Void ping(PingStats ping) {
        if (pings == null) {
          pings = new PingHistory();
        }
        pings.add(atMs, ping);
        return null;
      }

      @Override
      public Void trace(Trace trace) {
        if (routes == null) {
          routes = new RouteHistory();
        }
        routes.add(atMs, trace);
        return null;
      }

      @Override
      public Void scan(Scan scan) {
        if (scans == null) {
          scans = new ScanHistory();
        }
        scans.add(atMs, scan);
        return null;
      }

      /** The graphs are of the ICMP round trips; a host's TCP pings are in its records and metrics. */
      @Override
      public Void tcp(TcpPing ping) {
        return null;
      }

      /** The page shows the route as it changed; each hop's statistics are in the host's records and metrics. */
      @Override
      public Void hopStats(HopReport report) {
        return null;
      }
    });
  }

  /** Counts the records added: a reader that saw this number has seen everything up to it. */
  synchronized long version() {
    return version;
  }

  synchronized long updatedMs() {
    return updatedMs;
  }

  synchronized Summary summary(long nowMs) {
    Recent recent = pings == null ? Recent.NONE
        : Recent.of(pings.fine(nowMs, (int) (RECENT_MS / PingHistory.FINE_STEP_MS) + 1));
    return new Summary(this, recent, routes == null ? 0 : routes.changes(),
        routes == null ? 0 : routes.lastChangeMs(), scans == null ? null : scans.last(), updatedMs);
  }

  /** The last {@code points} 20-second buckets, for a small graph; null when the host has no ping. */
  synchronized Series recentSeries(long nowMs, int points) {
    return pings == null ? null : pings.fine(nowMs, points);
  }

  synchronized Detail detail(long nowMs) {
    return new Detail(summary(nowMs),
        pings == null ? null : pings.fine(nowMs, PingHistory.FINE_BUCKETS),
        pings == null ? null : pings.coarse(nowMs, PingHistory.COARSE_BUCKETS),
        routes == null ? List.of() : routes.routes(),
        scans == null ? List.of() : scans.scans());
  }
}
