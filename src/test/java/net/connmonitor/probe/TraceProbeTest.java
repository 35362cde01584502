package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
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

/** Route traces through the routers of the test network, over IPv4 and IPv6. */
@ExtendWith({VertxExtension.class, TestNetwork.class})
class TraceProbeTest {

  private static final Duration TIMEOUT = Duration.ofMillis(800);

  private final IcmpChannels channels = new IcmpChannels();

  @AfterEach
  void close() {
    channels.close().toCompletableFuture().join();
  }

  @Test
  void theThreeRoutersThenTheTargetWhoseAnswerEndsTheTrace(Vertx vertx) throws Exception {
    assertSteps(TestNetwork.path(TestNetwork.ROUTERS_V4, TestNetwork.WEB_V4), trace(vertx, TestNetwork.WEB_V4, 30));
    assertSteps(TestNetwork.path(TestNetwork.ROUTERS_V6, TestNetwork.WEB_V6), trace(vertx, TestNetwork.WEB_V6, 30));
  }

  @Test
  void theHopLimitStopsTheTrace(Vertx vertx) throws Exception {
    assertSteps(TestNetwork.ROUTERS_V4.subList(0, 2), trace(vertx, TestNetwork.WEB_V4, 2));
    assertSteps(TestNetwork.ROUTERS_V6.subList(0, 2), trace(vertx, TestNetwork.WEB_V6, 2));
  }

  @Test
  void aRouterThatSendsNoTimeExceededIsAStar(Vertx vertx) throws Exception {
    assertSteps(TestNetwork.path(TestNetwork.ROUTERS_V4, null, TestNetwork.FAR_V4), trace(vertx, TestNetwork.FAR_V4, 30));
    assertSteps(TestNetwork.path(TestNetwork.ROUTERS_V6, null, TestNetwork.FAR_V6), trace(vertx, TestNetwork.FAR_V6, 30));
  }

  @Test
  void aSilentDestinationTakesOneTimeoutNotOnePerHop(Vertx vertx) throws Exception {
    for (String dead : List.of(TestNetwork.DEAD_V4, TestNetwork.DEAD_V6)) {
      long start = System.nanoTime();
      Trace trace = trace(vertx, dead, 8);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(8, trace.steps().size(), trace.toString());
      assertEquals(3, trace.route().size(), trace.toString());
      assertTrue(trace.steps().subList(3, 8).stream().noneMatch(TraceStep::answered), trace.toString());
      // All eight hop limits are in flight at once: about one timeout, where one at a time would take eight.
      assertTrue(tookMs >= TIMEOUT.toMillis() && tookMs < 2 * TIMEOUT.toMillis(), dead + " took " + tookMs + " ms");
    }
  }

  @Test
  void onThePathToTheLossyHostOnlyTheLastHopLoses(Vertx vertx) throws Exception {
    int traces = 30;
    HopStatistics statistics = new HopStatistics(traces);
    OptionalInt[] endHop = {OptionalInt.empty()};
    // As a host's traces go: through the filter of route changes, whose known route says where the route ends.
    RouteChangeFilter filter = new RouteChangeFilter(trace -> { }, (trace, changed, hops) -> {
      statistics.add(trace);
      endHop[0] = hops;
    });
    for (int run = 0; run < traces; run++) {
      filter.accept(trace(vertx, TestNetwork.LOSSY_V4, 8));
    }
    List<HopStats> hops = statistics.hops(endHop[0]);
    hops.forEach(hop -> System.out.printf("hop %d %s: %d of %d lost, last %.3f avg %.3f best %.3f worst %.3f std %.3f"
        + " ms%n", hop.hop(), hop.address(), hop.lost(), hop.sent(), hop.lastMs(), hop.avgMs(), hop.bestMs(),
        hop.worstMs(), hop.stdMs()));
    assertEquals(TestNetwork.path(TestNetwork.ROUTERS_V4, TestNetwork.LOSSY_V4),
        hops.stream().map(HopStats::address).toList(), hops.toString());
    assertTrue(hops.stream().allMatch(hop -> hop.sent() == traces), hops.toString());
    assertTrue(hops.subList(0, 3).stream().allMatch(hop -> hop.lost() == 0), hops.toString());
    // 30 % of the echo requests dropped: none of 30 lost would happen once in 40,000 runs; all lost, never.
    HopStats last = hops.get(3);
    assertTrue(last.lost() > 0 && last.lost() < traces, last.toString());
    assertTrue(last.bestMs() > 0 && last.bestMs() <= last.avgMs() && last.avgMs() <= last.worstMs(), last.toString());
  }

  private Trace trace(Vertx vertx, String host, int maxHops) throws Exception {
    InetAddress address = InetAddress.getByName(host);
    Context context = vertx.getOrCreateContext();
    IcmpChannel channel = channels.channel(EventLoops.of(context), IcmpFamily.of(address))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    try (EchoSession session = channel.session(address)) {
      long start = System.nanoTime();
      Trace trace = new TraceProbe(session, maxHops, TIMEOUT, context).run()
          .toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
      System.out.printf("trace to %s (hops=%d) took %.3f ms: %s%n", host, maxHops,
          (System.nanoTime() - start) / 1e6, trace.steps());
      return trace;
    }
  }

  /** Every step answered, by these addresses in this order; null stands for a silent step. */
  private static void assertSteps(List<String> expected, Trace trace) {
    assertEquals(expected, trace.steps().stream().map(TraceStep::address).toList(), trace.toString());
    assertTrue(trace.steps().stream().filter(TraceStep::answered).allMatch(step -> step.rttMs() > 0), trace.toString());
  }


}
