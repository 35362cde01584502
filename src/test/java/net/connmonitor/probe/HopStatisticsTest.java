package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HopStatisticsTest {

  private static final String R1 = "198.18.0.2";
  private static final String R2 = "198.18.1.2";
  private static final String R2_NEW = "198.18.20.2";
  private static final String TARGET = "198.18.11.2";

  @Test
  void mtrsColumnsPerHop() {
    HopStatistics statistics = new HopStatistics(10);
    statistics.add(trace(R1, 1.0, R2, 2.0, TARGET, 4.0));
    statistics.add(trace(R1, 3.0, R2, 2.0, null, 0));
    statistics.add(trace(R1, 2.0, R2, 2.0, TARGET, 6.0));
    assertEquals(List.of(
        new HopStats(1, R1, 3, 0, 2.0, 2.0, 1.0, 3.0, 1.0),
        new HopStats(2, R2, 3, 0, 2.0, 2.0, 2.0, 2.0, 0.0),
        new HopStats(3, TARGET, 3, 1, 6.0, 5.0, 4.0, 6.0, Math.sqrt(2))),
        statistics.hops(OptionalInt.of(3)));
  }

  @Test
  void onlyTheLastTracesCountAndAHopIsNamedByItsLastAddress() {
    HopStatistics statistics = new HopStatistics(2);
    statistics.add(trace(R1, 9.0, null, 0, TARGET, 9.0));
    statistics.add(trace(R1, 1.0, R2, 1.0, TARGET, 1.0));
    statistics.add(trace(R1, 1.0, R2_NEW, 3.0, TARGET, 1.0));
    assertEquals(List.of(
        new HopStats(1, R1, 2, 0, 1.0, 1.0, 1.0, 1.0, 0.0),
        new HopStats(2, R2_NEW, 2, 0, 3.0, 2.0, 1.0, 3.0, Math.sqrt(2)),
        new HopStats(3, TARGET, 2, 0, 1.0, 1.0, 1.0, 1.0, 0.0)),
        statistics.hops(OptionalInt.of(3)));
  }

  @Test
  void aHopWhereNothingAnsweredIsAllLossWithoutTimes() {
    HopStatistics statistics = new HopStatistics(10);
    statistics.add(trace(R1, 1.0, null, 0, TARGET, 2.0));
    assertEquals(new HopStats(2, null, 1, 1, -1, -1, -1, -1, -1), statistics.hops(OptionalInt.of(3)).get(1));
  }

  @Test
  void theSilentStepsPastTheEndAreNoHopsAndATraceThatEndedNearerDoesNotCountFarther() {
    HopStatistics statistics = new HopStatistics(10);
    statistics.add(trace(R1, 1.0, R2, 1.0, null, 0, null, 0, null, 0));
    statistics.add(trace(R1, 1.0, TARGET, 1.0));
    assertEquals(List.of(2, 2, 1), statistics.hops(OptionalInt.of(3)).stream().map(HopStats::sent).toList());
    // No end known yet: up to the farthest hop that answered.
    assertEquals(2, statistics.hops(OptionalInt.empty()).size());
  }

  /** Pairs of address (null: silent) and round-trip time, nearest hop first. */
  private static Trace trace(Object... steps) {
    List<TraceStep> trace = new ArrayList<>();
    for (int index = 0; index < steps.length; index += 2) {
      trace.add(steps[index] == null ? TraceStep.silent()
          : new TraceStep((String) steps[index], ((Number) steps[index + 1]).doubleValue()));
    }
    return new Trace(trace);
  }
}
