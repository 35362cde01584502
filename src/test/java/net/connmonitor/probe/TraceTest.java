package net.connmonitor.probe;

import static net.connmonitor.icmp.ReplyKind.ECHO_REPLY;
import static net.connmonitor.icmp.ReplyKind.TIME_EXCEEDED;
import static net.connmonitor.icmp.ReplyKind.UNREACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import net.connmonitor.icmp.Answer;
import net.connmonitor.icmp.ReplyKind;
import org.junit.jupiter.api.Test;

class TraceTest {

  @Test
  void endsAtTheFirstEchoReplyOfTheDestination() {
    Trace trace = Trace.of(List.of(
        answer(TIME_EXCEEDED, "198.18.0.2", 400_000),
        Optional.empty(),
        answer(ECHO_REPLY, "198.18.10.2", 1_500_000),
        answer(ECHO_REPLY, "198.18.10.2", 1_400_000)));
    assertEquals(List.of(new TraceStep("198.18.0.2", 0.4), TraceStep.silent(), new TraceStep("198.18.10.2", 1.5)),
        trace.steps());
  }

  @Test
  void anUnreachableEndsTheTraceAtTheRouterThatSentIt() {
    Trace trace = Trace.of(List.of(
        answer(TIME_EXCEEDED, "2001:db8::2", 100_000),
        answer(UNREACHABLE, "2001:db8:0:1::2", 200_000),
        Optional.empty()));
    assertEquals(List.of("2001:db8::2", "2001:db8:0:1::2"), trace.route());
    assertEquals(2, trace.steps().size());
  }

  @Test
  void withoutTheDestinationItRunsToTheHopLimit() {
    Trace trace = Trace.of(List.of(answer(TIME_EXCEEDED, "198.18.0.2", 1), Optional.empty(), Optional.empty()));
    assertEquals(3, trace.steps().size());
    assertEquals(List.of("198.18.0.2"), trace.route());
  }

  @Test
  void theRouteLeavesOutSilentStepsAndTimes() {
    Trace one = new Trace(List.of(new TraceStep("198.18.0.2", 1), TraceStep.silent(), new TraceStep("x", 2)));
    Trace two = new Trace(List.of(new TraceStep("198.18.0.2", 5), new TraceStep("x", 9)));
    assertEquals(one.route(), two.route());
  }

  static Optional<Answer> answer(ReplyKind kind, String from, long rttNanos) {
    try {
      return Optional.of(new Answer(kind, InetAddress.getByName(from), rttNanos));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
