package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Traces written as their steps: an address, or {@code *} for a silent step; times are made up, since they never
 * count. The destination is {@code D}; a trace ends where its last step answered.
 */
class RouteChangeFilterTest {

  /** What the observer is told of each trace: whether it changed the route, and where the known route ends. */
  private record Seen(Trace trace, boolean changed, OptionalInt hops) {
  }

  private final List<Trace> printed = new ArrayList<>();
  private final List<Seen> seen = new ArrayList<>();
  private final RouteChangeFilter filter =
      new RouteChangeFilter(printed::add, (trace, changed, hops) -> seen.add(new Seen(trace, changed, hops)));

  @Test
  void printsTheFirstTraceThenOnlyChangesOfRoute() {
    Trace first = trace("a b D");
    Trace detour = trace("a c D");
    List<Trace> printedOnes = feed(first, trace("a b D"), detour, trace("a c D"), trace("a b D"));
    assertEquals(List.of(first, detour, trace("a b D")), printedOnes);
  }

  @Test
  void timesNeverCount() {
    Trace first = trace("a b D");
    filter.accept(first);
    filter.accept(new Trace(List.of(new TraceStep("a", 70), new TraceStep("b", 80), new TraceStep("D", 90))));
    assertEquals(List.of(first), printed);
  }

  @Test
  void routersThatRateLimitTheirErrorsMakeNoChange() {
    Trace full = trace("a b c D");
    assertEquals(List.of(full),
        feed(full, trace("* * * D"), trace("a b c D"), trace("* b * D"), trace("a * * D"), trace("* * * D")));
  }

  @Test
  void aTraceWithOnlySilenceAfterAKnownRouteChangesNothing() {
    Trace full = trace("a b c D");
    assertEquals(List.of(full), feed(full, trace("* * * * * *"), trace("*"), trace("a b c * * *")));
  }

  @Test
  void aTraceWhereNothingAnsweredIsPrintedFirstToo() {
    Trace silent = trace("* *");
    assertEquals(List.of(silent), feed(silent, trace("*")));
  }

  @Test
  void aNewRouterAtAKnownHopIsAChange() {
    assertChange("a b c D", "a x c D");
  }

  @Test
  void aNewRouterIsAChangeEvenWhenItsNeighboursAreSilent() {
    assertChange("a b c D", "* x * D");
  }

  @Test
  void theDestinationOneHopNearerIsAChange() {
    assertChange("a b c D", "a b D");
  }

  @Test
  void theDestinationNearerBehindSilentRoutersIsAChange() {
    assertChange("a b c D", "* * D");
  }

  @Test
  void theDestinationOneHopFartherIsAChange() {
    assertChange("a b c D", "a b c x D");
  }

  @Test
  void aRouterAnsweringPastTheKnownEndIsAChange() {
    assertChange("a b c D", "a b c * x * *");
  }

  @Test
  void theDestinationAfterASilentStepMayStillBeWhereItWas() {
    // Its answer to the probe with hop limit 4 was lost; the one with 5 reached it too, so it answered at 5.
    Trace first = trace("a b c D");
    assertEquals(List.of(first), feed(first, trace("a b c * D"), trace("a b c * * D")));
  }

  @Test
  void anotherAddressEndingTheRouteIsAChange() {
    assertChange("a b c D", "a b c");
  }

  @Test
  void aSilentHopIsLearntWithoutAWordThenAChangeThereIsPrinted() {
    Trace gap = trace("a * c D");
    Trace changed = trace("a y c D");
    assertEquals(List.of(gap, changed), feed(gap, trace("a b c D"), trace("a * c D"), trace("a b c D"), changed));
  }

  @Test
  void theEndIsLearntWithoutAWordWhenNoTraceHadReachedOne() {
    Trace unanswered = trace("a b * * * *");
    assertEquals(List.of(unanswered), feed(unanswered, trace("a b c D"), trace("a b c D")));
  }

  @Test
  void aLearntEndIsThenKept() {
    Trace unanswered = trace("a b * * * *");
    Trace nearer = trace("a b D");
    assertEquals(List.of(unanswered, nearer), feed(unanswered, trace("a b c D"), trace("a * * * * *"), nearer));
  }

  @Test
  void anEndBeforeAKnownRouterIsAChangeEvenWhenNoEndWasKnown() {
    assertChange("a b c d * *", "a b D");
  }

  @Test
  void aRangeOfTheEndNarrowedBySilentTracesStillCatchesAMove() {
    // "* * * D" alone allows the destination anywhere from hop 1 to 4; the routers learnt later pin it at 4.
    Trace first = trace("* * * D");
    Trace nearer = trace("* * D");
    assertEquals(List.of(first, nearer), feed(first, trace("a b c * * *"), nearer));
  }

  @Test
  void theKnownRouteStartsAgainFromAChangedTrace() {
    // Nothing of the old route stays: c at hop 3 would contradict the destination's being at 3 now.
    Trace first = trace("a b c D");
    Trace shorter = trace("a x D");
    assertEquals(List.of(first, shorter), feed(first, shorter, trace("a x D"), trace("* * D")));
  }

  @Test
  void theObserverSeesEveryTraceWithWhetherItChangedTheRouteAndWhereTheRouteEnds() {
    Trace first = trace("a b c D");
    Trace again = trace("a * c D");
    Trace unanswered = trace("a b * * *");
    Trace nearer = trace("a b D");
    feed(first, again, unanswered, nearer);
    assertEquals(List.of(
        // The first trace is printed but changes nothing: there was no route before it.
        new Seen(first, false, OptionalInt.of(4)),
        new Seen(again, false, OptionalInt.of(4)),
        new Seen(unanswered, false, OptionalInt.of(4)),
        new Seen(nearer, true, OptionalInt.of(3))), seen);
  }

  @Test
  void theRouteHasNoEndForTheObserverUntilATraceReachesOne() {
    Trace unanswered = trace("a b * *");
    Trace behindSilence = trace("a * * D");
    feed(unanswered, behindSilence);
    // "a * * D" puts the end at hop 4 at the farthest, where it answered; it may be nearer.
    assertEquals(List.of(new Seen(unanswered, false, OptionalInt.empty()),
        new Seen(behindSilence, false, OptionalInt.of(4))), seen);
  }

  /** After {@code first}, {@code next} is a change: both are printed. */
  private void assertChange(String first, String next) {
    assertEquals(List.of(trace(first), trace(next)), feed(trace(first), trace(next)));
  }

  private List<Trace> feed(Trace... traces) {
    for (Trace trace : traces) {
      filter.accept(trace);
    }
    return printed;
  }

  private static Trace trace(String steps) {
    List<TraceStep> parsed = new ArrayList<>();
    for (String step : steps.split(" ")) {
      parsed.add(step.equals("*") ? TraceStep.silent() : new TraceStep(step, parsed.size() + 1));
    }
    return new Trace(parsed);
  }
}
