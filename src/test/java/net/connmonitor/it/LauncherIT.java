package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor through the packaged launcher and its JVM options, as the service runs it. */
class LauncherIT {

  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
  }

  @Test
  void aSighupInTheFirstMillisecondsOfAStartIsNoDeath() throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), "127.0.0.1 ping=100 numpings=1 json=1\n");
    // From 10 ms: the first millisecond or two belong to the shell, which has not read its first line yet.
    for (long delayMs : List.of(10L, 20L, 50L, 100L, 300L)) {
      try (MonitorProcess monitor = MonitorProcess.launch(dir, "exec sh \"$LAUNCHER\" " + config, true)) {
        TimeUnit.MILLISECONDS.sleep(delayMs);
        monitor.signal("HUP");
        monitor.awaitStdout(line -> line.contains("\"name\":\"127.0.0.1\""), SOON);
        monitor.signal("TERM");
        assertEquals(0, monitor.waitForExit(SOON), "SIGHUP " + delayMs + " ms after exec\n" + monitor.transcript());
      }
    }
  }

  @Test
  void aReaderThatGoesAwayStopsTheMonitorWithOneErrorAndStatusOne() throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), "127.0.0.1 ping=100 numpings=1 json=1\n");
    String script = "sh \"$LAUNCHER\" " + config + " | head -1 >/dev/null; echo \"status ${PIPESTATUS[0]}\" >&2";
    try (MonitorProcess monitor = MonitorProcess.launch(dir, script, true)) {
      assertEquals(0, monitor.waitForExit(SOON));
      List<String> errors = monitor.stderr();
      assertEquals(2, errors.size(), monitor.transcript());
      assertTrue(errors.get(0).startsWith("EE: Output: nobody reads the records any more (Broken pipe); stopping -\t"),
          monitor.transcript());
      assertEquals("status 1", errors.get(1));
    }
  }

  @Test
  void aReaderThatStallsCostsBoundedMemoryAndSigtermStillStopsIt() throws Exception {
    StringBuilder config = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      config.append("127.0.1.").append(i).append(" ping=50 numpings=10 json=1\n");
    }
    Path file = Files.writeString(dir.resolve("hosts.conf"), config);
    try (MonitorProcess monitor = MonitorProcess.launch(dir, "exec sh \"$LAUNCHER\" " + file, false)) {
      TimeUnit.SECONDS.sleep(10);
      long early = residentKb(monitor.pid());
      // The first report of what was dropped comes within the minute.
      monitor.awaitStderr(line -> line.matches("WW: standard output is read too slowly: \\d+ records were dropped "
          + "in the last minute, the oldest first -\t.*"), Duration.ofSeconds(70));
      long late = residentKb(monitor.pid());
      assertTrue(late - early < 48 * 1024, "resident memory grew from " + early + " to " + late + " kB");
      long stopping = System.nanoTime();
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON), monitor.transcript());
      assertTrue(System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(7), "stopping took too long");
    }
  }

  @Test
  void aHundredThousandHostsFitTheLaunchersHeap() throws Exception {
    StringBuilder config = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      int n = 256 + i;
      config.append("127.").append(n >> 16 & 255).append('.').append(n >> 8 & 255).append('.').append(n & 255)
          .append(" ping=60000 numpings=1 json=1\n");
    }
    Path file = Files.writeString(dir.resolve("hosts.conf"), config);
    try (MonitorProcess monitor = MonitorProcess.launch(dir, "exec sh \"$LAUNCHER\" " + file, true)) {
      TimeUnit.SECONDS.sleep(20);
      assertTrue(monitor.stdout().size() > 5_000, monitor.stdout().size() + " records\n" + monitor.stderr());
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON), String.join("\n", monitor.stderr()));
      assertEquals(List.of(), monitor.stderr());
    }
  }

  private static long residentKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new AssertionError("no VmRSS for " + pid);
  }
}
