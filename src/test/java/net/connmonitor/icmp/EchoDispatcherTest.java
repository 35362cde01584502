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
    Exchange exchange = new Exchange(TARGET, 1, 41, TIMEOUT);
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

  private Exchange start(InetAddress destination, int count) {
    Exchange exchange = new Exchange(destination, count, 41, TIMEOUT);
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
