package net.connmonitor.icmp;

import static net.connmonitor.icmp.IcmpCodecTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.NetworkNamespace;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both kinds of socket on the test network: a raw socket from the machine's own namespace, and an unprivileged ping
 * socket from {@code cmt-web}, where every group may open one (an event loop whose thread lives in that namespace).
 */
@ExtendWith(TestNetwork.class)
class IcmpOnTheTestNetworkTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final long BUSY_MS = 80;

  private final IcmpChannels channels = new IcmpChannels();
  private EventLoopGroup rootLoop;
  private EventLoopGroup webLoop;

  @BeforeEach
  void loops() {
    rootLoop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    webLoop = new MultiThreadIoEventLoopGroup(1, NetworkNamespace.threads(TestNetwork.WEB_NAMESPACE),
        EpollIoHandler.newFactory());
  }

  @AfterEach
  void close() {
    channels.close().toCompletableFuture().join();
    rootLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    webLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void aPingSocketWhereTheGroupMayOpenOneElseARawSocket() throws Exception {
    for (IcmpFamily family : IcmpFamily.values()) {
      assertEquals(SocketKind.PING, channel(webLoop.next(), family).kind());
      assertEquals(SocketKind.RAW, channel(rootLoop.next(), family).kind());
    }
  }

  @Test
  void roundTripTimesStayExactWhileTheEventLoopIsKeptBusy() throws Exception {
    for (EventLoop loop : List.of(rootLoop.next(), webLoop.next())) {
      for (String slow : List.of(TestNetwork.SLOW_V4, TestNetwork.SLOW_V6)) {
        InetAddress destination = address(slow);
        IcmpChannel channel = channel(loop, IcmpFamily.of(destination));
        try (EchoSession session = channel.session(destination)) {
          CompletableFuture<List<Optional<Answer>>> answers = new CompletableFuture<>();
          long start = System.nanoTime();
          loop.execute(() -> {
            session.exchange(5, 41, TIMEOUT).whenComplete((done, failure) -> answers.complete(done));
            // Queued behind the send: the answers arrive after 20 ms and wait in the socket until the loop is free.
            loop.execute(() -> sleep(BUSY_MS));
          });
          List<Optional<Answer>> done = answers.get(5, TimeUnit.SECONDS);
          long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          String described = channel.kind() + " " + slow + ", read after " + tookMs + " ms: " + done;
          assertTrue(tookMs >= BUSY_MS, described);
          for (Optional<Answer> answer : done) {
            double rttMs = answer.orElseThrow().rttMillis();
            // Read after the loop's 80 ms, timed at the 20 ms the responder takes (a busy machine may make it late).
            assertTrue(rttMs >= TestNetwork.SLOW_DELAY_MS && rttMs < (TestNetwork.SLOW_DELAY_MS + BUSY_MS) / 2,
                described);
          }
        }
      }
    }
  }

  @Test
  void forgedAndCorruptAnswersBeforeTheTrueReplyTakeNothingFromIt() throws Exception {
    for (EventLoop loop : List.of(rootLoop.next(), webLoop.next())) {
      for (String hostile : List.of(TestNetwork.HOSTILE_V4, TestNetwork.HOSTILE_V6)) {
        InetAddress destination = address(hostile);
        IcmpChannel channel = channel(loop, IcmpFamily.of(destination));
        try (EchoSession session = channel.session(destination)) {
          List<Optional<Answer>> answers = session.exchange(10, 41, TIMEOUT).toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
          String described = channel.kind() + " " + hostile + ": " + answers;
          for (Optional<Answer> answer : answers) {
            assertEquals(ReplyKind.ECHO_REPLY, answer.orElseThrow().kind(), described);
            assertEquals(destination, answer.orElseThrow().from(), described);
            assertTrue(answer.orElseThrow().rttMillis() >= TestNetwork.SLOW_DELAY_MS, described);
          }
        }
      }
    }
  }

  @Test
  void anUnprivilegedTraceListsTheRoutersExactly() throws Exception {
    assertTrace(TestNetwork.path(TestNetwork.ROUTERS_FROM_WEB_V4, TestNetwork.LOCAL_V4), TestNetwork.LOCAL_V4);
    assertTrace(TestNetwork.path(TestNetwork.ROUTERS_FROM_WEB_V6, TestNetwork.LOCAL_V6), TestNetwork.LOCAL_V6);
  }

  private void assertTrace(List<String> expected, String target) throws Exception {
    InetAddress destination = address(target);
    IcmpChannel channel = channel(webLoop.next(), IcmpFamily.of(destination));
    try (EchoSession session = channel.session(destination)) {
      List<Optional<Answer>> steps = session.trace(30, 32, TIMEOUT).toCompletableFuture().get(5, TimeUnit.SECONDS);
      List<InetAddress> route = steps.subList(0, expected.size()).stream().map(s -> s.orElseThrow().from()).toList();
      assertEquals(expected.stream().map(IcmpCodecTest::address).toList(), route, steps.toString());
      assertEquals(ReplyKind.ECHO_REPLY, steps.get(expected.size() - 1).orElseThrow().kind());
      for (int hop = 0; hop < expected.size(); hop++) {
        assertTrue(steps.get(hop).orElseThrow().rttMillis() < 10, steps.toString());
      }
    }
  }

  private IcmpChannel channel(EventLoop loop, IcmpFamily family) throws Exception {
    return channels.channel(loop, family).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
