package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged monitor where its environment works against it: the process out of file descriptors, standard error
 * not read, its configuration without end. No privilege and no network needed.
 */
class HostileEnvironmentIT {

  private static final Duration SOON = Duration.ofSeconds(30);
  private static final String IDLE = "127.0.0.1 ping=0\n";

  @TempDir
  Path dir;

  @Test
  void aReloadWithNoDescriptorLeftKeepsTheRunningConfigurationAndIsTriedAgainUntilItCanRead() throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), IDLE);
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      monitor.awaitStderr(line -> line.startsWith("WW: 127.0.0.1: ping, trace and scan are all 0"), SOON);
      Files.writeString(config, IDLE + "127.0.0.2 ping=0\n");
      String limit = prlimit(monitor, "--nofile", "--output=SOFT", "--noheadings").strip();
      // A soft limit of 0: every descriptor the process opens from now on fails with EMFILE; those open still work.
      prlimit(monitor, "--nofile=0:");
      try {
        monitor.signal("HUP");
        monitor.awaitStderr(line -> line.startsWith("WW: Reload: cannot read " + config + " now (Too many open "
            + "files); the running configuration stays and the reload is tried again every second -\t"), SOON);
        Thread.sleep(2500);
      } finally {
        prlimit(monitor, "--nofile=" + limit + ":");
      }
      monitor.awaitStderr(line -> line.startsWith("II: " + config + " applied: 1 added, 0 removed, 1 unchanged"),
          SOON);
      assertEquals(1, monitor.stderr().stream().filter(line -> line.startsWith("WW: Reload: ")).count(),
          "said once, however often tried:\n" + monitor.transcript());
      assertTrue(monitor.stderr().stream().noneMatch(line -> line.startsWith("EE: ")), monitor.transcript());
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void aStandardErrorNobodyReadsHoldsUpNoRecord() throws Exception {
    Path fifo = dir.resolve("stderr");
    if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
      throw new IOException("mkfifo failed");
    }
    List<String> hosts = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4");
    StringBuilder config = new StringBuilder();
    hosts.forEach(host -> config.append(host).append(" ping=100 numpings=1 json=1\n"));
    // Each reload warns of the 100 repeated lines again: some 12 kB on standard error each time.
    config.append("127.0.0.5 ping=0\n".repeat(101));
    Path file = Files.writeString(dir.resolve("hosts.conf"), config);
    // Standard error is a FIFO opened for reading and writing by the shell and never read: once its 64 kB are
    // full, every write to it blocks.
    try (MonitorProcess monitor = MonitorProcess.start(List.of("bash", "-c", "exec \"$0\" \"$@\" 2<>" + fifo),
        null, file.toString())) {
      for (String host : hosts) {
        monitor.awaitStdout(line -> line.contains("\"addr\":\"" + host + "\""), SOON);
      }
      for (int i = 0; i < 20; i++) {
        monitor.signal("HUP");
        Thread.sleep(50);
      }
      Thread.sleep(1000);
      Map<String, Long> before = records(monitor, hosts);
      Thread.sleep(3000);
      Map<String, Long> after = records(monitor, hosts);
      for (String host : hosts) {
        // 30 bursts in 3 s; a loaded machine may start some late, none may be held up for good.
        assertTrue(after.get(host) - before.get(host) >= 10, host + ": " + before + " then " + after);
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  private static Map<String, Long> records(MonitorProcess monitor, List<String> hosts) {
    Map<String, Long> counts = new HashMap<>();
    for (String host : hosts) {
      counts.put(host, monitor.stdout().stream().filter(line -> line.contains("\"addr\":\"" + host + "\""))
          .count());
    }
    return counts;
  }

  private static String prlimit(MonitorProcess monitor, String... arguments) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of("prlimit", "--pid", Long.toString(monitor.pid())));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(command + " failed: " + output);
    }
    return output;
  }
}
