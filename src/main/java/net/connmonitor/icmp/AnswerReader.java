package net.connmonitor.icmp;

import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.net.InetAddress;
import java.util.concurrent.atomic.LongAdder;
import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;

/**
 * Reads what the kernel queued on a socket with {@code recvmmsg}: the error queue first (transmit timestamps, and
 * the routers' errors a ping socket gets there), then the answers with their receive timestamps, and hands it all
 * to the matcher. Confined to the socket's event loop.
 */
final class AnswerReader {

  /** Reads per call before the loop turns to its other work; level-triggered epoll calls again if more wait. */
  private static final int MAX_BATCHES = 16;
  /** IPv4 header with options, in front of what a raw IPv4 socket reads. */
  private static final int MAX_IP_HEADER = 60;
  /** Sources of answers kept for reuse: far beyond the hosts one socket serves. */
  private static final int SOURCES_KEPT = 1 << 16;

  private final IcmpSocket socket;
  private final IcmpCodec codec;
  private final LongAdder droppedAnswers;
  private final ControlMessages control = new ControlMessages();
  private final IntObjectMap<InetAddress> sources = new IntObjectHashMap<>();
  private MessageBatch batch = MessageBatch.forDatagrams(0, ControlMessages.RECEIVE_SPACE);
  private long kernelDrops;

  /** @param droppedAnswers where the answers the kernel dropped for want of room are counted */
  AnswerReader(IcmpSocket socket, IcmpCodec codec, LongAdder droppedAnswers) {
    this.socket = socket;
    this.codec = codec;
    this.droppedAnswers = droppedAnswers;
  }

  /** Grows the data slots so that the answer to a request of {@code payloadBytes} fits whole. */
  void fit(int payloadBytes) {
    int answer = MAX_IP_HEADER + IcmpCodec.ICMP_HEADER + payloadBytes;
    if (answer > batch.dataSize) {
      batch = MessageBatch.forDatagrams(answer, ControlMessages.RECEIVE_SPACE);
    }
  }

  /** Takes in everything queued, errors first, and settles what is complete. */
  void read(EchoMatcher matcher) {
    for (int round = 0; round < MAX_BATCHES; round++) {
      int count = receive(Linux.MSG_ERRQUEUE);
      long readAt = System.nanoTime();
      for (int i = 0; i < count; i++) {
        queued(i, readAt, matcher);
      }
      if (count < batch.capacity) {
        break;
      }
    }
    for (int round = 0; round < MAX_BATCHES; round++) {
      int count = receive(0);
      long readAt = System.nanoTime();
      long realtime = RealTime.nanos();
      for (int i = 0; i < count; i++) {
        answer(i, readAt, realtime, matcher);
      }
      if (count < batch.capacity) {
        break;
      }
    }
    matcher.settle();
  }

  /** @return how many datagrams were read, 0 when none waits */
  private int receive(int flags) {
    // A socket error left by an ICMP error fails one read and is cleared by it: try again once.
    for (int attempt = 0; attempt < 2; attempt++) {
      batch.prepareReceive(batch.capacity);
      int count = LibC.recvmmsg(socket.fd, batch.messages(0), batch.capacity, flags | Linux.MSG_DONTWAIT, 0);
      if (count >= 0) {
        return count;
      }
      if (LibC.errno() == Linux.EAGAIN) {
        return 0;
      }
    }
    return 0;
  }

  /** A datagram of the error queue: a transmit timestamp, or a router's error about a request of a ping socket. */
  private void queued(int i, long readAt, EchoMatcher matcher) {
    control.parse(batch.memory.host, batch.control(i), batch.controlLength(i), socket.family);
    if (control.errorOrigin == Linux.SO_EE_ORIGIN_TIMESTAMPING) {
      matcher.transmitted(control.errorData, control.timestamping);
    } else if (control.errorOrigin == Linux.SO_EE_ORIGIN_ICMP
        || control.errorOrigin == Linux.SO_EE_ORIGIN_ICMP6) {
      InetAddress destination = SocketAddresses.read(batch.memory.host, batch.name(i), socket.family);
      InetAddress offender = control.offender < 0 ? null
          : SocketAddresses.read(batch.memory.host, control.offender, socket.family);
      if (destination != null && offender != null && control.receivedAt() != 0) {
        IcmpMessage message = codec.decodeQueuedError(batch.memory.network, batch.data(i), batch.length(i),
            destination, control.errorType, offender, control.receivedAt(), readAt);
        if (message != null) {
          matcher.received(message);
        }
      }
    }
  }

  /** A datagram of the receive queue: an echo reply, or (raw sockets) a router's error. */
  private void answer(int i, long readAt, long realtime, EchoMatcher matcher) {
    control.parse(batch.memory.host, batch.control(i), batch.controlLength(i), socket.family);
    if (control.drops > kernelDrops) {
      droppedAnswers.add(control.drops - kernelDrops);
      kernelDrops = control.drops;
    }
    InetAddress source = SocketAddresses.read(batch.memory.host, batch.name(i), socket.family, sources, SOURCES_KEPT);
    if (source == null) {
      return;
    }
    // Always present once SO_TIMESTAMPNS is set; the read's own time only stands in, and can only be later.
    long receivedAt = control.receivedAt() != 0 ? control.receivedAt() : realtime;
    IcmpMessage message = codec.decode(batch.memory.network, batch.data(i), batch.length(i), source,
        control.hopLimit, receivedAt, readAt);
    if (message != null) {
      matcher.received(message);
    }
  }
}
