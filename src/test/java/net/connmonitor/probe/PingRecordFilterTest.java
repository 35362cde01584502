package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.connmonitor.config.PingRecords;
import org.junit.jupiter.api.Test;

class PingRecordFilterTest {

  private static final List<PingStats> BURSTS = List.of(
      stats(20.0, 0),
      stats(21.9, 0),    // within a tenth of 20: not printed
      stats(22.1, 0),    // more than a tenth above 20: printed
      stats(20.0, 0),    // within a tenth of 22.1
      stats(20.0, 10),   // loss changed
      PingStats.ALL_LOST,
      PingStats.ALL_LOST,
      stats(20.0, 10));

  @Test
  void changesPrintsTheFirstAndThoseWhoseLossOrMeanMovedFromTheLastPrinted() {
    assertEquals(List.of(true, false, true, false, true, true, false, true), printed(PingRecords.CHANGES));
  }

  @Test
  void allPrintsEveryOneAndNoneNone() {
    assertEquals(List.of(true, true, true, true, true, true, true, true), printed(PingRecords.ALL));
    assertEquals(List.of(false, false, false, false, false, false, false, false), printed(PingRecords.NONE));
  }

  private static List<Boolean> printed(PingRecords mode) {
    PingRecordFilter filter = new PingRecordFilter(mode);
    return BURSTS.stream().map(filter::printed).toList();
  }

  private static PingStats stats(double avg, double loss) {
    return new PingStats(avg - 1, avg, avg + 1, 0.5, loss);
  }
}
