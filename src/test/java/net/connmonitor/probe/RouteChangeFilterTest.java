package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteChangeFilterTest {

  private final List<Trace> printed = new ArrayList<>();
  private final RouteChangeFilter filter = new RouteChangeFilter(printed::add);

  @Test
  void printsTheFirstTraceThenOnlyChangesOfRoute() {
    Trace first = trace(new TraceStep("a", 1), new TraceStep("b", 2));
    Trace slowerWithAGap = trace(new TraceStep("a", 7), TraceStep.silent(), new TraceStep("b", 9));
    Trace detour = trace(new TraceStep("a", 1), new TraceStep("c", 2));
    filter.accept(first);
    filter.accept(slowerWithAGap);
    filter.accept(first);
    filter.accept(detour);
    filter.accept(detour);
    filter.accept(first);
    assertEquals(List.of(first, detour, first), printed);
  }

  @Test
  void aTraceWhereNothingAnsweredIsPrintedFirstToo() {
    Trace silent = trace(TraceStep.silent(), TraceStep.silent());
    filter.accept(silent);
    filter.accept(trace(TraceStep.silent()));
    assertEquals(List.of(silent), printed);
  }

  private static Trace trace(TraceStep... steps) {
    return new Trace(List.of(steps));
  }
}
