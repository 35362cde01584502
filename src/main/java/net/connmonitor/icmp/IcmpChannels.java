package net.connmonitor.icmp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The monitor's ICMP channels, one per address family, opened when a host first needs one. They share one epoll
 * event loop of their own, so round-trip times are not delayed by other work.
 */
public final class IcmpChannels {

  private static final int WARM_UP_BURSTS = 20;
  private static final int WARM_UP_REQUESTS = 10;
  private static final int WARM_UP_PAYLOAD = 56;
  /** A loopback trace of 30 hops sends 30 probes and reads 30 echo replies: the path a real trace takes. */
  private static final int WARM_UP_HOPS = 30;
  private static final Duration WARM_UP_TIMEOUT = Duration.ofMillis(50);

  private final Map<IcmpFamily, IcmpChannel> channels = new EnumMap<>(IcmpFamily.class);
  private EventLoopGroup group;

  /** Opens the family's channel on first use; blocks while doing so, so call it from a worker thread. */
  public synchronized IcmpChannel channel(IcmpFamily family) throws IcmpUnavailableException {
    IcmpChannel channel = channels.get(family);
    if (channel == null) {
      if (group == null) {
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("connmonitor-icmp", true),
            EpollIoHandler.newFactory());
      }
      channel = IcmpChannel.open(family, group);
      warmUp(channel);
      channels.put(family, channel);
    }
    return channel;
  }

  /**
   * The first exchanges in a fresh JVM load, link and interpret the whole send and receive path: a host's first
   * burst would read tens of milliseconds on loopback. A few exchanges with the family's own loopback address
   * pay that before any host measures, for pings and traces; if loopback does not answer, the first one's short
   * timeout ends them.
   */
  private static void warmUp(IcmpChannel channel) {
    try (EchoSession session = channel.session(channel.family().loopback())) {
      for (int burst = 0; burst < WARM_UP_BURSTS; burst++) {
        if (allLost(session.exchange(WARM_UP_REQUESTS, WARM_UP_PAYLOAD, WARM_UP_TIMEOUT))) {
          return;
        }
        if (session.traceUnavailableReason().isEmpty()
            && allLost(session.trace(WARM_UP_HOPS, WARM_UP_PAYLOAD, WARM_UP_TIMEOUT))) {
          return;
        }
      }
    }
  }

  private static boolean allLost(CompletionStage<List<Optional<Answer>>> exchange) {
    return exchange.toCompletableFuture().join().stream().allMatch(Optional::isEmpty);
  }

  /** Closes every socket and stops the event loop. */
  public synchronized CompletionStage<Void> close() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    if (group == null) {
      closed.complete(null);
      return closed;
    }
    channels.values().forEach(IcmpChannel::close);
    channels.clear();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(f -> closed.complete(null));
    group = null;
    return closed;
  }
}
