package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import net.connmonitor.icmp.EchoSession;
import net.connmonitor.icmp.IcmpChannel;
import net.connmonitor.icmp.IcmpChannels;
import net.connmonitor.icmp.IcmpFamily;
import net.connmonitor.testnet.TestNetwork;
import net.connmonitor.vertx.EventLoops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ping bursts to the namespaces of the test network: one that answers, one that drops ~30%, one that drops all. */
@ExtendWith({VertxExtension.class, TestNetwork.class})
class PingProbeTest {

  private final IcmpChannels channels = new IcmpChannels();

  @AfterEach
  void close() {
    channels.close().toCompletableFuture().join();
  }

  @Test
  void aHostThatAnswersLosesNothing(Vertx vertx) throws Exception {
    for (String host : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
      PingStats stats = burst(vertx, host, 10, Duration.ofSeconds(2));
      assertEquals(0.0, stats.loss(), host);
      assertTrue(stats.min() > 0 && stats.min() <= stats.avg() && stats.avg() <= stats.max(), stats.toString());
    }
  }

  @Test
  void aHostThatDropsEverythingIsAllLost(Vertx vertx) throws Exception {
    for (String host : List.of(TestNetwork.DEAD_V4, TestNetwork.DEAD_V6)) {
      assertEquals(PingStats.ALL_LOST, burst(vertx, host, 3, Duration.ofMillis(500)), host);
    }
  }

  @Test
  void aLossyHostShowsItsLossOverManyBursts(Vertx vertx) throws Exception {
    for (String host : List.of(TestNetwork.LOSSY_V4, TestNetwork.LOSSY_V6)) {
      // 300 requests dropped with probability 0.3: the loss is 30% ± 2.6% (one standard deviation).
      List<Double> losses = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        losses.add(burst(vertx, host, 10, Duration.ofMillis(300)).loss());
      }
      double loss = losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      assertTrue(loss > 18 && loss < 42, host + " lost " + loss + "%: " + losses);
    }
  }

  private PingStats burst(Vertx vertx, String host, int count, Duration timeout) throws Exception {
    InetAddress address = InetAddress.getByName(host);
    Context context = vertx.getOrCreateContext();
    IcmpChannel channel = channels.channel(EventLoops.of(context), IcmpFamily.of(address))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    List<List<Double>> observed = new ArrayList<>();
    try (EchoSession session = channel.session(address)) {
      Future<PingStats> burst = new PingProbe(session, count, 41, timeout, context, new BurstObserver() {
        @Override
        public void burst(int sent, List<Double> rttsMs, PingStats stats) {
          assertEquals(count, sent);
          assertEquals(PingStats.of(sent, rttsMs).withReplyTtl(stats.replyTtl()), stats);
          observed.add(rttsMs);
        }

        @Override
        public void unsent() {
          throw new AssertionError("the burst to " + host + " could not be sent");
        }
      }).run();
      PingStats stats =
          burst.toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
      // The observer saw this burst's replies, each of them.
      assertEquals(1, observed.size());
      assertEquals(stats, PingStats.of(count, observed.get(0)).withReplyTtl(stats.replyTtl()));
      return stats;
    }
  }

  /**
   * Linux answers with a TTL of 64, and each router on the way back takes one off: three. When the host starts
   * answering with another (as a host replaced by another system would), the next burst says the change. (The test
   * network's detour reroutes only the way there, so it leaves the replies' TTL alone.)
   */
  @Test
  void theReplyTtlIs64LessTheRoutersAndSaysWhenItChanges(Vertx vertx) throws Exception {
    for (String host : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
      InetAddress address = InetAddress.getByName(host);
      Context context = vertx.getOrCreateContext();
      IcmpChannel channel = channels.channel(EventLoops.of(context), IcmpFamily.of(address))
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
      try (EchoSession session = channel.session(address)) {
        PingProbe probe = new PingProbe(session, 3, 41, Duration.ofSeconds(2), context, BurstObserver.NONE);
        int routers = TestNetwork.ROUTERS_V4.size();
        assertEquals(Optional.of(new ReplyTtl(64 - routers, OptionalInt.empty())), run(probe).replyTtl(), host);
        assertEquals(Optional.of(new ReplyTtl(64 - routers, OptionalInt.empty())), run(probe).replyTtl(), host);
        initialTtl(50);
        try {
          assertEquals(Optional.of(new ReplyTtl(50 - routers, OptionalInt.of(64 - routers))), run(probe).replyTtl(),
              host);
        } finally {
          initialTtl(64);
        }
      }
    }
  }

  /** The TTL and hop limit the web host's replies start with. */
  private static void initialTtl(int ttl) throws Exception {
    Process sysctl = new ProcessBuilder("ip", "netns", "exec", TestNetwork.WEB_NAMESPACE, "sysctl", "-q", "-w",
        "net.ipv4.ip_default_ttl=" + ttl, "net.ipv6.conf.up0.hop_limit=" + ttl).inheritIO().start();
    assertEquals(0, sysctl.waitFor());
  }

  private static PingStats run(PingProbe probe) throws Exception {
    return probe.run().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
