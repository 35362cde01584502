package net.connmonitor.icmp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends the echo requests of exchanges and hands each answer to the request it answers, by destination address,
 * sequence number and (on a raw socket, which sees every ICMP packet of the machine) identifier. Strangers,
 * duplicates and late answers fall through. Every method runs on the channel's event loop.
 */
final class EchoDispatcher extends SimpleChannelInboundHandler<IcmpMessage> {

  private final Map<InetAddress, Destination> destinations = new HashMap<>();
  private final int identifier;
  private final boolean checkIdentifier;
  private Channel channel;

  /**
   * @param identifier      the echo identifier to send (a ping socket replaces it with its own)
   * @param checkIdentifier whether answers must carry it: true on a raw socket
   */
  EchoDispatcher(int identifier, boolean checkIdentifier) {
    this.identifier = identifier;
    this.checkIdentifier = checkIdentifier;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  void open(InetAddress address) {
    destinations.computeIfAbsent(address, a -> new Destination()).sessions++;
  }

  void close(InetAddress address) {
    Destination destination = destinations.get(address);
    if (destination != null && --destination.sessions <= 0 && destination.unused()) {
      destinations.remove(address);
    }
  }

  void start(Exchange exchange) {
    Destination destination = destinations.computeIfAbsent(exchange.destination, a -> new Destination());
    for (int position = 0; position < exchange.size(); position++) {
      int index = exchange.indexSentAt(position);
      int sequence = destination.allocate();
      if (sequence < 0) {
        written(exchange, index, false);
      } else {
        destination.outstanding.put(sequence, new Destination.Outstanding(exchange, index));
        send(exchange, index, sequence);
      }
    }
  }

  private void send(Exchange exchange, int index, int sequence) {
    // Taken just before the write: on the event loop, writeAndFlush reaches sendmsg without a hop.
    exchange.sending(index, sequence, System.nanoTime());
    ChannelFuture write = channel.writeAndFlush(
        new EchoRequest(exchange.destination, identifier, sequence, exchange.payloadBytes, exchange.hopLimit(index)));
    if (write.isDone()) {
      written(exchange, index, write.isSuccess());
    } else {
      write.addListener(done -> {
        exchange.sentLate(index, System.nanoTime());
        written(exchange, index, done.isSuccess());
      });
    }
  }

  /** @param sent false when the request could not be sent: it counts as lost */
  private void written(Exchange exchange, int index, boolean sent) {
    if (!sent) {
      forget(exchange, index);
      if (exchange.lost()) {
        finish(exchange);
        return;
      }
    }
    if (exchange.written() && !exchange.result.isDone()) {
      exchange.deadline(channel.eventLoop().schedule(() -> finish(exchange), exchange.timeoutNanos,
          TimeUnit.NANOSECONDS));
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, IcmpMessage message) {
    if (checkIdentifier && message.identifier() != identifier) {
      return;
    }
    Destination destination = destinations.get(message.probeDestination());
    if (destination == null) {
      return;
    }
    Destination.Outstanding outstanding = destination.outstanding.remove(message.sequence());
    if (outstanding != null && outstanding.exchange().answer(outstanding.index(), message)) {
      finish(outstanding.exchange());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A failed read of one datagram (e.g. an ICMP error queued on the socket) must not close the shared channel.
  }

  /** Completes every exchange with what it has; used when the channel closes. */
  void finishAll() {
    List<Exchange> open = new ArrayList<>();
    for (Destination destination : destinations.values()) {
      destination.outstanding.values().forEach(o -> open.add(o.exchange()));
    }
    open.forEach(this::finish);
  }

  private void finish(Exchange exchange) {
    if (exchange.result.isDone()) {
      return;
    }
    for (int index = 0; index < exchange.size(); index++) {
      forget(exchange, index);
    }
    Destination destination = destinations.get(exchange.destination);
    if (destination != null && destination.unused()) {
      destinations.remove(exchange.destination);
    }
    exchange.complete();
  }

  private void forget(Exchange exchange, int index) {
    int sequence = exchange.sequence(index);
    Destination destination = destinations.get(exchange.destination);
    if (sequence == Exchange.NOT_SENT || destination == null) {
      return;
    }
    Destination.Outstanding outstanding = destination.outstanding.get(sequence);
    if (outstanding != null && outstanding.exchange() == exchange) {
      destination.outstanding.remove(sequence);
    }
  }
}
