package net.connmonitor.icmp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One host's use of the shared ICMP channel of its address family, for one destination address. */
public final class EchoSession implements AutoCloseable {

  private final IcmpChannel channel;
  private final InetAddress destination;

  EchoSession(IcmpChannel channel, InetAddress destination) {
    this.channel = channel;
    this.destination = destination;
  }

  public InetAddress destination() {
    return destination;
  }

  /**
   * Sends {@code count} echo requests back to back and collects their answers.
   *
   * @return one element per request, in sending order: empty when nothing answered within {@code timeout} of
   *     that request's sending; completes on the channel's event loop once every request is answered or the
   *     timeout has passed since the last one was sent
   */
  public CompletionStage<List<Optional<Answer>>> exchange(int count, int payloadBytes, Duration timeout) {
    Exchange exchange = new Exchange(destination, count, payloadBytes, timeout.toNanos());
    channel.execute(dispatcher -> dispatcher.start(exchange));
    return exchange.result;
  }

  @Override
  public void close() {
    channel.execute(dispatcher -> dispatcher.close(destination));
  }
}
