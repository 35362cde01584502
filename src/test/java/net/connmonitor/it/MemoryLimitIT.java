package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher in a memory cgroup of 128 MiB, as a container or a unit with {@code MemoryMax=128M} runs
 * it: the hosts that fit run; more are said, at start or when a reload adds them, with the memory they need; and
 * running out ends with status 3 and the JVM's line, never with the kernel's SIGKILL (status 137, nothing said).
 * Each monitor pings its loopback hosts with the default options in a network namespace of its own, so that its
 * hundreds of thousands of replies a second reach no other ICMP socket of the machine.
 */
class MemoryLimitIT {

  private static final long LIMIT_BYTES = 128L << 20;
  /** Fits: twice the live heap of 2000 hosts (6 MiB and 5 KiB a host) is 32 MiB, of a heap of 43.5. */
  private static final int FITTING = 2000;
  /** The kernel killed the JVM of the former launcher after 5 to 10 s; this one runs it, though short of room. */
  private static final int TIGHT = 5000;
  /** The kernel killed the JVM of the former launcher after 5 to 10 s, or it ran out of heap. */
  private static final int TOO_MANY = 20_000;
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final Duration RUNNING_OUT = Duration.ofSeconds(60);
  private static final String OUT_OF_HEAP = "Terminating due to java.lang.OutOfMemoryError: Java heap space";

  @TempDir
  Path dir;

  @BeforeEach
  void root() {
    TestNetwork.requireRoot("a memory cgroup is made and the monitor moved into it");
  }

  @Test
  void tooManyHostsAreSaidAtStartWithTheMemoryTheyNeedAndRunningOutEndsWithStatusThree() throws Exception {
    try (MemoryCgroup cgroup = MemoryCgroup.make("connmonitor-memlimit", LIMIT_BYTES);
        MonitorProcess monitor = launch(cgroup, hosts(TOO_MANY))) {
      assertNeedMoreThanTheLimit(monitor, TOO_MANY);
      assertRanOut(monitor, cgroup);
    }
  }

  @Test
  void hostsShortOfRoomAreSaidAtStartAndRunWithoutBeingKilled() throws Exception {
    try (MemoryCgroup cgroup = MemoryCgroup.make("connmonitor-memlimit", LIMIT_BYTES);
        MonitorProcess monitor = launch(cgroup, hosts(TIGHT))) {
      assertNeedMoreThanTheLimit(monitor, TIGHT);
      assertRuns(monitor, TIGHT);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON), monitor.transcript());
      assertEquals(0, cgroup.oomKills(), "the kernel killed a process of the cgroup");
    }
  }

  @Test
  void hostsThatFitRunWithoutAWordAndAReloadThatAddsTooManyIsSaidThenRunsOutWithStatusThree() throws Exception {
    Path config = hosts(FITTING);
    try (MemoryCgroup cgroup = MemoryCgroup.make("connmonitor-memlimit", LIMIT_BYTES);
        MonitorProcess monitor = launch(cgroup, config)) {
      assertRuns(monitor, FITTING);
      assertTrue(monitor.stderr().stream().noneMatch(line -> line.contains(" need about ")), monitor.transcript());

      Files.move(hosts(TOO_MANY), config, StandardCopyOption.REPLACE_EXISTING);
      monitor.signal("HUP");
      assertNeedMoreThanTheLimit(monitor, TOO_MANY);
      assertRanOut(monitor, cgroup);
    }
  }

  /** Every host has started, and records keep coming for 8 s. */
  private static void assertRuns(MonitorProcess monitor, int hosts) throws Exception {
    // A plain record's first line is its host.
    monitor.awaitStdout(line -> line.equals(address(hosts - 1)), SOON);
    int early = monitor.stdout().size();
    TimeUnit.SECONDS.sleep(8);
    // A host prints two records a second, of three lines each: a loaded machine may print fewer, none may stop.
    int lines = monitor.stdout().size() - early;
    assertTrue(lines > hosts * 4, lines + " lines in 8 s\n" + String.join("\n", monitor.stderr()));
  }

  private static void assertNeedMoreThanTheLimit(MonitorProcess monitor, int hosts) throws Exception {
    String warning = monitor.awaitStderr(line -> line.startsWith("WW: " + hosts + " hosts"), SOON);
    Matcher matcher = Pattern.compile("WW: " + hosts + " hosts need about (\\d+) MiB of memory and the JVM has "
        + "128 MiB \\(a heap of \\d+ MiB\\): running out of it would end the monitor with status 3; give it \\1 MiB "
        + "or more \\(a cgroup's memory limit\\), or fewer hosts -\t.*").matcher(warning);
    assertTrue(matcher.matches(), warning);
    assertTrue(Integer.parseInt(matcher.group(1)) > 128, warning);
  }

  private static void assertRanOut(MonitorProcess monitor, MemoryCgroup cgroup) throws Exception {
    assertEquals(3, monitor.waitForExit(RUNNING_OUT), String.join("\n", monitor.stderr()));
    assertTrue(monitor.stderr().contains(OUT_OF_HEAP), String.join("\n", monitor.stderr()));
    assertEquals(0, cgroup.oomKills(), "the kernel killed a process of the cgroup");
  }

  /** {@code count} loopback addresses from 127.0.1.0, each with the default options. */
  private Path hosts(int count) throws Exception {
    StringBuilder config = new StringBuilder();
    for (int i = 0; i < count; i++) {
      config.append(address(i)).append('\n');
    }
    return Files.writeString(Files.createTempFile(dir, "hosts", ".conf"), config);
  }

  /** The {@code i}th loopback address from 127.0.1.0. */
  private static String address(int i) {
    int n = 256 + i;
    return "127." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  /** The launcher moved into the cgroup, then into a network namespace with only its loopback, up. */
  private MonitorProcess launch(MemoryCgroup cgroup, Path config) throws Exception {
    return MonitorProcess.launch(dir, "echo $$ >" + cgroup.procs() + " && exec unshare --net sh -c "
        + "'ip link set lo up && exec sh \"$LAUNCHER\" \"$1\"' sh " + config, true);
  }
}
