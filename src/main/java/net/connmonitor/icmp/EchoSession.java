package net.connmonitor.icmp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One host's use of an ICMP channel, for one destination address. */
public final class EchoSession implements AutoCloseable {

  private final IcmpChannel channel;
  private final InetAddress destination;
  private final Departure departure;

  EchoSession(IcmpChannel channel, InetAddress destination, Departure departure) {
    this.channel = channel;
    this.destination = destination;
    this.departure = departure;
  }

  public InetAddress destination() {
    return destination;
  }

  /**
   * Sends {@code count} echo requests back to back and collects their answers.
   *
   * @return one element per request, in sending order: empty when no echo reply came within {@code timeout} of
   *     that request's sending; completes on the channel's event loop once every request is answered or the timeout
   *     has passed since the last one was sent; fails with {@link IcmpSendException} when a request cannot leave
   *     this machine
   */
  public CompletionStage<List<Optional<Answer>>> exchange(int count, int payloadBytes, Duration timeout) {
    return start(Exchange.burst(destination, departure, count, payloadBytes, timeout.toNanos()));
  }

  /**
   * Sends one echo request for each hop limit from 1 to {@code maxHops}, all at once, and collects what answers
   * them: time-exceeded messages from the routers on the way, then the destination's echo replies (or an
   * unreachable).
   *
   * @return one element per hop limit, nearest first: empty when nothing answered within {@code timeout};
   *     completes once the nearest answer that {@linkplain Answer#endsRoute() ends the route} and every answer
   *     before it are in, or when the timeout has passed
   */
  public CompletionStage<List<Optional<Answer>>> trace(int maxHops, int payloadBytes, Duration timeout) {
    return start(Exchange.trace(destination, departure, maxHops, payloadBytes, timeout.toNanos()));
  }

  private CompletionStage<List<Optional<Answer>>> start(Exchange exchange) {
    channel.execute(() -> channel.start(exchange));
    return exchange.result;
  }

  @Override
  public void close() {
    channel.execute(() -> channel.closeSession(destination));
  }
}
