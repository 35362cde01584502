package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The monitor as a user runs it: records, reloads, signals. Raw ICMP sockets need root. */
@ExtendWith(TestNetwork.class)
class MonitorProcessIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
  }

  @Test
  void printsPlainRecordsOfHostsReadFromStandardInput() throws Exception {
    long started = System.nanoTime();
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), "127.0.0.1 ping=100 numpings=5\n")) {
      monitor.awaitStdout(line -> line.matches("(-?\\d+\\.\\d{3}\t){4}\\d+\\.\\d{3}"), SOON);
      System.out.printf("first record %.0f ms after the JVM was started%n", (System.nanoTime() - started) / 1e6);
      List<String> out = monitor.stdout();
      assertEquals("127.0.0.1", out.get(0));
      assertTrue(out.get(1).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}"), out.get(1));
      String[] stats = out.get(2).split("\t");
      assertEquals("0.000", stats[4], "loopback loses nothing");
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void reloadAppliesTheNewFileAsADiff() throws Exception {
    Path config = dir.resolve("hosts.conf");
    String steady = "127.0.0.1 ping=200 numpings=2 json=1\n";
    Files.writeString(config, steady);
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      awaitRecords(monitor, "127.0.0.1", 3);

      Files.writeString(config, steady + "127.0.0.2 ping=200 numpings=2 json=1\n");
      monitor.signal("HUP");
      awaitRecords(monitor, "127.0.0.2", 2);

      // An invalid file: its errors are reported and both hosts keep running.
      Files.writeString(config, steady + "127.0.0.3 ping=200 bogus=1\n");
      monitor.signal("HUP");
      monitor.awaitStderr(line -> line.startsWith("EE: Config: " + config + ": line 2: \"bogus=1\": unknown option"),
          SOON);
      monitor.awaitStderr(line -> line.startsWith("EE: Reload: " + config + " has errors"), SOON);
      int before = records(monitor, "127.0.0.2").size();
      awaitRecords(monitor, "127.0.0.2", before + 3);

      // Saved without a signal: the watch applies it; 127.0.0.2 stops.
      Files.writeString(config, steady);
      awaitRecords(monitor, "127.0.0.1", records(monitor, "127.0.0.1").size() + 15);
      int last = records(monitor, "127.0.0.2").size();
      awaitRecords(monitor, "127.0.0.1", records(monitor, "127.0.0.1").size() + 5);
      assertEquals(last, records(monitor, "127.0.0.2").size(), "127.0.0.2 still measured after its removal");

      assertEquals(0, records(monitor, "127.0.0.3").size());
      assertOnSchedule(records(monitor, "127.0.0.1"), 200);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void sigtermPrintsTheBurstInFlightThenExitsZero() throws Exception {
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, TestNetwork.DEAD_V4 + " ping=60000 numpings=3 timeout=3000 json=1\n"
        + "127.0.0.1 ping=60000 numpings=1 json=1\n");
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      // Both hosts started together: once loopback has answered, the dead host's burst is in flight.
      awaitRecords(monitor, "127.0.0.1", 1);
      assertEquals(0, records(monitor, TestNetwork.DEAD_V4).size());
      long signalled = System.nanoTime();
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
      double stopMs = (System.nanoTime() - signalled) / 1e6;
      List<JsonObject> dead = records(monitor, TestNetwork.DEAD_V4);
      assertEquals(1, dead.size(), monitor.transcript());
      assertEquals(new JsonObject().put("min", -1.0).put("avg", -1.0).put("max", -1.0).put("std", -1.0)
          .put("loss", 100.0), dead.get(0).getJsonObject("ping"));
      assertTrue(stopMs < 5000, "stopping took " + stopMs + " ms");
    }
  }

  @Test
  void sighupWithStandardInputIsReportedAndIgnored() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), "127.0.0.1 ping=100 numpings=1 json=1\n")) {
      awaitRecords(monitor, "127.0.0.1", 1);
      monitor.signal("HUP");
      monitor.awaitStderr(line -> line.startsWith("EE: Reload: the configuration came from standard input"), SOON);
      awaitRecords(monitor, "127.0.0.1", records(monitor, "127.0.0.1").size() + 3);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void anUnreadableFileOnReloadStopsWithOne() throws Exception {
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, "127.0.0.1 ping=100 numpings=1 json=1\n");
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      awaitRecords(monitor, "127.0.0.1", 1);
      Files.delete(config);
      monitor.signal("HUP");
      assertEquals(1, monitor.waitForExit(SOON));
      assertTrue(monitor.stderr().stream()
          .anyMatch(line -> line.startsWith("EE: Reload: cannot read " + config + " (no such file); stopping")),
          monitor.transcript());
    }
  }

  static void awaitRecords(MonitorProcess monitor, String name, int count) throws InterruptedException {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (records(monitor, name).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(count + " records of " + name + " expected\n" + monitor.transcript());
      }
      Thread.sleep(20);
    }
  }

  static List<JsonObject> records(MonitorProcess monitor, String name) {
    return monitor.stdout().stream()
        .filter(line -> line.startsWith("{"))
        .map(JsonObject::new)
        .filter(record -> record.getString("name").equals(name))
        .toList();
  }

  /** No burst missed (a gap) and none repeated (a restart runs one at once): every pause is about the interval. */
  private static void assertOnSchedule(List<JsonObject> records, long intervalMs) {
    for (int i = 1; i < records.size(); i++) {
      double gap = records.get(i).getDouble("timestamp") - records.get(i - 1).getDouble("timestamp");
      assertTrue(gap > intervalMs * 0.8 && gap < intervalMs + 400,
          "records " + (i - 1) + " and " + i + " are " + gap + " ms apart");
    }
  }
}
