package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Faults an unlucky operator or an attacker meets, at the level of the process. */
@ExtendWith(TestNetwork.class)
class FaultsIT {

  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
  }

  @Test
  void sigtermStopsAMonitorWhoseConfigurationIsAFifoNobodyWrites() throws Exception {
    Path fifo = dir.resolve("hosts.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    try (MonitorProcess monitor = MonitorProcess.start(fifo.toString())) {
      TimeUnit.SECONDS.sleep(2);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(Duration.ofSeconds(3)));
      assertEquals(List.of(), monitor.stderr(), monitor.transcript());
    }
  }

  @Test
  void forgedAndCorruptAnswersBeforeTheTrueReplyLoseNothing() throws Exception {
    String config = TestNetwork.HOSTILE_V4 + " ping=100 numpings=5 json=1\n"
        + TestNetwork.HOSTILE_V6 + " ping=100 numpings=5 json=1\n";
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), config)) {
      for (String hostile : List.of(TestNetwork.HOSTILE_V4, TestNetwork.HOSTILE_V6)) {
        MonitorProcessIT.awaitRecords(monitor, hostile, 5);
        for (JsonObject record : MonitorProcessIT.records(monitor, hostile)) {
          JsonObject ping = record.getJsonObject("ping");
          assertEquals(0.0, ping.getDouble("loss"), record.encode());
          assertTrue(ping.getDouble("min") >= TestNetwork.SLOW_DELAY_MS, record.encode());
        }
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void twoThousandHostsStartingTogetherLoseNothingAndTraceEveryOne() throws Exception {
    StringBuilder config = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      config.append(loopback(i)).append(" ping=1000 numpings=10 json=1\n");
    }
    for (int i = 2000; i < 2250; i++) {
      config.append(loopback(i)).append(" ping=0 trace=3000 json=1\n");
    }
    Path file = dir.resolve("hosts.conf");
    Files.writeString(file, config);
    try (MonitorProcess monitor = MonitorProcess.startJvm(List.of("-Xmx64m"), file.toString())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (monitor.stdout().size() < 2250 && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
      List<JsonObject> records = monitor.stdout().stream().limit(2250).map(JsonObject::new).toList();
      assertEquals(2250, records.size(), monitor.transcript());
      for (JsonObject record : records) {
        if (record.containsKey("ping")) {
          assertEquals(0.0, record.getJsonObject("ping").getDouble("loss"), record.encode());
        } else {
          String address = record.getString("addr");
          assertEquals("[[\"" + address + "\"", record.getJsonArray("trace").encode().split(",")[0],
              record.encode());
        }
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void outOfDescriptorsAScanSaysSoInsteadOfReadingNone() throws Exception {
    StringBuilder config = new StringBuilder();
    // 300 lines that differ (payload plays no part in a scan), so that none is measured once for another.
    for (int i = 1; i <= 300; i++) {
      config.append(TestNetwork.WEB_V4).append(" ping=0 scan=200 payload=").append(i).append(" json=1\n");
    }
    Path file = dir.resolve("hosts.conf");
    Files.writeString(file, config);
    try (MonitorProcess monitor = MonitorProcess.start(List.of("bash", "-c", "ulimit -n 64; exec \"$0\" \"$@\""),
        null, file.toString())) {
      monitor.awaitStderr(line -> line.contains("failed: cannot connect to " + TestNetwork.WEB_V4)
          && line.contains("Too many open files"), SOON);
      TimeUnit.SECONDS.sleep(3);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
      List<String> scans = monitor.stdout().stream().filter(line -> line.contains("\"scan\"")).toList();
      assertTrue(scans.stream().noneMatch(line -> line.contains("None")), monitor.transcript());
    }
  }

  /** A loopback address of its own for host {@code i}. */
  private static String loopback(int i) {
    int n = 256 + i;
    return "127." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }
}
