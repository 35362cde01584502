package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.connmonitor.os.ListeningSockets;
import org.junit.jupiter.api.Test;

/**
 * A monitor asked for no port has none, at any moment: from the start of the packaged jar until its first scans
 * are printed (the warm-up of the scans comes before them), its listening TCP sockets are read again and again.
 */
class NoListeningSocketIT {

  private static final Duration SOON = Duration.ofSeconds(30);
  /** Scans of loopback's well-known ports, closed or not: they run the warm-up first. */
  private static final String SCANNING = "127.0.0.1 ping=0 scan=200 json=1\n";

  @Test
  void withoutListenTheProcessNeverListens() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), SCANNING)) {
      List<String> listening = watchUntilScans(monitor, 3);
      assertEquals(List.of(), listening, monitor.transcript());
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void withListenItListensThereAlone() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), SCANNING, "--listen", "127.0.0.1:" + port)) {
      List<String> listening = watchUntilScans(monitor, 3);
      // 127.0.0.1, in tcp or as an IPv4-mapped address in tcp6: the kernel's hexadecimal, the port last.
      assertFalse(listening.isEmpty(), monitor.transcript());
      assertEquals(List.of(String.format(":%04X", port)), listening.stream()
          .map(endpoint -> endpoint.substring(endpoint.indexOf(':'))).distinct().toList(), listening.toString());
      assertTrue(listening.stream().allMatch(endpoint -> endpoint.contains("0100007F:")), listening.toString());
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  /** Every listening socket seen from now until {@code scans} scan records are out. */
  private static List<String> watchUntilScans(MonitorProcess monitor, int scans) throws Exception {
    List<String> listening = new ArrayList<>();
    long deadline = System.nanoTime() + SOON.toNanos();
    while (monitor.stdout().stream().filter(line -> line.contains("\"scan\"")).count() < scans) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + scans + " scans within " + SOON + "\n" + monitor.transcript());
      }
      listening.addAll(ListeningSockets.of(monitor.pid()));
      Thread.sleep(1);
    }
    return listening;
  }
}
