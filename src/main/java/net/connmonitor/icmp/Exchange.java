package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The echo requests of one burst or one route trace to one destination, from their sending until each is answered,
 * its time is up or, for a trace, the route's end is known. Confined to the channel's event loop.
 */
final class Exchange {

  static final int NOT_SENT = -1;

  final InetAddress destination;
  final int payloadBytes;
  final long timeoutNanos;
  final CompletableFuture<List<Optional<Answer>>> result = new CompletableFuture<>();
  /** A trace: request i leaves with hop limit i + 1; the exchange ends with the nearest answer that ends the route. */
  private final boolean traceRoute;

  private final long[] sentAtNanos;
  private final Answer[] answers;
  private final int[] sequences;
  /** Requests neither answered nor given up. */
  private int open;
  /** Writes whose completion has not been seen yet: the deadline counts from the last send. */
  private int unwritten;
  private ScheduledFuture<?> deadline;

  private Exchange(InetAddress destination, int count, int payloadBytes, long timeoutNanos, boolean traceRoute) {
    this.destination = destination;
    this.payloadBytes = payloadBytes;
    this.timeoutNanos = timeoutNanos;
    this.traceRoute = traceRoute;
    this.sentAtNanos = new long[count];
    this.answers = new Answer[count];
    this.sequences = new int[count];
    Arrays.fill(sequences, NOT_SENT);
    this.open = count;
    this.unwritten = count;
  }

  /** {@code count} requests with the socket's hop limit. */
  static Exchange burst(InetAddress destination, int count, int payloadBytes, long timeoutNanos) {
    return new Exchange(destination, count, payloadBytes, timeoutNanos, false);
  }

  /** One request for each hop limit from 1 to {@code maxHops}, all sent at once. */
  static Exchange trace(InetAddress destination, int maxHops, int payloadBytes, long timeoutNanos) {
    return new Exchange(destination, maxHops, payloadBytes, timeoutNanos, true);
  }

  int hopLimit(int index) {
    return traceRoute ? index + 1 : EchoRequest.SOCKET_DEFAULT;
  }

  /**
   * The index of the request to send {@code position}th. A trace sends its farthest hop first: an answer is
   * timed when the event loop reads it, after the last send, so the nearest hops, whose answers come back
   * soonest, go last and are read without waiting behind the other sends.
   */
  int indexSentAt(int position) {
    return traceRoute ? answers.length - 1 - position : position;
  }

  int size() {
    return answers.length;
  }

  int sequence(int index) {
    return sequences[index];
  }

  void sending(int index, int sequence, long nanos) {
    sequences[index] = sequence;
    sentAtNanos[index] = nanos;
  }

  /** A write that completed after writeAndFlush returned was queued: its send time is its completion time. */
  void sentLate(int index, long nanos) {
    sentAtNanos[index] = nanos;
  }

  /** @return true when this was the last write, so the deadline can start */
  boolean written() {
    return --unwritten == 0;
  }

  void deadline(ScheduledFuture<?> deadline) {
    this.deadline = deadline;
  }

  /** @return true when nothing more is worth waiting for */
  boolean answer(int index, IcmpMessage message) {
    long rtt = message.receivedAtNanos() - sentAtNanos[index];
    if (rtt <= timeoutNanos) {
      answers[index] = new Answer(message.kind(), message.from(), rtt);
    }
    open--;
    return settled();
  }

  /** @return true when nothing more is worth waiting for */
  boolean lost() {
    open--;
    return settled();
  }

  /**
   * Every request is answered or lost; or, for a trace, an answer ends the route and every nearer hop has
   * answered: the farther requests can only find the same end again.
   */
  private boolean settled() {
    if (open == 0) {
      return true;
    }
    if (!traceRoute) {
      return false;
    }
    for (Answer answer : answers) {
      if (answer == null) {
        return false;
      }
      if (answer.endsRoute()) {
        return true;
      }
    }
    return false;
  }

  void complete() {
    if (deadline != null) {
      deadline.cancel(false);
    }
    List<Optional<Answer>> outcome = new ArrayList<>(answers.length);
    for (Answer answer : answers) {
      outcome.add(Optional.ofNullable(answer));
    }
    result.complete(outcome);
  }
}
