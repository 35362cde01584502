package net.connmonitor.icmp;

import java.util.ArrayDeque;
import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;

/**
 * Writes a socket's queued echo requests with {@code sendmmsg}, a batch a call, each with its destination, its hop
 * limit and its departure (source, interface, traffic class) as control messages, and tells the matcher when each left
 * and which transmit timestamp key it will carry. Confined to the socket's event loop.
 */
final class RequestWriter {

  private final IcmpSocket socket;
  private final IcmpCodec codec;
  private final int identifier;
  private MessageBatch batch = MessageBatch.forDatagrams(0, ControlMessages.SEND_SPACE);
  private Request[] sending = new Request[batch.capacity];
  private long nextTimestampKey;

  RequestWriter(IcmpSocket socket, IcmpCodec codec, int identifier) {
    this.socket = socket;
    this.codec = codec;
    this.identifier = identifier;
  }

  /** Grows the data slots so that a request of {@code payloadBytes} fits whole. */
  void fit(int payloadBytes) {
    int request = IcmpCodec.ICMP_HEADER + payloadBytes;
    if (request > batch.dataSize) {
      batch = MessageBatch.forDatagrams(request, ControlMessages.SEND_SPACE);
      sending = new Request[batch.capacity];
    }
  }

  /**
   * Sends one batch of the queued requests. Without transmit timestamps each request gets its own send call, so
   * that the time read before the call is its own.
   *
   * @return false when the socket's buffer is full: the batch's rest is back at the head of the queue
   */
  boolean writeBatch(ArrayDeque<Request> unsent, EchoMatcher matcher) {
    int count = fill(unsent, socket.transmitTimestamps ? batch.capacity : 1);
    int next = 0;
    while (next < count) {
      long realtime = RealTime.nanos();
      long monotonic = System.nanoTime();
      int sent = LibC.sendmmsg(socket.fd, batch.messages(next), count - next, 0);
      if (sent > 0) {
        for (int i = next; i < next + sent; i++) {
          matcher.sent(sending[i], realtime, monotonic,
              socket.transmitTimestamps ? nextTimestampKey++ : Request.NO_KEY);
        }
        next += sent;
        continue;
      }
      int errno = LibC.errno();
      if (errno == Linux.EINTR) {
        continue;
      }
      restartTimestampKeys();
      if (errno == Linux.EAGAIN || errno == Linux.ENOBUFS || errno == Linux.ENOMEM) {
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

  /** Encodes up to {@code limit} queued requests of open exchanges into the batch. */
  private int fill(ArrayDeque<Request> unsent, int limit) {
    int count = 0;
    while (count < limit && !unsent.isEmpty()) {
      Request request = unsent.poll();
      Exchange exchange = request.exchange;
      if (exchange.done()) {
        continue;
      }
      int nameLength = SocketAddresses.write(batch.memory.host, batch.memory.network, batch.name(count),
          exchange.destination, exchange.destinationBytes, socket.family);
      int length = codec.encode(batch.memory.network, batch.data(count), exchange.destinationBytes, identifier,
          request.sequence, exchange.payloadBytes);
      IcmpFamily family = socket.family;
      int control = batch.control(count);
      int controlLength = 0;
      if (request.hopLimit() > 0) {
        controlLength = ControlMessages.writeInt(batch.memory, control, family, family.hopLimitMessage,
            request.hopLimit());
      }
      if (!exchange.departure.anyPlace()) {
        controlLength += ControlMessages.writePacketInfo(batch.memory, control + controlLength, family,
            exchange.departure);
      }
      if (exchange.departure.trafficClass() != 0) {
        controlLength += ControlMessages.writeInt(batch.memory, control + controlLength, family,
            family.trafficClassMessage, exchange.departure.trafficClass());
      }
      batch.prepareSend(count, nameLength, length, controlLength);
      sending[count++] = request;
    }
    return count;
  }

  /** A failed send may or may not have used a timestamp key: start the count again from a known value. */
  private void restartTimestampKeys() {
    if (socket.transmitTimestamps) {
      socket.restartTimestampKeys();
      nextTimestampKey = 0;
    }
  }
}
