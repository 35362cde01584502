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
          assertEquals(PingStats.of(sent, rttsMs), stats);
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
      assertEquals(stats, PingStats.of(count, observed.get(0)));
      return stats;
    }
  }
}
