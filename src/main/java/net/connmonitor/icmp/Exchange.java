package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The echo requests of one ping burst or one route trace to one destination, from their sending until each is
 * answered, their time is up or, for a trace, the route's end is known. Confined to the matcher's thread, but for
 * {@link #result}, which completes there.
 */
final class Exchange {

  final InetAddress destination;
  /** The destination's bytes, read once for all its requests. */
  final byte[] destinationBytes;
  final int payloadBytes;
  final long timeoutNanos;
  final Departure departure;
  /** A trace: request {@code i} leaves with hop limit {@code i + 1}; it ends with the nearest answer ending the route. */
  final boolean trace;
  final Request[] requests;
  /** One element per request, in order: empty when nothing answered in time; fails when a request could not leave. */
  final CompletableFuture<List<Optional<Answer>>> result = new CompletableFuture<>();
  /** Requests not handed to the kernel yet: the deadline counts from the last one's sending. */
  int unsent;
  /** Requests without an answer. */
  int unanswered;
  /** When the exchange ends with what it has; set once every request is sent. */
  Deadline deadline;
  /** Whether it is in the matcher's list of exchanges to look at after the current read. */
  boolean touched;

  private Exchange(InetAddress destination, Departure departure, int count, int payloadBytes, long timeoutNanos,
      boolean trace) {
    this.destination = destination;
    this.departure = departure;
    this.destinationBytes = destination.getAddress();
    this.payloadBytes = payloadBytes;
    this.timeoutNanos = timeoutNanos;
    this.trace = trace;
    this.requests = new Request[count];
    for (int i = 0; i < count; i++) {
      requests[i] = new Request(this, i);
    }
    this.unsent = count;
    this.unanswered = count;
  }

  /** {@code count} requests with the socket's hop limit, sent back to back. */
  static Exchange burst(InetAddress destination, Departure departure, int count, int payloadBytes,
      long timeoutNanos) {
    return new Exchange(destination, departure, count, payloadBytes, timeoutNanos, false);
  }

  /** One request for each hop limit from 1 to {@code maxHops}, all sent at once. */
  static Exchange trace(InetAddress destination, Departure departure, int maxHops, int payloadBytes,
      long timeoutNanos) {
    return new Exchange(destination, departure, maxHops, payloadBytes, timeoutNanos, true);
  }

  boolean done() {
    return result.isDone();
  }

  /**
   * An exchange's place in the matcher's queue of deadlines. Most exchanges end early, long before their deadline:
   * the entry lets go of its exchange then, so that the queue holds a few bytes rather than the exchange's requests
   * and answers until the time is up.
   */
  static final class Deadline {
    /** {@link System#nanoTime()} after which the exchange ends with what it has. */
    final long at;
    Exchange exchange;

    Deadline(long at, Exchange exchange) {
      this.at = at;
      this.exchange = exchange;
    }
  }

  /**
   * Nothing more is worth waiting for: every request is answered; or, for a trace, an answer ends the route and
   * every nearer hop has answered, since the farther requests can only find the same end again.
   */
  boolean settled() {
    if (unanswered == 0) {
      return true;
    }
    if (!trace) {
      return false;
    }
    for (Request request : requests) {
      if (request.answer == null) {
        return false;
      }
      if (request.answer.kind() != ReplyKind.TIME_EXCEEDED) {
        return true;
      }
    }
    return false;
  }
}
