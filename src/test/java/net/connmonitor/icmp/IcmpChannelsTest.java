package net.connmonitor.icmp;

import static net.connmonitor.icmp.IcmpCodecTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real echo requests over raw sockets to loopback, on Netty epoll event loops of the test's own. */
class IcmpChannelsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final IcmpChannels channels = new IcmpChannels();
  private EventLoopGroup loops;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
    loops = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
  }

  @AfterEach
  void close() {
    channels.close().toCompletableFuture().join();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void pingsIpv4Loopback() throws Exception {
    assertAllAnswered(address("127.0.0.1"), IcmpFamily.V4);
  }

  @Test
  void pingsIpv6Loopback() throws Exception {
    assertAllAnswered(address("::1"), IcmpFamily.V6);
  }

  @Test
  void oneSocketPerFamilyAndLoopServesEveryHostOnThatLoop() throws Exception {
    EventLoop loop = loops.next();
    IcmpChannel v4 = channel(loop, IcmpFamily.V4);
    assertSame(v4, channel(loop, IcmpFamily.V4));
    assertNotSame(v4, channel(loops.next(), IcmpFamily.V4));
    assertEquals(SocketKind.RAW, v4.kind());
    try (EchoSession one = v4.session(address("127.0.0.1"));
         EchoSession two = v4.session(address("127.0.0.2"))) {
      var first = one.exchange(5, 41, TIMEOUT);
      var second = two.exchange(5, 41, TIMEOUT);
      assertEveryOneAnsweredBy(first.toCompletableFuture().join(), address("127.0.0.1"));
      assertEveryOneAnsweredBy(second.toCompletableFuture().join(), address("127.0.0.2"));
    }
  }

  @Test
  void carriesTheLargestPayload() throws Exception {
    try (EchoSession session = channel(loops.next(), IcmpFamily.V4).session(address("127.0.0.1"))) {
      assertEveryOneAnsweredBy(session.exchange(2, 65507, TIMEOUT).toCompletableFuture().join(),
          address("127.0.0.1"));
    }
  }

  @Test
  void aForeignPingerFloodingTheMachineNeverReachesTheSocket() throws Exception {
    IcmpChannel channel = channel(loops.next(), IcmpFamily.V4);
    Process flood = new ProcessBuilder("ping", "-f", "-q", "-w", "3", "127.0.0.3").redirectErrorStream(true).start();
    try (EchoSession session = channel.session(address("127.0.0.1"))) {
      for (int burst = 0; burst < 20; burst++) {
        // The loop is kept away from the socket for 100 ms while the flood goes on: only our answers may queue.
        CompletableFuture<Void> stalled = new CompletableFuture<>();
        channel.execute(() -> {
          sleep(100);
          stalled.complete(null);
        });
        stalled.join();
        assertEveryOneAnsweredBy(session.exchange(10, 41, TIMEOUT).toCompletableFuture().join(),
            address("127.0.0.1"));
      }
    } finally {
      flood.waitFor(10, TimeUnit.SECONDS);
      flood.destroy();
    }
    assertEquals(0, kernelDrops(channel), "drops of our socket in /proc/net/raw");
  }

  private IcmpChannel channel(EventLoop loop, IcmpFamily family) throws Exception {
    return channels.channel(loop, family).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private void assertAllAnswered(InetAddress destination, IcmpFamily family) throws Exception {
    IcmpChannel channel = channel(loops.next(), family);
    assertEquals(family, channel.family());
    try (EchoSession session = channel.session(destination)) {
      assertEveryOneAnsweredBy(session.exchange(10, 41, TIMEOUT).toCompletableFuture().join(), destination);
    }
  }

  static void assertEveryOneAnsweredBy(List<Optional<Answer>> answers, InetAddress destination) {
    assertEquals(answers.size(), answers.stream().filter(Optional::isPresent).count(), answers.toString());
    for (Optional<Answer> answer : answers) {
      assertEquals(ReplyKind.ECHO_REPLY, answer.orElseThrow().kind());
      assertEquals(destination, answer.orElseThrow().from());
      assertTrue(answer.orElseThrow().rttNanos() > 0 && answer.orElseThrow().rttNanos() < TIMEOUT.toNanos());
    }
  }

  /** The drop counter of the channel's raw socket, found by its inode in /proc/net/raw. */
  private static long kernelDrops(IcmpChannel channel) throws IOException {
    String inode = Files.readSymbolicLink(Path.of("/proc/self/fd/" + channel.fd().intValue())).toString()
        .replaceAll("\\D", "");
    for (String line : Files.readAllLines(Path.of("/proc/net/raw"))) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length > 12 && fields[9].equals(inode)) {
        return Long.parseLong(fields[fields.length - 1]);
      }
    }
    throw new AssertionError("socket " + inode + " is not in /proc/net/raw");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
