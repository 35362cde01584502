package net.connmonitor.icmp;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import net.connmonitor.log.Log;

/**
 * One ICMP socket on one Netty epoll event loop, shared by the hosts whose verticles run on that loop: the thin I/O
 * shell around an {@link EchoMatcher}, registered with the loop as an epoll handle. It queues the hosts' requests,
 * has them written in batches ({@link RequestWriter}) and reads the socket after each batch and whenever epoll says
 * ({@link AnswerReader}), and keeps a timer for the matcher's next deadline. Everything but {@link #execute} runs on
 * the loop's thread.
 */
public final class IcmpChannel implements EpollIoHandle {

  /** Batches per flush before the loop turns to its other work; the rest follows as a task of its own. */
  private static final int MAX_BATCHES_PER_FLUSH = 16;
  private static final long SEND_RETRY_MILLIS = 1;

  private final IcmpSocket socket;
  private final IoEventLoop loop;
  private final EchoMatcher matcher;
  private final RequestWriter writer;
  private final AnswerReader reader;
  private final ArrayDeque<Request> unsent = new ArrayDeque<>();
  private IoRegistration registration;
  private boolean flushQueued;
  private ScheduledFuture<?> wakeUp;
  private long wakeUpAt;
  private boolean closed;
  private boolean released;

  private IcmpChannel(IcmpSocket socket, IoEventLoop loop, int identifier, LongAdder droppedAnswers) {
    this.socket = socket;
    this.loop = loop;
    this.matcher = new EchoMatcher(identifier, socket.kind == SocketKind.RAW);
    IcmpCodec codec = new IcmpCodec(socket.family, socket.kind, PayloadPattern.random());
    this.writer = new RequestWriter(socket, codec, identifier);
    this.reader = new AnswerReader(socket, codec, droppedAnswers);
  }

  /**
   * Opens a socket and registers it with {@code loop}; call it on the loop's thread.
   *
   * @param identifier     the echo identifier of a raw socket (a ping socket's kernel chooses its own)
   * @param droppedAnswers where the answers the kernel dropped for want of room are counted
   */
  static IcmpChannel open(IcmpFamily family, IoEventLoop loop, int identifier, LongAdder droppedAnswers)
      throws IcmpUnavailableException {
    IcmpSocket socket = IcmpSocket.open(family, identifier);
    IcmpChannel channel = new IcmpChannel(socket, loop, identifier, droppedAnswers);
    io.netty.util.concurrent.Future<IoRegistration> registered = loop.register(channel);
    if (!registered.isSuccess()) {
      socket.close();
      throw new IcmpUnavailableException("cannot watch the " + family + " ICMP socket: " + registered.cause());
    }
    channel.registration = registered.getNow();
    channel.registration.submit(EpollIoOps.EPOLLIN);
    return channel;
  }

  public IcmpFamily family() {
    return socket.family;
  }

  public SocketKind kind() {
    return socket.kind;
  }

  /** A session for one host measuring {@code destination}; close it when the host stops. */
  public EchoSession session(InetAddress destination) {
    return session(destination, Departure.ANY);
  }

  /** A session for one host measuring {@code destination}, its requests leaving as {@code departure} says. */
  public EchoSession session(InetAddress destination, Departure departure) {
    execute(() -> matcher.open(destination));
    return new EchoSession(this, destination, departure);
  }

  /** Runs {@code task} on the loop's thread: at once when called there. */
  void execute(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  void closeSession(InetAddress destination) {
    matcher.close(destination);
  }

  /** Queues the exchange's requests; the loop sends them once its current task is done, with those of other hosts. */
  void start(Exchange exchange) {
    if (closed) {
      exchange.result.completeExceptionally(new IcmpSendException("the " + socket.family + " ICMP socket is closed"));
      return;
    }
    writer.fit(exchange.payloadBytes);
    reader.fit(exchange.payloadBytes);
    unsent.addAll(matcher.start(exchange));
    if (!flushQueued) {
      flushQueued = true;
      loop.execute(this::flush);
    }
  }

  /**
   * Sends what is queued, batch by batch, reading the socket after each batch: the answers to one batch are taken in
   * before the next one can add to them, so that they never outrun the reader.
   */
  private void flush() {
    flushQueued = false;
    for (int round = 0; round < MAX_BATCHES_PER_FLUSH && !unsent.isEmpty(); round++) {
      if (!writer.writeBatch(unsent, matcher)) {
        loop.schedule(this::flush, SEND_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        flushQueued = true;
        break;
      }
      reader.read(matcher);
    }
    if (!unsent.isEmpty() && !flushQueued) {
      flushQueued = true;
      loop.execute(this::flush);
    }
    scheduleWakeUp();
  }

  @Override
  public FileDescriptor fd() {
    return new FileDescriptor(socket.fd);
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    try {
      reader.read(matcher);
      scheduleWakeUp();
    } catch (RuntimeException e) {
      // An exception escaping here would stall the whole event loop for a second.
      Log.error("Icmp", socket.family + " socket: " + e);
    }
  }

  /** Keeps a timer for the earliest deadline of an open exchange. */
  private void scheduleWakeUp() {
    Optional<Long> next = matcher.nextDeadline();
    if (next.isEmpty() || wakeUp != null && wakeUpAt - next.get() <= 0) {
      return;
    }
    if (wakeUp != null) {
      wakeUp.cancel(false);
    }
    wakeUpAt = next.get();
    wakeUp = loop.schedule(this::deadline, Math.max(0, wakeUpAt - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Answers that arrived in time may still be queued: they are read before anything is declared lost. */
  private void deadline() {
    wakeUp = null;
    reader.read(matcher);
    matcher.expire(System.nanoTime());
    scheduleWakeUp();
  }

  /** Sizes the receive buffer; returns the size the kernel granted. */
  int receiveBuffer(int bytes) {
    return socket.receiveBuffer(bytes);
  }

  /** Completes what is in flight with what has arrived, then releases the socket. On the loop's thread. */
  void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    reader.read(matcher);
    matcher.finishAll();
    unsent.clear();
    if (wakeUp != null) {
      wakeUp.cancel(false);
    }
    registration.cancel();
  }

  /** Netty calls it once the socket is out of epoll, after {@link #shutdown()}. */
  @Override
  public void unregistered() {
    release();
  }

  /** Netty calls it when the loop itself shuts down with the socket still registered. */
  @Override
  public void close() {
    release();
  }

  /** Closes the descriptor exactly once: a second close could hit a descriptor number the process reused. */
  private void release() {
    if (!released) {
      released = true;
      socket.close();
    }
  }
}
