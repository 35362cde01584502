package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.connmonitor.icmp.Departure;
import net.connmonitor.icmp.EchoSession;
import net.connmonitor.icmp.IcmpChannel;
import net.connmonitor.icmp.IcmpChannels;
import net.connmonitor.icmp.IcmpFamily;
import net.connmonitor.testnet.TestNetwork;
import net.connmonitor.vertx.EventLoops;
import net.connmonitor.warmup.ScanWarmUp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code tos=} as the target sees it: a capture inside the web host's namespace finds the byte on every packet the
 * pings, the trace, the TCP pings and the scan sent it, over IPv4 (TOS) and IPv6 (traffic class).
 */
@ExtendWith(TestNetwork.class)
class TosTest {

  /** DSCP EF (46), no ECN. */
  private static final int TOS = 0xb8;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static Vertx vertx;
  private static Context context;
  private static IcmpChannels channels;
  private static ScanClient scans;

  @BeforeAll
  static void start() {
    vertx = Vertx.builder().withTransport(Transport.EPOLL).build();
    context = vertx.getOrCreateContext();
    channels = new IcmpChannels();
    scans = ScanClient.create(vertx, ScanWarmUp::ofProcess);
    scans.prepare(List.of(new ScanClient.Origin(Optional.empty(), TOS)));
  }

  @AfterAll
  static void stop() {
    channels.close().toCompletableFuture().join();
    vertx.close().await();
  }

  @Test
  void everyPacketOfEveryProbeCarriesTheByte() throws Exception {
    Path packets = Files.createTempFile("tos", ".txt");
    Process capture = new ProcessBuilder("ip", "netns", "exec", TestNetwork.WEB_NAMESPACE, "tcpdump", "-i", "up0",
        "-n", "-v", "-l", "-U", "src host " + TestNetwork.LOCAL_V4 + " or src host " + TestNetwork.LOCAL_V6)
        .redirectOutput(packets.toFile()).start();
    try {
      BufferedReader errors =
          new BufferedReader(new InputStreamReader(capture.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = errors.readLine()) != null && !line.contains("listening on")) {
        System.out.println("tcpdump: " + line);
      }
      for (String web : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
        probeAll(web);
      }
      Thread.sleep(300);
      capture.destroy();
      capture.waitFor(10, TimeUnit.SECONDS);
      List<String> seen = joined(Files.readAllLines(packets, StandardCharsets.US_ASCII));
      for (String packet : seen) {
        assertTrue(packet.contains("(tos 0xb8,") || packet.contains("(class 0xb8,"), packet);
      }
      assertTrue(count(seen, "IP (", "echo request") >= 3, seen.toString());
      assertTrue(count(seen, "IP6 (", "echo request") >= 3, seen.toString());
      // Two TCP pings and three services of a scan: five SYNs per family.
      assertEquals(5, count(seen, "IP (", "Flags [S]"), seen.toString());
      assertEquals(5, count(seen, "IP6 (", "Flags [S]"), seen.toString());
    } finally {
      capture.destroyForcibly();
      Files.delete(packets);
    }
  }

  private static void probeAll(String web) throws Exception {
    InetAddress address = InetAddress.getByName(web);
    IcmpChannel channel = channels.channel(EventLoops.of(context), IcmpFamily.of(address))
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    try (EchoSession session = channel.session(address, new Departure(Optional.empty(), 0, TOS))) {
      await(new PingProbe(session, 3, 41, TIMEOUT, context, BurstObserver.NONE).run());
      await(new TraceProbe(session, 8, TIMEOUT, context).run());
    }
    await(new TcpPingProbe(context, address, List.of(80), 2, TIMEOUT, Optional.empty(), TOS).run());
    await(new ScanProbe(vertx, scans, web, web, new ScanClient.Origin(Optional.empty(), TOS), TIMEOUT).run());
  }

  private static <T> T await(Future<T> run) throws Exception {
    return run.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A packet per line: tcpdump -v continues a packet (IPv4 addresses, HTTP lines) on indented lines. */
  private static List<String> joined(List<String> lines) {
    List<String> packets = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && !packets.isEmpty()) {
        packets.set(packets.size() - 1, packets.get(packets.size() - 1) + line);
      } else {
        packets.add(line);
      }
    }
    return packets;
  }

  private static long count(List<String> packets, String family, String what) {
    return packets.stream().filter(packet -> packet.contains(family) && packet.contains(what)).count();
  }
}
