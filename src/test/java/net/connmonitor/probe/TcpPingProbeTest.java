package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.NetUtil;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.connmonitor.testnet.TestNetwork;
import net.connmonitor.vertx.EventLoops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TCP pings of the test network's web host (nginx on 80 and 443, MariaDB on 3306), of a host whose every port is
 * closed and of one that drops everything, over IPv4 and IPv6; and the handshake's round trip held against a packet
 * capture of the SYN and the SYN-ACK on the machine's link to the test network.
 */
@ExtendWith(TestNetwork.class)
class TcpPingProbeTest {

  private static final int COUNT = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static Vertx vertx;
  private static Context context;

  @BeforeAll
  static void start() {
    vertx = Vertx.builder().withTransport(Transport.EPOLL).build();
    context = vertx.getOrCreateContext();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void theWebHostsPortsCompleteEveryHandshake() throws Exception {
    for (String web : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
      TcpPing ping = ping(web, List.of(80, 443, 3306), TIMEOUT);
      assertEquals(List.of(80, 443, 3306), List.copyOf(ping.ports().keySet()), web);
      ping.ports().forEach((port, stats) -> {
        assertEquals(0, stats.loss(), web + ":" + port + " " + stats);
        assertEquals(0, stats.refused(), web + ":" + port + " " + stats);
        assertTrue(stats.min() > 0 && stats.min() <= stats.avg() && stats.avg() <= stats.max() && stats.std() >= 0,
            web + ":" + port + " " + stats);
      });
    }
  }

  @Test
  void aClosedPortAnswersWithResetsThatAreNoLoss() throws Exception {
    for (String far : List.of(TestNetwork.FAR_V4, TestNetwork.FAR_V6)) {
      TcpPortStats stats = ping(far, List.of(443), TIMEOUT).ports().get(443);
      assertEquals(new TcpPortStats(-1, -1, -1, -1, 0, COUNT), stats, far);
      assertTrue(stats.closed(), far);
    }
  }

  @Test
  void aSilentHostIsAllLossWithinTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(600);
    for (String dead : List.of(TestNetwork.DEAD_V4, TestNetwork.DEAD_V6)) {
      long start = System.nanoTime();
      TcpPortStats stats = ping(dead, List.of(80), timeout).ports().get(80);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(new TcpPortStats(-1, -1, -1, -1, 100, 0), stats, dead);
      assertTrue(tookMs >= timeout.toMillis() && tookMs < timeout.toMillis() + 1000, dead + " took " + tookMs + " ms");
    }
  }

  @Test
  void burstsBeyondTheSlotsWaitForThem() throws Exception {
    ConnectionSlots slots = new ConnectionSlots(2);
    TcpHandshake handshake = new TcpHandshake(EventLoops.of(context), Optional.empty(), 0,
        TIMEOUT, slots);
    TcpPingProbe probe = new TcpPingProbe(context, NetUtil.createInetAddressFromIpAddressString(TestNetwork.WEB_V4),
        List.of(80, 443), 10, handshake);
    TcpPing ping = probe.run().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    ping.ports().values().forEach(stats -> assertEquals(0, stats.loss(), stats.toString()));
    assertEquals(2, slots.free());
  }

  /**
   * The kernel's handshake round trips are those a capture sees on the link: for each connection, from its SYN
   * leaving to its SYN-ACK coming in, with the capture's nanosecond timestamps.
   */
  @Test
  void theHandshakeRoundTripIsTheCapturesSynToSynAck() throws Exception {
    int port = 80;
    Path packets = Files.createTempFile("tcp-ping", ".txt");
    Process capture = new ProcessBuilder("tcpdump", "-i", "cmt0", "-n", "-tt", "-l", "-U",
        "--time-stamp-precision=nano", "tcp and host " + TestNetwork.WEB_V4 + " and port " + port
            + " and tcp[tcpflags] & tcp-syn != 0").redirectOutput(packets.toFile()).start();
    try {
      awaitListening(capture);
      TcpPortStats stats = ping(TestNetwork.WEB_V4, List.of(port), TIMEOUT).ports().get(port);
      Thread.sleep(300);
      capture.destroy();
      capture.waitFor(10, TimeUnit.SECONDS);
      List<Double> captured = synToSynAckMs(Files.readString(packets, StandardCharsets.US_ASCII), port);
      TcpPortStats seen = TcpPortStats.of(COUNT, captured, 0);
      System.out.printf("handshake RTT ms, kernel TCP_INFO vs capture: min %.4f / %.4f, avg %.4f / %.4f, "
          + "max %.4f / %.4f%n", stats.min(), seen.min(), stats.avg(), seen.avg(), stats.max(), seen.max());
      assertEquals(COUNT, captured.size(), captured.toString());
      // tcpi_rtt counts whole microseconds; both stamps are taken in the same softirq as the packet passes.
      assertEquals(seen.min(), stats.min(), 0.05, "min");
      assertEquals(seen.avg(), stats.avg(), 0.05, "avg");
      assertEquals(seen.max(), stats.max(), 0.05, "max");
    } finally {
      capture.destroyForcibly();
      Files.delete(packets);
    }
  }

  private static void awaitListening(Process capture) throws Exception {
    BufferedReader errors = new BufferedReader(new InputStreamReader(capture.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = errors.readLine()) != null && !line.contains("listening on")) {
      System.out.println("tcpdump: " + line);
    }
  }

  /** Pairs each SYN with the SYN-ACK to its local port. */
  private static List<Double> synToSynAckMs(String capture, int port) {
    Pattern packet = Pattern.compile("^(\\d+)\\.(\\d{9}) IP (\\S+)\\.(\\d+) > (\\S+)\\.(\\d+): Flags \\[(S\\.?)\\]",
        Pattern.MULTILINE);
    Map<String, Long> synAt = new HashMap<>();
    List<Double> rtts = new ArrayList<>();
    Matcher m = packet.matcher(capture);
    while (m.find()) {
      long at = Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2));
      if (m.group(7).equals("S") && Integer.parseInt(m.group(6)) == port) {
        synAt.put(m.group(4), at);
      } else if (m.group(7).equals("S.") && synAt.containsKey(m.group(6))) {
        rtts.add((at - synAt.remove(m.group(6))) / 1_000_000.0);
      }
    }
    return rtts;
  }

  private static TcpPing ping(String host, List<Integer> ports, Duration timeout) throws Exception {
    TcpPingProbe probe = new TcpPingProbe(context, NetUtil.createInetAddressFromIpAddressString(host), ports, COUNT,
        timeout, Optional.empty(), 0);
    TcpPing ping = probe.run().toCompletionStage().toCompletableFuture()
        .get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
    System.out.println("TCP ping of " + host + ": " + ping);
    return ping;
  }
}
