package net.connmonitor.icmp;

import static net.connmonitor.icmp.IcmpCodecTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real echo requests over the shared raw sockets, to loopback. */
class IcmpChannelsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final IcmpChannels channels = new IcmpChannels();

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
  }

  @AfterEach
  void close() {
    channels.close().toCompletableFuture().join();
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
  void oneSocketPerFamilyServesEveryHost() throws Exception {
    IcmpChannel v4 = channels.channel(IcmpFamily.V4);
    assertSame(v4, channels.channel(IcmpFamily.V4));
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
    try (EchoSession session = channels.channel(IcmpFamily.V4).session(address("127.0.0.1"))) {
      assertEveryOneAnsweredBy(session.exchange(2, 65507, TIMEOUT).toCompletableFuture().join(),
          address("127.0.0.1"));
    }
  }

  private void assertAllAnswered(InetAddress destination, IcmpFamily family) throws Exception {
    IcmpChannel channel = channels.channel(family);
    assertEquals(family, channel.family());
    try (EchoSession session = channel.session(destination)) {
      assertEveryOneAnsweredBy(session.exchange(10, 41, TIMEOUT).toCompletableFuture().join(), destination);
    }
  }

  private static void assertEveryOneAnsweredBy(List<Optional<Answer>> answers, InetAddress destination) {
    assertEquals(answers.size(), answers.stream().filter(Optional::isPresent).count(), answers.toString());
    for (Optional<Answer> answer : answers) {
      assertEquals(ReplyKind.ECHO_REPLY, answer.orElseThrow().kind());
      assertEquals(destination, answer.orElseThrow().from());
      assertTrue(answer.orElseThrow().rttNanos() > 0 && answer.orElseThrow().rttNanos() < TIMEOUT.toNanos());
    }
  }
}
