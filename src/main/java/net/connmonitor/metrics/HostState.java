package net.connmonitor.metrics;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;

/**
 * What the series of one host at one address hold. Written by the host's event loop (or the loops of the lines that
 * share it), read by a scrape: each under this object's lock, so that a scrape never sees half a burst.
 *
 * <p>On a cluster's collector, the series of a host measured by another vantage are fed from that vantage's records
 * instead. A record holds less than the probe saw: a burst's figures but not each reply, no burst that could not be
 * sent, only the traces that changed the route, hop statistics once every so many traces. So such a host has no
 * round-trip histogram, no send errors and no time of its last trace, and its per-hop series move only with each hop
 * statistics record; its other series are those its own node serves.
 */
final class HostState {

  static final List<String> SERVICES = List.of("http", "https", "mysql");
  static final int HTTP_SERVICES = 2;

  final HostSeriesKey key;
  /** How many handles (host lines) report into it; changed within the map of hosts' lock on its key. */
  int holders;
  /** Its labels as scrapes write them, made by a scrape (scrapes run one at a time) for the label names of the day. */
  HostLabelText labelText;

  /** Whether the probes report here themselves, rather than their records (another vantage's, on a collector). */
  private final boolean probed;
  private boolean pinged;
  private long requests;
  private long replies;
  private long sendErrors;
  /** Null for a host fed from records: they carry no reply's time. */
  private final RttHistogram rtt;
  private double lastMin;
  private double lastAvg;
  private double lastMax;
  private double lastStddev;
  private double lastLoss;

  private boolean traced;
  private double hops;
  private long routeChanges;
  private double lastTrace;

  private boolean scanned;
  private final double[] up = new double[SERVICES.size()];
  private final double[] scanRtt = new double[SERVICES.size()];
  private final double[] httpStatus = new double[HTTP_SERVICES];
  private final ProbeState probes;
  private final HopState hopState;

  private HostState(HostSeriesKey key, RttHistogram rtt) {
    this.key = key;
    this.probed = rtt != null;
    this.rtt = rtt;
    this.probes = new ProbeState(key);
    this.hopState = new HopState(key);
  }

  /** A host this node's probes measure. */
  HostState(HostSeriesKey key, RttBuckets buckets) {
    this(key, new RttHistogram(buckets));
  }

  /** A host another vantage measures, fed from its records. */
  static HostState ofRecords(HostSeriesKey key) {
    return new HostState(key, (RttHistogram) null);
  }

  synchronized void burst(int sent, List<Double> rttsMs, PingStats stats) {
    pinged = true;
    requests += sent;
    replies += rttsMs.size();
    for (double rttMs : rttsMs) {
      rtt.observe(seconds(rttMs));
    }
    last(stats, !rttsMs.isEmpty());
  }

  /**
   * A burst's record: its loss tells the replies of the {@code sent} requests (the host's {@code numpings}, which the
   * record does not carry).
   */
  synchronized void recorded(int sent, PingStats stats) {
    pinged = true;
    requests += sent;
    replies += Math.round(sent * (100 - stats.loss()) / 100);
    last(stats, stats.loss() < 100);
  }

  /**
   * A trace's record: the route changed, but for the first one seen, which only makes it known. Where the route ends
   * is where the trace's last step answered, as the known route starts again from a changed trace.
   */
  synchronized void recorded(Trace trace) {
    if (traced) {
      routeChanges++;
    }
    traced = true;
    List<TraceStep> steps = trace.steps();
    hops = !steps.isEmpty() && steps.get(steps.size() - 1).answered() ? steps.size() : Double.NaN;
  }

  private void last(PingStats stats, boolean answered) {
    // A burst that lost everything has no round-trip time: the record's -1 is no time, and NaN says so.
    lastMin = answered ? seconds(stats.min()) : Double.NaN;
    lastAvg = answered ? seconds(stats.avg()) : Double.NaN;
    lastMax = answered ? seconds(stats.max()) : Double.NaN;
    lastStddev = answered ? seconds(stats.std()) : Double.NaN;
    lastLoss = stats.loss() / 100;
    probes.burst(stats);
  }

  synchronized void tcp(TcpPing ping) {
    probes.tcp(ping);
  }

  /**
   * A burst that could not be sent: the last burst's figures say so (every request lost, no time) rather than stay
   * at those of the last burst that went out.
   */
  synchronized void unsent() {
    pinged = true;
    sendErrors++;
    lastMin = Double.NaN;
    lastAvg = Double.NaN;
    lastMax = Double.NaN;
    lastStddev = Double.NaN;
    lastLoss = 1;
  }

  synchronized void trace(Trace trace, boolean changed, OptionalInt endHop, double epochSeconds) {
    traced = true;
    if (changed) {
      routeChanges++;
    }
    hops = endHop.isPresent() ? endHop.getAsInt() : Double.NaN;
    lastTrace = epochSeconds;
  }

  /** The host's hop statistics after a trace, or in another vantage's record of them. */
  synchronized void hops(List<HopStats> hops) {
    hopState.hops(hops);
  }

  synchronized void scan(Scan scan) {
    scanned = true;
    http(0, scan.http());
    http(1, scan.https());
    Optional<MysqlAnswer> mysql = scan.mysql();
    up[2] = mysql.isPresent() ? 1 : 0;
    scanRtt[2] = mysql.map(answer -> seconds(answer.rttMs())).orElse(Double.NaN);
    probes.scan(scan);
  }

  private void http(int service, Optional<HttpAnswer> answer) {
    up[service] = answer.isPresent() ? 1 : 0;
    scanRtt[service] = answer.map(found -> seconds(found.rttMs())).orElse(Double.NaN);
    // The scan only takes a status line with three digits for its code.
    httpStatus[service] = answer.map(found -> (double) Integer.parseInt(found.responseCode())).orElse(Double.NaN);
  }

  /** Writes this host's samples of {@code family}, if it has measured what the family holds. */
  synchronized void write(MetricFamily family, HostLabelText labels, SeriesWriter out) {
    switch (family) {
      case PING_RTT -> {
        if (pinged && probed) {
          out.histogram(labels, rtt);
        }
      }
      case PING_REQUESTS -> sample(pinged, out, labels, requests);
      case PING_REPLIES -> sample(pinged, out, labels, replies);
      case PING_SEND_ERRORS -> sample(pinged && probed, out, labels, sendErrors);
      case PING_LAST_MIN -> sample(pinged, out, labels, lastMin);
      case PING_LAST_AVG -> sample(pinged, out, labels, lastAvg);
      case PING_LAST_MAX -> sample(pinged, out, labels, lastMax);
      case PING_LAST_STDDEV -> sample(pinged, out, labels, lastStddev);
      case PING_LAST_LOSS -> sample(pinged, out, labels, lastLoss);
      case TRACE_HOPS -> sample(traced, out, labels, hops);
      case TRACE_ROUTE_CHANGES -> sample(traced, out, labels, routeChanges);
      case TRACE_LAST_TIMESTAMP -> sample(traced && probed, out, labels, lastTrace);
      case SCAN_UP -> services(out, labels, up);
      case SCAN_RTT -> services(out, labels, scanRtt);
      case SCAN_HTTP_STATUS -> services(out, labels, httpStatus);
      case TRACE_HOP_LOSS, TRACE_HOP_LAST, TRACE_HOP_AVG, TRACE_HOP_BEST, TRACE_HOP_WORST, TRACE_HOP_STDDEV ->
          hopState.write(family, labels, out);
      default -> probes.write(family, labels, out);
    }
  }

  private static void sample(boolean measured, SeriesWriter out, HostLabelText labels, double value) {
    if (measured) {
      out.sample(labels, value);
    }
  }

  private void services(SeriesWriter out, HostLabelText labels, double[] values) {
    if (scanned) {
      for (int service = 0; service < values.length; service++) {
        out.serviceSample(labels, service, values[service]);
      }
    }
  }

  private static double seconds(double milliseconds) {
    return milliseconds / 1000;
  }
}
