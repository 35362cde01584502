package net.connmonitor.icmp;

import java.net.InetAddress;
import java.util.ArrayDeque;
import net.connmonitor.os.LibC;

/**
 * Writes a socket's queued echo requests with {@code sendmmsg}, a batch a call, each with its destination, its hop
 * limit and its departure (source, interface, traffic class) as control messages, and tells the matcher when each left
 * and which transmit timestamp key it will carry. Confined to the socket's event loop.
 */
final class RequestWriter {

  private static final int BATCH = 64;
  /** Batches are made smaller for large payloads, so that the buffers stay within about this. */
  private static final int BATCH_MEMORY = 1 << 20;
  private static final int MIN_SLOT = 2048;
  /** Room for a hop limit (24 bytes), an IPv6 packet info (40) and a traffic class (24) as control messages. */
  private static final int CONTROL = 88;
  /** A control message of one int. */
  private static final int INT_SPACE = 24;

  private final IcmpSocket socket;
  private final IcmpCodec codec;
  private final int identifier;
  private MessageBatch batch = new MessageBatch(BATCH, MIN_SLOT, CONTROL);
  private Request[] sending = new Request[BATCH];
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
      batch = new MessageBatch(batchFor(request), request, CONTROL);
      sending = new Request[batch.capacity];
    }
  }

  static int batchFor(int slot) {
    return Math.max(1, Math.min(BATCH, BATCH_MEMORY / slot));
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
      int controlLength = 0;
      if (request.hopLimit() > 0) {
        controlLength = intMessage(batch.control(count), socket.family.hopLimitMessage, request.hopLimit());
      }
      if (!exchange.departure.anyPlace()) {
        controlLength += packetInfo(batch.control(count) + controlLength, exchange.departure);
      }
      if (exchange.departure.trafficClass() != 0) {
        controlLength += intMessage(batch.control(count) + controlLength, socket.family.trafficClassMessage,
            exchange.departure.trafficClass());
      }
      batch.prepareSend(count, nameLength, length, controlLength);
      sending[count++] = request;
    }
    return count;
  }

  /**
   * An int of one datagram, such as its TTL or hop limit, or its TOS or traffic class, as a control message at
   * {@code at}; returns the space it takes.
   */
  private int intMessage(int at, int type, int value) {
    batch.memory.host.putLong(at, 20);
    batch.memory.host.putInt(at + 8, socket.family.ipLevel);
    batch.memory.host.putInt(at + 12, type);
    batch.memory.host.putInt(at + 16, value);
    return INT_SPACE;
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
    batch.memory.host.putLong(at, 16 + dataLength);
    batch.memory.host.putInt(at + 8, socket.family.ipLevel);
    batch.memory.host.putInt(at + 12, socket.family.packetInfo);
    int data = at + 16;
    for (int i = 0; i < dataLength; i++) {
      batch.memory.host.put(data + i, (byte) 0);
    }
    byte[] source = departure.source().map(InetAddress::getAddress).orElse(null);
    if (v4) {
      batch.memory.host.putInt(data, departure.interfaceIndex());
      if (source != null) {
        batch.memory.network.put(data + 4, source);
      }
    } else {
      if (source != null) {
        batch.memory.network.put(data, source);
      }
      batch.memory.host.putInt(data + 16, departure.interfaceIndex());
    }
    return (16 + dataLength + 7) & ~7;
  }

  /** A failed send may or may not have used a timestamp key: start the count again from a known value. */
  private void restartTimestampKeys() {
    if (socket.transmitTimestamps) {
      socket.restartTimestampKeys();
      nextTimestampKey = 0;
    }
  }
}
