package net.connmonitor.record;

import java.util.List;
import java.util.Optional;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;

/** A trace with a silent step and a scan with a service that did not answer: the cases every format must show. */
public final class SampleMeasurements {

  public static final Trace TRACE = new Trace(List.of(
      new TraceStep("198.18.0.2", 0.412),
      TraceStep.silent(),
      new TraceStep("2001:db8:0:10::2", 3.9015)));

  public static final Scan SCAN = new Scan(
      Optional.of(new HttpAnswer(1.2345, "200", "nginx/1.22.1")),
      Optional.empty(),
      Optional.of(new MysqlAnswer(0.5, "10.11.6-MariaDB-0+deb12u1")));

  public static final Scan NOTHING_ANSWERED = new Scan(Optional.empty(), Optional.empty(), Optional.empty());

  private SampleMeasurements() {
  }
}
