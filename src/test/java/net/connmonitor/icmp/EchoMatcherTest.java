package net.connmonitor.icmp;

import static net.connmonitor.icmp.IcmpCodecTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The matcher alone, with synthetic answers and times: no socket, no clock. */
class EchoMatcherTest {

  private static final int IDENTIFIER = 0x4242;
  private static final int PAYLOAD = 41;
  private static final long TIMEOUT = 2_000_000_000L;
  /** Realtime and monotonic clocks at the start of each test, in nanoseconds. */
  private static final long REALTIME = 1_795_000_000_000_000_000L;
  private static final long MONOTONIC = 7_000_000_000L;
  private static final InetAddress TARGET = address("198.18.10.2");
  private static final InetAddress OTHER = address("198.18.11.2");
  private static final InetAddress ROUTER_1 = address("198.18.0.2");
  private static final InetAddress ROUTER_2 = address("198.18.1.2");

  private final EchoMatcher matcher = new EchoMatcher(IDENTIFIER, true);
  private long nextKey;

  @Test
  void timesEachAnswerFromTheKernelsTransmitStampToItsReceiveStamp() {
    Exchange burst = burst(TARGET, 3);
    List<Request> requests = sendAll(burst, 0);
    for (Request request : requests) {
      matcher.transmitted(request.timestampKey, REALTIME + 2_000);
    }
    for (int i = 0; i < 3; i++) {
      assertFalse(burst.done());
      matcher.received(reply(TARGET, requests.get(i).sequence, 52_000 + i, 900_000));
      matcher.settle();
    }
    List<Optional<Answer>> answers = burst.result.join();
    for (int i = 0; i < 3; i++) {
      assertEquals(new Answer(ReplyKind.ECHO_REPLY, TARGET, 50_000 + i), answers.get(i).orElseThrow());
    }
  }

  @Test
  void withoutATransmitStampTheTimeReadBeforeTheSendStandsIn() {
    Exchange burst = burst(TARGET, 1);
    Request request = sendAll(burst, 0).get(0);
    answer(reply(TARGET, request.sequence, 52_000, 900_000));
    assertEquals(52_000, rtt(burst, 0));
  }

  @Test
  void matchesReorderedAnswersToTheirOwnRequests() {
    Exchange burst = burst(TARGET, 3);
    List<Request> requests = sendAll(burst, 0);
    answer(reply(TARGET, requests.get(2).sequence, 30_000, 900_000));
    answer(reply(TARGET, requests.get(0).sequence, 10_000, 900_000));
    answer(reply(TARGET, requests.get(1).sequence, 20_000, 900_000));
    assertEquals(List.of(10_000L, 20_000L, 30_000L), List.of(rtt(burst, 0), rtt(burst, 1), rtt(burst, 2)));
  }

  @Test
  void ignoresDuplicatesStrangersAndForgeries() {
    Exchange burst = burst(TARGET, 2);
    List<Request> requests = sendAll(burst, 0);
    int sequence = requests.get(0).sequence;
    answer(reply(TARGET, sequence, 10_000, 900_000));
    answer(reply(TARGET, sequence, 1_000, 900_000));
    answer(new IcmpMessage(ReplyKind.ECHO_REPLY, TARGET, TARGET, IDENTIFIER + 1, requests.get(1).sequence, PAYLOAD,
        true, REALTIME + 5_000, MONOTONIC + 900_000));
    answer(reply(OTHER, requests.get(1).sequence, 5_000, 900_000));
    answer(reply(TARGET, requests.get(1).sequence + 1, 5_000, 900_000));
    answer(new IcmpMessage(ReplyKind.ECHO_REPLY, TARGET, TARGET, IDENTIFIER, requests.get(1).sequence, PAYLOAD,
        false, REALTIME + 5_000, MONOTONIC + 900_000));
    answer(new IcmpMessage(ReplyKind.ECHO_REPLY, TARGET, TARGET, IDENTIFIER, requests.get(1).sequence, PAYLOAD - 1,
        true, REALTIME + 5_000, MONOTONIC + 900_000));
    assertFalse(burst.done(), "only the first request is answered");
    assertEquals(10_000, rtt(burst, 0), "the first of two replies counts");
  }

  @Test
  void anAnswerToARequestNotSentYetIsForged() {
    Exchange burst = burst(TARGET, 2);
    List<Request> requests = matcher.start(burst);
    matcher.sent(requests.get(0), REALTIME, MONOTONIC, Request.NO_KEY);
    answer(reply(TARGET, requests.get(1).sequence, 5_000, 900_000));
    assertEquals(2, burst.unanswered);
  }

  @Test
  void aPingSocketsAnswersCarryTheKernelsIdentifier() {
    EchoMatcher pingSocket = new EchoMatcher(IDENTIFIER, false);
    Exchange burst = Exchange.burst(TARGET, Departure.ANY, 1, PAYLOAD, TIMEOUT);
    Request request = pingSocket.start(burst).get(0);
    pingSocket.sent(request, REALTIME, MONOTONIC, Request.NO_KEY);
    pingSocket.received(new IcmpMessage(ReplyKind.ECHO_REPLY, TARGET, TARGET, 0x0d1e, request.sequence, PAYLOAD, true,
        REALTIME + 9_000, MONOTONIC + 100_000));
    pingSocket.settle();
    assertEquals(9_000, burst.result.join().get(0).orElseThrow().rttNanos());
  }

  @Test
  void anEchoReplyFromTheDestinationWinsOverAnyErrorBeforeIt() {
    Exchange burst = burst(TARGET, 1);
    int sequence = sendAll(burst, 0).get(0).sequence;
    answer(error(ReplyKind.UNREACHABLE, ROUTER_1, TARGET, sequence, 1_000));
    answer(error(ReplyKind.TIME_EXCEEDED, OTHER, TARGET, sequence, 2_000));
    assertFalse(burst.done(), "a router's error never takes a ping's place");
    answer(reply(TARGET, sequence, 40_000, 900_000));
    assertEquals(new Answer(ReplyKind.ECHO_REPLY, TARGET, 40_000), burst.result.join().get(0).orElseThrow());
  }

  @Test
  void inATraceAnEchoReplyReplacesAnErrorReceivedBeforeIt() {
    Exchange trace = trace(TARGET, 3);
    List<Request> requests = sendAll(trace, 0);
    answer(error(ReplyKind.TIME_EXCEEDED, ROUTER_1, TARGET, requests.get(0).sequence, 1_000));
    answer(error(ReplyKind.TIME_EXCEEDED, OTHER, TARGET, requests.get(2).sequence, 1_500));
    answer(reply(TARGET, requests.get(2).sequence, 3_000, 900_000));
    answer(error(ReplyKind.TIME_EXCEEDED, ROUTER_2, TARGET, requests.get(1).sequence, 2_000));
    List<Optional<Answer>> steps = trace.result.join();
    assertEquals(List.of(ROUTER_1, ROUTER_2, TARGET), steps.stream().map(s -> s.orElseThrow().from()).toList());
    assertEquals(ReplyKind.ECHO_REPLY, steps.get(2).orElseThrow().kind());
  }

  @Test
  void aTraceEndsOnceTheDestinationAndEveryNearerHopAnswered() {
    Exchange trace = trace(TARGET, 5);
    List<Request> requests = sendAll(trace, 0);
    answer(error(ReplyKind.TIME_EXCEEDED, ROUTER_1, TARGET, requests.get(0).sequence, 1_000));
    answer(reply(TARGET, requests.get(2).sequence, 3_000, 900_000));
    answer(reply(TARGET, requests.get(3).sequence, 3_100, 900_000));
    assertFalse(trace.done(), "the second hop is still unknown");
    answer(error(ReplyKind.TIME_EXCEEDED, ROUTER_2, TARGET, requests.get(1).sequence, 2_000));
    List<Optional<Answer>> steps = trace.result.join();
    assertEquals(ROUTER_2, steps.get(1).orElseThrow().from());
    assertEquals(TARGET, steps.get(2).orElseThrow().from());
    assertTrue(steps.get(4).isEmpty());
  }

  @Test
  void anAnswerLaterThanTheTimeoutCountsAsLost() {
    Exchange burst = burst(TARGET, 1);
    int sequence = sendAll(burst, 0).get(0).sequence;
    answer(reply(TARGET, sequence, TIMEOUT + 1, TIMEOUT + 100_000));
    assertEquals(List.of(Optional.empty()), burst.result.join());
  }

  @Test
  void aClockStepNeverGivesANegativeOrInflatedTime() {
    Exchange backwards = burst(TARGET, 1);
    int sequence = sendAll(backwards, 0).get(0).sequence;
    // The realtime clock went back 1 s between the send and the answer; the monotonic clock bounds the time.
    answer(reply(TARGET, sequence, -1_000_000_000L + 30_000, 80_000));
    assertEquals(80_000, rtt(backwards, 0));

    Exchange forwards = burst(TARGET, 1);
    int next = sendAll(forwards, 0).get(0).sequence;
    answer(reply(TARGET, next, 1_000_000_000L + 30_000, 80_000));
    assertEquals(80_000, rtt(forwards, 0));
  }

  @Test
  void waitsForTheTimeoutAfterTheLastRequestLeft() {
    Exchange burst = burst(TARGET, 2);
    List<Request> requests = matcher.start(burst);
    matcher.sent(requests.get(0), REALTIME, MONOTONIC, Request.NO_KEY);
    assertEquals(Optional.empty(), matcher.nextDeadline(), "no deadline before every request is sent");
    matcher.sent(requests.get(1), REALTIME + 1_000_000, MONOTONIC + 1_000_000, Request.NO_KEY);
    answer(reply(TARGET, requests.get(0).sequence, 20_000, 2_000_000));
    long deadline = MONOTONIC + 1_000_000 + TIMEOUT;
    assertEquals(Optional.of(deadline), matcher.nextDeadline());
    matcher.expire(deadline - 1);
    assertFalse(burst.done());
    matcher.expire(deadline);
    List<Optional<Answer>> answers = burst.result.join();
    assertEquals(20_000, answers.get(0).orElseThrow().rttNanos());
    assertTrue(answers.get(1).isEmpty());
    assertEquals(Optional.empty(), matcher.nextDeadline());
  }

  @Test
  void aTransmitStampOlderThanItsRequestIsNotItsOwn() {
    Exchange burst = burst(TARGET, 1);
    Request request = sendAll(burst, 0).get(0);
    // After the socket restarted its keys, a stamp of an earlier datagram can carry the same key.
    matcher.transmitted(request.timestampKey, REALTIME - 5_000);
    answer(reply(TARGET, request.sequence, 40_000, 900_000));
    assertEquals(40_000, rtt(burst, 0));
  }

  @Test
  void aRequestThatCannotLeaveFailsItsExchange() {
    Exchange burst = burst(TARGET, 2);
    List<Request> requests = matcher.start(burst);
    matcher.notSent(requests.get(0), "cannot send an echo request to 198.18.10.2: Network is unreachable");
    CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        () -> burst.result.join());
    assertInstanceOf(IcmpSendException.class, failure.getCause());
    assertEquals("cannot send an echo request to 198.18.10.2: Network is unreachable", failure.getCause().getMessage());
    assertEquals(Optional.empty(), matcher.nextDeadline());
  }

  @Test
  void hostsOfTheSameAddressNeverShareASequence() {
    matcher.open(TARGET);
    matcher.open(TARGET);
    Set<Integer> sequences = new HashSet<>();
    for (Request request : sendAll(burst(TARGET, 10), 0)) {
      sequences.add(request.sequence);
    }
    for (Request request : sendAll(burst(TARGET, 10), 0)) {
      sequences.add(request.sequence);
    }
    assertEquals(20, sequences.size());
  }

  @Test
  void finishingCompletesWhatIsInFlightWithWhatArrived() {
    Exchange burst = burst(TARGET, 2);
    List<Request> requests = sendAll(burst, 0);
    answer(reply(TARGET, requests.get(1).sequence, 7_000, 900_000));
    matcher.finishAll();
    List<Optional<Answer>> answers = burst.result.join();
    assertTrue(answers.get(0).isEmpty());
    assertEquals(7_000, answers.get(1).orElseThrow().rttNanos());
  }

  private Exchange burst(InetAddress destination, int count) {
    return Exchange.burst(destination, Departure.ANY, count, PAYLOAD, TIMEOUT);
  }

  private Exchange trace(InetAddress destination, int hops) {
    return Exchange.trace(destination, Departure.ANY, hops, PAYLOAD, TIMEOUT);
  }

  /** Starts the exchange and sends all its requests in one call at {@code offset} nanoseconds. */
  private List<Request> sendAll(Exchange exchange, long offset) {
    List<Request> requests = new ArrayList<>(matcher.start(exchange));
    for (Request request : requests) {
      matcher.sent(request, REALTIME + offset, MONOTONIC + offset, nextKey++);
    }
    return requests;
  }

  private void answer(IcmpMessage message) {
    matcher.received(message);
    matcher.settle();
  }

  private long rtt(Exchange exchange, int index) {
    if (!exchange.done()) {
      matcher.expire(Long.MAX_VALUE);
    }
    return exchange.result.join().get(index).orElseThrow().rttNanos();
  }

  /** An echo reply received {@code received} ns after the send (realtime) and read {@code read} ns after it. */
  private static IcmpMessage reply(InetAddress from, int sequence, long received, long read) {
    return new IcmpMessage(ReplyKind.ECHO_REPLY, from, from, IDENTIFIER, sequence, PAYLOAD, true,
        REALTIME + received, MONOTONIC + read);
  }

  private static IcmpMessage error(ReplyKind kind, InetAddress from, InetAddress quoted, int sequence, long received) {
    return new IcmpMessage(kind, from, quoted, IDENTIFIER, sequence, 8, true, REALTIME + received,
        MONOTONIC + 900_000);
  }
}
