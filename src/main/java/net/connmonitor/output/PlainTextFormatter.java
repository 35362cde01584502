package net.connmonitor.output;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import net.connmonitor.log.CTime;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TlsFacts;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Target;

/** A record as plain text: the name and address, the time it was measured when wanted, then the body. */
public final class PlainTextFormatter {

  private final ZoneId zone;

  /** @param zone the time zone of the printed time */
  public PlainTextFormatter(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * @param timestamp when it was measured, or empty when the host's records carry no timestamp
   * @return the whole record, every line ending in a newline
   */
  public String format(MonitorRecord record, Optional<Instant> timestamp) {
    StringBuilder text = new StringBuilder();
    Target target = record.target();
    text.append(target.name());
    if (!target.address().equals(target.name())) {
      text.append(' ').append(target.address());
    }
    // In a cluster the same host comes from several vantages: the name line says which measured it.
    record.vantage().ifPresent(vantage -> text.append(" from ").append(vantage));
    text.append('\n');
    timestamp.ifPresent(at -> text.append(CTime.format(at, zone)).append('\n'));
    return text.append(record.measurement().accept(Body.INSTANCE)).toString();
  }

  private enum Body implements Measurement.Visitor<String> {
    INSTANCE;

    private static final String NONE = "None";

    @Override
    public String ping(PingStats ping) {
      return String.format(Locale.ROOT, "%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n",
          ping.min(), ping.avg(), ping.max(), ping.std(), ping.loss());
    }

    @Override
    public String trace(Trace trace) {
      StringBuilder lines = new StringBuilder();
      for (TraceStep step : trace.steps()) {
        lines.append(step.answered() ? step.address() + "\t" + millis(step.rttMs()) : "*").append('\n');
      }
      return lines.toString();
    }

    @Override
    public String scan(Scan scan) {
      return http(scan.http()) + '\t' + http(scan.https()) + '\t'
          + scan.mysql().map(mysql -> millis(mysql.rttMs()) + ", " + mysql.version()).orElse(NONE) + '\n';
    }

    /** A line per port: {@code PORT<TAB>min<TAB>avg<TAB>max<TAB>std<TAB>loss<TAB>refused}. */
    @Override
    public String tcp(TcpPing tcp) {
      StringBuilder lines = new StringBuilder();
      tcp.ports().forEach((port, stats) -> lines.append(String.format(Locale.ROOT,
          "%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\n",
          port, stats.min(), stats.avg(), stats.max(), stats.std(), stats.loss(), stats.refused())));
      return lines.toString();
    }

    /**
     * A line per hop, mtr's report's columns: {@code HOP<TAB>ADDRESS<TAB>loss<TAB>sent<TAB>last<TAB>avg<TAB>best<TAB>
     * worst<TAB>std}, the loss in percent; {@code *} for a hop where nothing answered, whose times are -1.
     */
    @Override
    public String hopStats(HopReport report) {
      StringBuilder lines = new StringBuilder();
      report.hops().forEach(hop -> lines.append(String.format(Locale.ROOT,
          "%d\t%s\t%.3f\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", hop.hop(), hop.answered() ? hop.address() : "*",
          hop.lossPercent(), hop.sent(), hop.lastMs(), hop.avgMs(), hop.bestMs(), hop.worstMs(), hop.stdMs())));
      return lines.toString();
    }

    private static String http(Optional<HttpAnswer> http) {
      return http.map(answer -> millis(answer.rttMs()) + ", " + answer.responseCode() + ", " + answer.server()
          + answer.tls().map(Body::tls).orElse("")).orElse(NONE);
    }

    /** {@code , TLSv1.3, expires 2027-01-31T12:00:00Z, verifies} or {@code …, does not verify: why}. */
    private static String tls(TlsFacts tls) {
      return ", " + tls.version() + ", expires " + tls.earliestExpiry()
          + tls.notVerified().map(why -> ", does not verify: " + why).orElse(", verifies");
    }

    private static String millis(double value) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
  }
}
