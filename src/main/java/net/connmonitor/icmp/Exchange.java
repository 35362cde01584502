package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The echo requests of one burst to one destination, from their sending until each is answered or its time is up.
 * Confined to the channel's event loop.
 */
final class Exchange {

  static final int NOT_SENT = -1;

  final InetAddress destination;
  final int payloadBytes;
  final long timeoutNanos;
  final CompletableFuture<List<Optional<Answer>>> result = new CompletableFuture<>();

  private final long[] sentAtNanos;
  private final Answer[] answers;
  private final int[] sequences;
  /** Requests neither answered nor given up. */
  private int open;
  /** Writes whose completion has not been seen yet: the deadline counts from the last send. */
  private int unwritten;
  private ScheduledFuture<?> deadline;

  Exchange(InetAddress destination, int count, int payloadBytes, long timeoutNanos) {
    this.destination = destination;
    this.payloadBytes = payloadBytes;
    this.timeoutNanos = timeoutNanos;
    this.sentAtNanos = new long[count];
    this.answers = new Answer[count];
    this.sequences = new int[count];
    Arrays.fill(sequences, NOT_SENT);
    this.open = count;
    this.unwritten = count;
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

  /** @return true when no request is left open */
  boolean answer(int index, IcmpMessage message) {
    long rtt = message.receivedAtNanos() - sentAtNanos[index];
    if (rtt <= timeoutNanos) {
      answers[index] = new Answer(message.kind(), message.from(), rtt);
    }
    return --open == 0;
  }

  /** @return true when no request is left open */
  boolean lost() {
    return --open == 0;
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
