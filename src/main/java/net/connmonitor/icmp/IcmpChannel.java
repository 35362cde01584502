package net.connmonitor.icmp;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import net.connmonitor.log.Log;
import net.connmonitor.os.LibC;

/**
 * One ICMP socket on one Netty epoll event loop, shared by the hosts whose verticles run on that loop: the thin I/O
 * shell around an {@link EchoMatcher}. It writes requests in batches with {@code sendmmsg}, each with its own hop
 * limit as a control message, and reads with {@code recvmmsg}, the error queue first (transmit timestamps, and the
 * routers' errors a ping socket gets there), then the answers with their kernel receive timestamps. Everything but
 * {@link #execute} runs on the loop's thread.
 */
public final class IcmpChannel implements EpollIoHandle {

  private static final int BATCH = 64;
  /** Reads per wake-up before the loop turns to its other work; level-triggered epoll calls again if more wait. */
  private static final int MAX_BATCHES_PER_READ = 16;
  /** Sends per flush before the loop turns to its other work; the rest follows as a task of its own. */
  private static final int MAX_BATCHES_PER_FLUSH = 16;
  private static final long SEND_RETRY_MILLIS = 1;
  private static final int MSG_DONTWAIT = 0x40;
  private static final int MSG_ERRQUEUE = 0x2000;
  /** Smallest data slot: an ICMP error quotes up to 576 (IPv4) or 1280 (IPv6) bytes of the packet it is about. */
  private static final int MIN_RECEIVE_SLOT = 2048;
  /** Batches are made smaller for large payloads, so that a socket's buffers stay within about this. */
  private static final int BATCH_MEMORY = 1 << 20;
  /** IPv4 header with options, in front of what a raw IPv4 socket reads. */
  private static final int MAX_IP_HEADER = 60;
  /** Room for a hop limit (24 bytes) and an IPv6 packet info (40) as control messages. */
  private static final int CONTROL = 64;
  private static final int HOP_LIMIT_SPACE = 24;

  private final IcmpSocket socket;
  private final IoEventLoop loop;
  private final EchoMatcher matcher;
  private final IcmpCodec codec;
  private final int identifier;
  private final LongAdder droppedAnswers;
  private final ControlMessages control = new ControlMessages();
  private final ArrayDeque<Request> unsent = new ArrayDeque<>();
  private MessageBatch receive = new MessageBatch(BATCH, MIN_RECEIVE_SLOT, ControlMessages.SPACE);
  private MessageBatch send = new MessageBatch(BATCH, MIN_RECEIVE_SLOT, CONTROL);
  private Request[] sending = new Request[BATCH];
  private IoRegistration registration;
  private long nextTimestampKey;
  private long kernelDrops;
  private boolean flushQueued;
  private ScheduledFuture<?> wakeUp;
  private long wakeUpAt;
  private boolean closed;
  private boolean released;

  private IcmpChannel(IcmpSocket socket, IoEventLoop loop, int identifier, LongAdder droppedAnswers) {
    this.socket = socket;
    this.loop = loop;
    this.identifier = identifier;
    this.droppedAnswers = droppedAnswers;
    this.matcher = new EchoMatcher(identifier, socket.kind == SocketKind.RAW);
    this.codec = new IcmpCodec(socket.family, socket.kind, PayloadPattern.random());
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
    fitBuffers(exchange.payloadBytes);
    unsent.addAll(matcher.start(exchange));
    if (!flushQueued) {
      flushQueued = true;
      loop.execute(this::flush);
    }
  }

  /** Grows the batches' data slots so that the largest request, and its answer, fit whole. */
  private void fitBuffers(int payloadBytes) {
    int request = IcmpCodec.ICMP_HEADER + payloadBytes;
    if (request > send.dataSize) {
      send = new MessageBatch(batchFor(request), request, CONTROL);
    }
    int answer = MAX_IP_HEADER + request;
    if (answer > receive.dataSize) {
      receive = new MessageBatch(batchFor(answer), answer, ControlMessages.SPACE);
    }
    if (sending.length < send.capacity) {
      sending = new Request[send.capacity];
    }
  }

  private static int batchFor(int slot) {
    return Math.max(1, Math.min(BATCH, BATCH_MEMORY / slot));
  }

  /**
   * Sends what is queued, batch by batch, reading the socket after each batch: the answers to one batch are taken in
   * before the next one can add to them, so that they never outrun the reader.
   */
  private void flush() {
    flushQueued = false;
    // Without transmit timestamps each request gets its own send call, so that the time read before it is its own.
    int batch = socket.transmitTimestamps ? send.capacity : 1;
    for (int round = 0; round < MAX_BATCHES_PER_FLUSH && !unsent.isEmpty(); round++) {
      int count = fill(batch);
      if (count > 0 && !sendBatch(count)) {
        loop.schedule(this::flush, SEND_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        flushQueued = true;
        break;
      }
      read();
    }
    if (!unsent.isEmpty() && !flushQueued) {
      flushQueued = true;
      loop.execute(this::flush);
    }
    scheduleWakeUp();
  }

  /** Encodes up to {@code limit} queued requests into the send batch. */
  private int fill(int limit) {
    int count = 0;
    while (count < limit && !unsent.isEmpty()) {
      Request request = unsent.poll();
      Exchange exchange = request.exchange;
      if (exchange.done()) {
        continue;
      }
      int nameLength = SocketAddresses.write(send.memory.host, send.memory.network, send.name(count),
          exchange.destination, exchange.destinationBytes, socket.family);
      int length = codec.encode(send.memory.network, send.data(count), identifier, request.sequence,
          exchange.payloadBytes);
      int controlLength = 0;
      if (request.hopLimit() > 0) {
        int at = send.control(count);
        send.memory.host.putLong(at, 20);
        send.memory.host.putInt(at + 8, socket.family.ipLevel);
        send.memory.host.putInt(at + 12, socket.family.hopLimitMessage);
        send.memory.host.putInt(at + 16, request.hopLimit());
        controlLength = HOP_LIMIT_SPACE;
      }
      if (!exchange.departure.isAny()) {
        controlLength += packetInfo(send.control(count) + controlLength, exchange.departure);
      }
      send.prepareSend(count, nameLength, length, controlLength);
      sending[count++] = request;
    }
    return count;
  }

  /**
   * Writes {@code struct in_pktinfo} (its source and interface; the kernel takes the source from ipi_spec_dst) or
   * {@code struct in6_pktinfo} as a control message at {@code at}.
   *
   * @return the space it takes
   */
  private int packetInfo(int at, Departure departure) {
    boolean v4 = socket.family == IcmpFamily.V4;
    int dataLength = v4 ? 12 : 20;
    send.memory.host.putLong(at, 16 + dataLength);
    send.memory.host.putInt(at + 8, socket.family.ipLevel);
    send.memory.host.putInt(at + 12, socket.family.packetInfo);
    int data = at + 16;
    for (int i = 0; i < dataLength; i++) {
      send.memory.host.put(data + i, (byte) 0);
    }
    byte[] source = departure.source().map(InetAddress::getAddress).orElse(null);
    if (v4) {
      send.memory.host.putInt(data, departure.interfaceIndex());
      if (source != null) {
        send.memory.network.put(data + 4, source);
      }
    } else {
      if (source != null) {
        send.memory.network.put(data, source);
      }
      send.memory.host.putInt(data + 16, departure.interfaceIndex());
    }
    return (16 + dataLength + 7) & ~7;
  }

  /** @return false when the socket's buffer is full: the rest waits in the queue for a retry */
  private boolean sendBatch(int count) {
    int next = 0;
    while (next < count) {
      long realtime = realtimeNanos();
      long monotonic = System.nanoTime();
      int sent = LibC.sendmmsg(socket.fd, send.messages(next), count - next, 0);
      if (sent > 0) {
        for (int i = next; i < next + sent; i++) {
          matcher.sent(sending[i], realtime, monotonic,
              socket.transmitTimestamps ? nextTimestampKey++ : Request.NO_KEY);
        }
        next += sent;
        continue;
      }
      int errno = LibC.errno();
      if (errno == LibC.EINTR) {
        continue;
      }
      restartTimestampKeys();
      if (errno == LibC.EAGAIN || errno == LibC.ENOBUFS || errno == LibC.ENOMEM) {
        for (int i = count - 1; i >= next; i--) {
          unsent.addFirst(sending[i]);
        }
        return false;
      }
      Request failed = sending[next++];
      matcher.notSent(failed, "cannot send an echo request to "
          + failed.exchange.destination.getHostAddress() + ": " + LibC.describe(errno));
    }
    return true;
  }

  /** A failed send may or may not have used a timestamp key: start the count again from a known value. */
  private void restartTimestampKeys() {
    if (socket.transmitTimestamps) {
      socket.restartTimestampKeys();
      nextTimestampKey = 0;
    }
  }

  @Override
  public FileDescriptor fd() {
    return new FileDescriptor(socket.fd);
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    try {
      read();
      scheduleWakeUp();
    } catch (RuntimeException e) {
      // An exception escaping here would stall the whole event loop for a second.
      Log.error("Icmp", socket.family + " socket: " + e);
    }
  }

  /** Takes in everything the kernel queued: transmit timestamps and errors, then answers; settles what is complete. */
  private void read() {
    for (int round = 0; round < MAX_BATCHES_PER_READ; round++) {
      int count = receive(MSG_ERRQUEUE);
      long readAt = System.nanoTime();
      for (int i = 0; i < count; i++) {
        queued(i, readAt);
      }
      if (count < receive.capacity) {
        break;
      }
    }
    for (int round = 0; round < MAX_BATCHES_PER_READ; round++) {
      int count = receive(0);
      long readAt = System.nanoTime();
      long realtime = realtimeNanos();
      for (int i = 0; i < count; i++) {
        answer(i, readAt, realtime);
      }
      if (count < receive.capacity) {
        break;
      }
    }
    matcher.settle();
  }

  /** @return how many datagrams were read, 0 when none waits */
  private int receive(int flags) {
    // A socket error left by an ICMP error fails one read and is cleared by it: try again once.
    for (int attempt = 0; attempt < 2; attempt++) {
      receive.prepareReceive(receive.capacity);
      int count = LibC.recvmmsg(socket.fd, receive.messages(0), receive.capacity, flags | MSG_DONTWAIT, 0);
      if (count >= 0) {
        return count;
      }
      if (LibC.errno() == LibC.EAGAIN) {
        return 0;
      }
    }
    return 0;
  }

  /** A datagram of the error queue: a transmit timestamp, or a router's error about a request of a ping socket. */
  private void queued(int i, long readAt) {
    control.parse(receive.memory.host, receive.control(i), receive.controlLength(i), socket.family);
    if (control.errorOrigin == ControlMessages.ORIGIN_TIMESTAMPING) {
      matcher.transmitted(control.errorData, control.timestamping);
    } else if (control.errorOrigin == ControlMessages.ORIGIN_ICMP
        || control.errorOrigin == ControlMessages.ORIGIN_ICMP6) {
      InetAddress destination = SocketAddresses.read(receive.memory.host, receive.name(i), socket.family);
      InetAddress offender = control.offender < 0 ? null
          : SocketAddresses.read(receive.memory.host, control.offender, socket.family);
      if (destination != null && offender != null && control.receivedAt() != 0) {
        IcmpMessage message = codec.decodeQueuedError(receive.memory.network, receive.data(i), receive.length(i),
            destination, control.errorType, offender, control.receivedAt(), readAt);
        if (message != null) {
          matcher.received(message);
        }
      }
    }
  }

  /** A datagram of the receive queue: an echo reply, or (raw sockets) a router's error. */
  private void answer(int i, long readAt, long realtime) {
    control.parse(receive.memory.host, receive.control(i), receive.controlLength(i), socket.family);
    if (control.drops > kernelDrops) {
      droppedAnswers.add(control.drops - kernelDrops);
      kernelDrops = control.drops;
    }
    InetAddress source = SocketAddresses.read(receive.memory.host, receive.name(i), socket.family);
    if (source == null) {
      return;
    }
    // Always present once SO_TIMESTAMPNS is set; the read's own time only stands in, and can only be later.
    long receivedAt = control.receivedAt() != 0 ? control.receivedAt() : realtime;
    IcmpMessage message = codec.decode(receive.memory.network, receive.data(i), receive.length(i), source,
        receivedAt, readAt);
    if (message != null) {
      matcher.received(message);
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
    read();
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
    read();
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

  private static long realtimeNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
