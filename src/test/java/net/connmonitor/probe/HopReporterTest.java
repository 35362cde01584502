package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HopReporterTest {

  private static final String ROUTER = "198.18.0.2";
  private static final String TARGET = "198.18.11.2";

  private final List<List<HopStats>> observed = new ArrayList<>();
  private final List<HopReport> reports = new ArrayList<>();

  @Test
  void theObserverSeesEveryTraceAndARecordComesEveryNthOverThoseTraces() {
    HopReporter reporter = new HopReporter(3, observed::add, reports::add);
    double[] targetRtts = {4, 5, 6, 7, 8, 9, 10};
    for (double rtt : targetRtts) {
      reporter.trace(trace(rtt), false, OptionalInt.of(2));
    }
    assertEquals(targetRtts.length, observed.size());
    // The observer sees the last three traces after each one, the first ones over fewer.
    assertEquals(List.of(new HopStats(1, ROUTER, 1, 0, 1.0, 1.0, 1.0, 1.0, 0.0),
        new HopStats(2, TARGET, 1, 0, 4.0, 4.0, 4.0, 4.0, 0.0)), observed.get(0));
    assertEquals(new HopStats(2, TARGET, 3, 0, 8.0, 7.0, 6.0, 8.0, 1.0), observed.get(4).get(1));
    // A record after the third and the sixth trace, each over traces of its own.
    assertEquals(List.of(new HopReport(observed.get(2)), new HopReport(observed.get(5))), reports);
    assertEquals(new HopStats(2, TARGET, 3, 0, 6.0, 5.0, 4.0, 6.0, 1.0), reports.get(0).hops().get(1));
    assertEquals(new HopStats(2, TARGET, 3, 0, 9.0, 8.0, 7.0, 9.0, 1.0), reports.get(1).hops().get(1));
  }

  @Test
  void aLostAnswerIsCountedAtItsHop() {
    HopReporter reporter = new HopReporter(2, observed::add, reports::add);
    reporter.trace(trace(4), false, OptionalInt.of(2));
    reporter.trace(new Trace(List.of(new TraceStep(ROUTER, 1), TraceStep.silent())), false, OptionalInt.of(2));
    assertEquals(List.of(new HopReport(List.of(new HopStats(1, ROUTER, 2, 0, 1.0, 1.0, 1.0, 1.0, 0.0),
        new HopStats(2, TARGET, 2, 1, 4.0, 4.0, 4.0, 4.0, 0.0)))), reports);
    assertEquals(50.0, reports.get(0).hops().get(1).lossPercent());
  }

  @Test
  void tracesWhereNothingAnsweredMakeNoRecord() {
    HopReporter reporter = new HopReporter(2, observed::add, reports::add);
    Trace silent = new Trace(List.of(TraceStep.silent(), TraceStep.silent()));
    reporter.trace(silent, false, OptionalInt.empty());
    reporter.trace(silent, false, OptionalInt.empty());
    assertEquals(List.of(List.of(), List.of()), observed);
    assertEquals(List.of(), reports);
    reporter.trace(trace(4), false, OptionalInt.of(2));
    reporter.trace(silent, false, OptionalInt.of(2));
    assertEquals(1, reports.size());
  }

  private static Trace trace(double targetRttMs) {
    return new Trace(List.of(new TraceStep(ROUTER, 1), new TraceStep(TARGET, targetRttMs)));
  }
}
