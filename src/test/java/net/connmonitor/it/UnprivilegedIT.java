package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor as user nobody, without CAP_NET_RAW, in a namespace of its own whose ping_group_range the test sets:
 * it pings and traces through unprivileged ping sockets, or says in one line why it cannot ping at all.
 */
class UnprivilegedIT {

  private static final String NAMESPACE = "cmu-unprivileged";
  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir
  Path dir;
  private Path jar;

  @BeforeEach
  void namespace() throws Exception {
    TestNetwork.requireRoot("the test makes a network namespace and drops to user nobody");
    run("ip", "netns", "del", NAMESPACE).waitFor();
    assertEquals(0, run("ip", "netns", "add", NAMESPACE).waitFor());
    assertEquals(0, run("ip", "-n", NAMESPACE, "link", "set", "lo", "up").waitFor());
    // nobody must be able to read the jar wherever the repository was cloned.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar = Files.copy(MonitorProcess.jar(), dir.resolve("connmonitor.jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
  }

  @AfterEach
  void removeNamespace() throws Exception {
    run("ip", "netns", "del", NAMESPACE).waitFor();
  }

  @Test
  void fallsBackToPingSocketsWhenItsGroupMayUseThem() throws Exception {
    pingGroupRange("0 2147483647");
    try (MonitorProcess monitor = startAsNobody("127.0.0.1 ping=100 numpings=3 json=1\n::1 ping=100 numpings=3 json=1\n")) {
      for (String host : List.of("127.0.0.1", "::1")) {
        String record = monitor.awaitStdout(line -> line.contains("\"name\":\"" + host + "\""), SOON);
        assertTrue(record.contains("\"loss\":0.0"), record);
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
      CommandLineIT.assertNoStackTrace(monitor);
    }
  }

  @Test
  void withPingSocketsAHostIsTracedToo() throws Exception {
    pingGroupRange("0 2147483647");
    try (MonitorProcess monitor = startAsNobody("127.0.0.1 ping=0 trace=100 json=1\n::1 ping=0 trace=100 json=1\n")) {
      for (String host : List.of("127.0.0.1", "::1")) {
        String record = monitor.awaitStdout(line -> line.contains("\"name\":\"" + host + "\""), SOON);
        assertTrue(record.contains("\"trace\":[[\"" + host + "\","), record);
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
      assertEquals(List.of(), monitor.stderr(), monitor.transcript());
    }
  }

  @Test
  void saysInOneLineWhyItCannotPing() throws Exception {
    pingGroupRange("1 0");
    try (MonitorProcess monitor = startAsNobody("127.0.0.1 ping=100\n")) {
      assertEquals(1, monitor.waitForExit(SOON));
      List<String> errors = monitor.stderr();
      assertTrue(errors.get(0).startsWith("EE: Host: 127.0.0.1: cannot open an IPv4 ICMP socket: a raw socket needs "
          + "CAP_NET_RAW (Operation not permitted) and an unprivileged ping socket needs the process's group inside "
          + "net.ipv4.ping_group_range, now \"1 0\" (Permission denied); skipped -\t"), monitor.transcript());
      assertTrue(errors.get(1).startsWith("EE: Config: no usable host in standard input -\t"), monitor.transcript());
      assertEquals(2, errors.size(), monitor.transcript());
    }
  }

  private MonitorProcess startAsNobody(String config) throws IOException {
    List<String> prefix = List.of("ip", "netns", "exec", NAMESPACE,
        "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all");
    return MonitorProcess.start(jar, prefix, config);
  }

  private void pingGroupRange(String range) throws Exception {
    assertEquals(0, run("ip", "netns", "exec", NAMESPACE, "sysctl", "-q", "-w",
        "net.ipv4.ping_group_range=" + range).waitFor());
  }

  private static Process run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process;
  }
}
