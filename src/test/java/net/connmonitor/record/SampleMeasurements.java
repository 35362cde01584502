package net.connmonitor.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPortStats;
import net.connmonitor.probe.TlsFacts;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;

/**
 * A trace with a silent step, a scan with a service that did not answer, hop statistics with a hop where nothing
 * answered: the cases every format must show.
 */
public final class SampleMeasurements {

  public static final Trace TRACE = new Trace(List.of(
      new TraceStep("198.18.0.2", 0.412),
      TraceStep.silent(),
      new TraceStep("2001:db8:0:10::2", 3.9015)));

  public static final Scan SCAN = new Scan(
      Optional.of(new HttpAnswer(1.2345, "200", "nginx/1.22.1")),
      Optional.empty(),
      Optional.of(new MysqlAnswer(0.5, "10.11.6-MariaDB-0+deb12u1")));

  /** An https answer over TLS whose chain does not verify. */
  public static final Scan TLS = new Scan(
      Optional.empty(),
      Optional.of(new HttpAnswer(3.5, "200", "nginx/1.22.1", Optional.of(new TlsFacts("TLSv1.2",
          Instant.ofEpochSecond(1796000000), Optional.of("self-signed certificate (CN=cmt-web) that the system "
          + "does not trust"))))),
      Optional.empty());

  /** A port that answers, one that refuses, one that is silent. */
  public static final TcpPing TCP = new TcpPing(new TreeMap<>(Map.of(
      80, TcpPortStats.of(4, List.of(0.25, 0.5, 0.125), 0),
      443, TcpPortStats.of(4, List.of(), 4),
      3306, TcpPortStats.of(4, List.of(), 0))));

  /** Ten traces to the lossy host: a router, one that never answers, the host that lost three. */
  public static final HopReport HOPS = new HopReport(List.of(
      new HopStats(1, "198.18.0.2", 10, 0, 0.025, 0.0155, 0.006, 0.033, 0.0091),
      new HopStats(2, null, 10, 10, -1, -1, -1, -1, -1),
      new HopStats(3, "198.18.11.2", 10, 3, 0.016, 0.0125, 0.008, 0.022, 0.004)));

  public static final Scan NOTHING_ANSWERED = new Scan(Optional.empty(), Optional.empty(), Optional.empty());

  private SampleMeasurements() {
  }
}
