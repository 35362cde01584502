package net.connmonitor.icmp;

import static net.connmonitor.icmp.IcmpCodecTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EchoDispatcherTest {

  private static final int IDENTIFIER = 0x4242;
  private static final long TIMEOUT = TimeUnit.MILLISECONDS.toNanos(2000);
  private static final InetAddress TARGET = address("198.18.10.2");
  private static final InetAddress OTHER = address("198.18.11.2");
  private static final InetAddress ROUTER = address("198.18.1.2");

  private final EchoDispatcher dispatcher = new EchoDispatcher(IDENTIFIER, true);
  private final EmbeddedChannel channel = new EmbeddedChannel(dispatcher);

  @Test
  void completesAsSoonAsEveryRequestIsAnswered() {
    Exchange exchange = start(TARGET, 3);
    List<EchoRequest> sent = sent();
    assertEquals(3, sent.size());
    for (EchoRequest request : sent) {
      assertFalse(exchange.result.isDone());
      reply(TARGET, IDENTIFIER, request.sequence(), System.nanoTime());
    }
    List<Optional<Answer>> answers = exchange.result.join();
    assertEquals(3, answers.size());
    for (Optional<Answer> answer : answers) {
      assertEquals(ReplyKind.ECHO_REPLY, answer.orElseThrow().kind());
      assertEquals(TARGET, answer.orElseThrow().from());
      assertTrue(answer.orElseThrow().rttNanos() >= 0);
    }
  }

  @Test
  void sendsDistinctSequencesWithItsIdentifierAndPayload() {
    start(TARGET, 3);
    List<EchoRequest> sent = sent();
    assertEquals(3, sent.stream().map(EchoRequest::sequence).distinct().count());
    for (EchoRequest request : sent) {
      assertEquals(IDENTIFIER, request.identifier());
      assertEquals(TARGET, request.destination());
      assertEquals(41, request.payloadBytes());
      assertEquals(EchoRequest.SOCKET_DEFAULT, request.hopLimit());
    }
  }

  @Test
  void waitsForTheTimeoutWhenRequestsAreLost() {
    channel.freezeTime();
    Exchange exchange = start(TARGET, 2);
    EchoRequest first = sent().get(0);
    reply(TARGET, IDENTIFIER, first.sequence(), System.nanoTime());
    channel.advanceTimeBy(TIMEOUT - 1, TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
    assertFalse(exchange.result.isDone());
    channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
    List<Optional<Answer>> answers = exchange.result.join();
    assertTrue(answers.get(0).isPresent());
    assertTrue(answers.get(1).isEmpty());
  }

  @Test
  void countsAReplyLaterThanTheTimeoutAsLost() {
    Exchange exchange = start(TARGET, 1);
    EchoRequest request = sent().get(0);
    reply(TARGET, IDENTIFIER, request.sequence(), System.nanoTime() + TIMEOUT + 1);
    assertEquals(List.of(Optional.empty()), exchange.result.join());
  }

  @Test
  void ignoresStrangersDuplicatesAndOtherProcesses() {
    Exchange exchange = start(TARGET, 2);
    List<EchoRequest> sent = sent();
    int first = sent.get(0).sequence();
    reply(OTHER, IDENTIFIER, first, System.nanoTime()); // another address
    reply(TARGET, IDENTIFIER + 1, first, System.nanoTime()); // another process's identifier
    reply(TARGET, IDENTIFIER, first ^ 0x8000, System.nanoTime()); // a sequence never sent
    assertFalse(exchange.result.isDone());
    reply(TARGET, IDENTIFIER, first, System.nanoTime());
    reply(TARGET, IDENTIFIER, first, System.nanoTime()); // duplicate
    assertFalse(exchange.result.isDone());
    reply(TARGET, IDENTIFIER, sent.get(1).sequence(), System.nanoTime());
    assertTrue(exchange.result.join().stream().allMatch(Optional::isPresent));
  }

  @Test
  void aPingSocketsRepliesCarryTheKernelsIdentifier() {
    EchoDispatcher pingSocket = new EchoDispatcher(IDENTIFIER, false);
    EmbeddedChannel pingChannel = new EmbeddedChannel(pingSocket);
    Exchange exchange = Exchange.burst(TARGET, 1, 41, TIMEOUT);
    pingSocket.start(exchange);
    EchoRequest request = pingChannel.readOutbound();
    pingChannel.writeInbound(new IcmpMessage(ReplyKind.ECHO_REPLY, TARGET, TARGET, 0x7ec2, request.sequence(),
        System.nanoTime()));
    assertTrue(exchange.result.join().get(0).isPresent());
  }

  @Test
  void hostsOfTheSameAddressShareItsSequenceSpace() {
    dispatcher.open(TARGET);
    dispatcher.open(TARGET);
    Exchange one = start(TARGET, 2);
    Exchange two = start(TARGET, 2);
    List<EchoRequest> sent = sent();
    assertEquals(4, sent.stream().map(EchoRequest::sequence).distinct().count());
    reply(TARGET, IDENTIFIER, sent.get(2).sequence(), System.nanoTime());
    reply(TARGET, IDENTIFIER, sent.get(3).sequence(), System.nanoTime());
    assertTrue(two.result.isDone());
    assertFalse(one.result.isDone());
  }

  @Test
  void anErrorFromARouterAnswersTheRequestItQuotes() {
    Exchange exchange = start(TARGET, 1);
    EchoRequest request = sent().get(0);
    channel.writeInbound(new IcmpMessage(ReplyKind.TIME_EXCEEDED, ROUTER, TARGET, IDENTIFIER, request.sequence(),
        System.nanoTime()));
    Answer answer = exchange.result.join().get(0).orElseThrow();
    assertEquals(ReplyKind.TIME_EXCEEDED, answer.kind());
    assertEquals(ROUTER, answer.from());
  }

  @Test
  void concurrentExchangesToOneAddressNeverShareASequence() {
    Exchange first = start(TARGET, 1);
    int sequence = sent().get(0).sequence();
    Exchange second = start(TARGET, 1);
    assertNotEquals(sequence, sent().get(0).sequence());
    reply(TARGET, IDENTIFIER, sequence, System.nanoTime());
    assertTrue(first.result.isDone());
    assertFalse(second.result.isDone());
  }

  @Test
  void closingTheChannelCompletesWhatIsInFlight() {
    Exchange exchange = start(TARGET, 2);
    reply(TARGET, IDENTIFIER, sent().get(0).sequence(), System.nanoTime());
    dispatcher.finishAll();
    List<Optional<Answer>> answers = exchange.result.join();
    assertTrue(answers.get(0).isPresent());
    assertTrue(answers.get(1).isEmpty());
  }

  @Test
  void aTraceSendsEveryHopLimitAtOnceTheFarthestFirst() {
    Exchange trace = Exchange.trace(TARGET, 4, 32, TIMEOUT);
    dispatcher.start(trace);
    List<EchoRequest> sent = sent();
    assertEquals(List.of(4, 3, 2, 1), sent.stream().map(EchoRequest::hopLimit).toList());
    assertEquals(4, sent.stream().map(EchoRequest::sequence).distinct().count());
    assertTrue(sent.stream().allMatch(request -> request.identifier() == IDENTIFIER));
  }

  @Test
  void aTraceEndsOnceTheDestinationAndEveryNearerHopAnswered() {
    Exchange trace = Exchange.trace(TARGET, 5, 32, TIMEOUT);
    dispatcher.start(trace);
    List<EchoRequest> sent = sent();
    EchoRequest hop1 = hop(sent, 1);
    EchoRequest hop2 = hop(sent, 2);
    EchoRequest hop3 = hop(sent, 3);
    reply(TARGET, IDENTIFIER, hop3.sequence(), System.nanoTime());
    reply(TARGET, IDENTIFIER, hop(sent, 5).sequence(), System.nanoTime());
    timeExceeded(hop1, System.nanoTime());
    assertFalse(trace.result.isDone(), "hop 2 may still answer");
    timeExceeded(hop2, System.nanoTime());
    List<Optional<Answer>> answers = trace.result.join();
    assertEquals(ReplyKind.TIME_EXCEEDED, answers.get(0).orElseThrow().kind());
    assertEquals(ROUTER, answers.get(1).orElseThrow().from());
    assertEquals(ReplyKind.ECHO_REPLY, answers.get(2).orElseThrow().kind());
    assertTrue(answers.get(3).isEmpty());
  }

  @Test
  void aSilentHopWaitsForTheTimeout() {
    channel.freezeTime();
    Exchange trace = Exchange.trace(TARGET, 2, 32, TIMEOUT);
    dispatcher.start(trace);
    List<EchoRequest> sent = sent();
    reply(TARGET, IDENTIFIER, hop(sent, 2).sequence(), System.nanoTime());
    assertFalse(trace.result.isDone());
    channel.advanceTimeBy(TIMEOUT, TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
    List<Optional<Answer>> answers = trace.result.join();
    assertTrue(answers.get(0).isEmpty());
    assertEquals(TARGET, answers.get(1).orElseThrow().from());
  }

  private static EchoRequest hop(List<EchoRequest> sent, int hopLimit) {
    return sent.stream().filter(request -> request.hopLimit() == hopLimit).findFirst().orElseThrow();
  }

  private void timeExceeded(EchoRequest request, long receivedAt) {
    channel.writeInbound(new IcmpMessage(ReplyKind.TIME_EXCEEDED, ROUTER, request.destination(),
        request.identifier(), request.sequence(), receivedAt));
  }

  private Exchange start(InetAddress destination, int count) {
    Exchange exchange = Exchange.burst(destination, count, 41, TIMEOUT);
    dispatcher.start(exchange);
    return exchange;
  }

  private List<EchoRequest> sent() {
    List<EchoRequest> requests = new ArrayList<>();
    for (EchoRequest request = channel.readOutbound(); request != null; request = channel.readOutbound()) {
      requests.add(request);
    }
    return requests;
  }

  private void reply(InetAddress from, int identifier, int sequence, long receivedAt) {
    channel.writeInbound(new IcmpMessage(ReplyKind.ECHO_REPLY, from, from, identifier, sequence, receivedAt));
  }
}
