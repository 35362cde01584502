package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Pairs ICMP answers with the echo requests of exchanges, keeps the exchanges' deadlines and completes them with
 * their round-trip times. Plain Java with no I/O: the socket around it passes in every packet and every time, and
 * asks what to send and when to wake up. Confined to one thread, the socket's event loop.
 *
 * <p>A round-trip time runs from the kernel's transmit timestamp of the request to the kernel's receive timestamp
 * of its answer, both CLOCK_REALTIME, so it does not depend on when a thread got around to either packet. Where
 * the transmit timestamp is missing, the realtime clock read just before the send call stands in, which can only
 * make the time longer. Each time is checked against the monotonic clock read before the send and after the read,
 * which bound the true round trip from above: outside that bound the realtime clock was stepped in between, and the
 * bound itself is used.
 *
 * <p>An answer counts only when its addresses, identifier, sequence number and payload are exactly those of the
 * request. A ping counts echo replies alone: a router's error, forged or not, never takes a request's place, so an
 * echo reply from the destination within the timeout always counts. In a trace an echo reply from the destination
 * replaces an error received before it.
 */
final class EchoMatcher {

  /** Tolerance of the bound check, far above the few nanoseconds between reading the two clocks. */
  private static final long CLOCK_SLACK_NANOS = 100_000;
  /** A transmit timestamp this long after the send call is not this request's. */
  private static final long MAX_TRANSMIT_DELAY_NANOS = 1_000_000_000;
  /** Timestamps arrive within microseconds of the send: a small ring of the latest keys is enough. */
  private static final int TIMESTAMP_RING = 1 << 12;

  private final Map<InetAddress, Destination> destinations = new HashMap<>();
  private final PriorityQueue<Exchange.Deadline> deadlines =
      new PriorityQueue<>(Comparator.comparingLong(deadline -> deadline.at));
  private final Request[] awaitingTimestamp = new Request[TIMESTAMP_RING];
  /** Exchanges that got an answer since the last {@link #settle()}. */
  private final List<Exchange> touched = new ArrayList<>();
  private final int identifier;
  private final boolean checkIdentifier;

  /**
   * @param identifier      the echo identifier the requests carry
   * @param checkIdentifier whether answers must carry it: true on a raw socket, which sees every ICMP packet of the
   *                        machine; a ping socket's kernel delivers only its own
   */
  EchoMatcher(int identifier, boolean checkIdentifier) {
    this.identifier = identifier;
    this.checkIdentifier = checkIdentifier;
  }

  /** A host starts measuring {@code address}. */
  void open(InetAddress address) {
    destinations.computeIfAbsent(address, a -> new Destination()).sessions++;
  }

  /** A host stops measuring {@code address}. */
  void close(InetAddress address) {
    Destination destination = destinations.get(address);
    if (destination != null) {
      destination.sessions--;
      dropIfUnused(address, destination);
    }
  }

  /**
   * Gives every request of the exchange a sequence number.
   *
   * @return the requests to send, in order; none when the exchange failed at once (no sequence number left)
   */
  List<Request> start(Exchange exchange) {
    Destination destination = destinations.computeIfAbsent(exchange.destination, a -> new Destination());
    for (Request request : exchange.requests) {
      if (!destination.allocate(request)) {
        fail(exchange, "all 65536 sequence numbers of " + exchange.destination.getHostAddress() + " are in use");
        return List.of();
      }
    }
    return List.of(exchange.requests);
  }

  /**
   * The kernel took the request.
   *
   * @param realtimeBefore  nanoseconds since the epoch, read just before the send call
   * @param monotonicBefore {@link System#nanoTime()} read just before the send call
   * @param timestampKey    the key its transmit timestamp will carry, or {@link Request#NO_KEY}
   */
  void sent(Request request, long realtimeBefore, long monotonicBefore, long timestampKey) {
    request.sent = true;
    request.sentAtBefore = realtimeBefore;
    request.sentAtMonotonic = monotonicBefore;
    request.timestampKey = timestampKey;
    if (timestampKey != Request.NO_KEY) {
      awaitingTimestamp[(int) (timestampKey & (TIMESTAMP_RING - 1))] = request;
    }
    Exchange exchange = request.exchange;
    if (--exchange.unsent == 0 && !exchange.done()) {
      exchange.deadline = new Exchange.Deadline(monotonicBefore + exchange.timeoutNanos, exchange);
      deadlines.add(exchange.deadline);
    }
  }

  /** The request could not leave this machine: its exchange measures nothing and fails with {@code reason}. */
  void notSent(Request request, String reason) {
    fail(request.exchange, reason);
  }

  /** The kernel's transmit timestamp of the datagram with {@code key}. */
  void transmitted(long key, long realtime) {
    int slot = (int) (key & (TIMESTAMP_RING - 1));
    Request request = awaitingTimestamp[slot];
    if (request == null || request.timestampKey != key) {
      return;
    }
    awaitingTimestamp[slot] = null;
    // Keys restart when the socket resynchronises them: a stale timestamp is older than the request's own send.
    if (realtime >= request.sentAtBefore && realtime - request.sentAtBefore < MAX_TRANSMIT_DELAY_NANOS) {
      request.sentAtKernel = realtime;
    }
  }

  /** A message from the socket: an answer to one of our requests, or something to ignore. */
  void received(IcmpMessage message) {
    if (checkIdentifier && message.identifier() != identifier || !message.payloadIntact()) {
      return;
    }
    Destination destination = destinations.get(message.probeDestination());
    Request request = destination == null ? null : destination.outstanding(message.sequence());
    if (request == null || !request.sent) {
      return;
    }
    Exchange exchange = request.exchange;
    boolean echoReply = message.kind() == ReplyKind.ECHO_REPLY;
    if (echoReply ? message.payloadBytes() != exchange.payloadBytes : message.payloadBytes() > exchange.payloadBytes) {
      return;
    }
    if (!echoReply && !exchange.trace) {
      return;
    }
    IcmpMessage previous = request.answer;
    if (previous != null && (previous.kind() == ReplyKind.ECHO_REPLY || !echoReply)) {
      return;
    }
    if (previous == null) {
      exchange.unanswered--;
    }
    request.answer = message;
    if (!exchange.touched) {
      exchange.touched = true;
      touched.add(exchange);
    }
  }

  /**
   * Completes the exchanges that have every answer they wait for. Called after each read of the socket, once the
   * transmit timestamps that came with it are in.
   */
  void settle() {
    for (Exchange exchange : touched) {
      exchange.touched = false;
      if (!exchange.done() && exchange.settled()) {
        complete(exchange);
      }
    }
    touched.clear();
  }

  /**
   * Completes with what they have the exchanges whose deadline is not after {@code now} ({@link System#nanoTime()}).
   */
  void expire(long now) {
    while (!deadlines.isEmpty() && deadlines.peek().at - now <= 0) {
      Exchange exchange = deadlines.poll().exchange;
      if (exchange != null) {
        complete(exchange);
      }
    }
  }

  /** @return the earliest deadline of an open exchange ({@link System#nanoTime()}), or empty when none waits */
  Optional<Long> nextDeadline() {
    while (!deadlines.isEmpty() && deadlines.peek().exchange == null) {
      deadlines.poll();
    }
    return deadlines.isEmpty() ? Optional.empty() : Optional.of(deadlines.peek().at);
  }

  /** Completes every open exchange with what it has: the socket is closing. */
  void finishAll() {
    Set<Exchange> open = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Destination destination : destinations.values()) {
      for (Request request : destination.all()) {
        open.add(request.exchange);
      }
    }
    open.forEach(this::complete);
  }

  private void complete(Exchange exchange) {
    forget(exchange);
    List<Optional<Answer>> answers = new ArrayList<>(exchange.requests.length);
    for (Request request : exchange.requests) {
      answers.add(answer(request));
    }
    exchange.result.complete(answers);
  }

  private void fail(Exchange exchange, String reason) {
    forget(exchange);
    exchange.result.completeExceptionally(new IcmpSendException(reason));
  }

  private static Optional<Answer> answer(Request request) {
    IcmpMessage message = request.answer;
    if (message == null) {
      return Optional.empty();
    }
    long sentAt = request.sentAtKernel != 0 ? request.sentAtKernel : request.sentAtBefore;
    long rtt = message.receivedAt() - sentAt;
    long bound = message.readAt() - request.sentAtMonotonic;
    if (rtt < 0 || rtt > bound + CLOCK_SLACK_NANOS) {
      rtt = Math.max(0, bound);
    }
    return rtt <= request.exchange.timeoutNanos
        ? Optional.of(new Answer(message.kind(), message.from(), rtt, message.hopLimit()))
        : Optional.empty();
  }

  private void forget(Exchange exchange) {
    if (exchange.deadline != null) {
      exchange.deadline.exchange = null;
    }
    Destination destination = destinations.get(exchange.destination);
    if (destination == null) {
      return;
    }
    for (Request request : exchange.requests) {
      if (request.sequence >= 0) {
        destination.remove(request);
      }
    }
    dropIfUnused(exchange.destination, destination);
  }

  private void dropIfUnused(InetAddress address, Destination destination) {
    if (destination.unused()) {
      destinations.remove(address);
    }
  }
}
