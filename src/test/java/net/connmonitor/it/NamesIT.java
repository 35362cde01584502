package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host names over time, in a namespace of the test's own whose resolver is a hosts file the test edits and a name
 * server on the namespace's loopback, where nothing listens unless a test runs dnsmasq there: no query leaves the
 * machine.
 */
class NamesIT {

  private static final String NAMESPACE = "cmu-names";
  private static final Path ETC = Path.of("/etc/netns", NAMESPACE);
  private static final Duration SOON = Duration.ofSeconds(15);
  private static final Duration TTL = Duration.ofSeconds(2);

  @TempDir
  Path dir;
  private Path hosts;

  @BeforeEach
  void namespace() throws Exception {
    TestNetwork.requireRoot("the test makes a network namespace with its own resolver files");
    run("ip", "netns", "del", NAMESPACE);
    assertEquals(0, run("ip", "netns", "add", NAMESPACE));
    assertEquals(0, run("ip", "-n", NAMESPACE, "link", "set", "lo", "up"));
    Files.createDirectories(ETC);
    Files.writeString(ETC.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
    hosts = ETC.resolve("hosts");
    names("127.0.0.1 localhost\n127.0.0.7 moving.test\n");
  }

  @AfterEach
  void removeNamespace() throws Exception {
    run("ip", "netns", "del", NAMESPACE);
    try (var files = Files.list(ETC)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.deleteIfExists(ETC);
  }

  @Test
  void aNameThatDoesNotResolveIsSaidOnceRetriedAndMeasuredOnceItDoes() throws Exception {
    try (MonitorProcess monitor = start("later.test ping=100 numpings=1 json=1\n127.0.0.1 ping=100 numpings=1 json=1\n")) {
      monitor.awaitStderr(line -> line.startsWith("EE: Host: later.test: cannot resolve it"), SOON);
      MonitorProcessIT.awaitRecords(monitor, "127.0.0.1", 3);
      names("127.0.0.1 localhost\n127.0.0.9 later.test\n");
      monitor.awaitStderr(line -> line.startsWith("WW: later.test resolves again, to 127.0.0.9 -"), SOON);
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.9\",\"name\":\"later.test\""), SOON);
      assertEquals(1, monitor.stderr().stream().filter(line -> line.contains("later.test: cannot resolve")).count(),
          monitor.transcript());
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void aNameWhoseAddressChangesIsMeasuredAtTheNewOneAfterAReload() throws Exception {
    try (MonitorProcess monitor = start("moving.test ping=100 numpings=1 json=1\n")) {
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.7\",\"name\":\"moving.test\""), SOON);
      names("127.0.0.1 localhost\n127.0.0.8 moving.test\n");
      monitor.signal("HUP");
      monitor.awaitStderr(line -> line.startsWith(
          "WW: moving.test: its address changed from 127.0.0.7 to 127.0.0.8; measuring the new one -"), SOON);
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.8\",\"name\":\"moving.test\""), SOON);
      monitor.awaitStderr(line -> line.startsWith("II: " + dir.resolve("hosts.conf")
          + " applied: 0 added, 0 removed, 1 unchanged -"), SOON);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void aNameWithSeveralAddressesSaysWhichOneIsMeasuredAndWhy() throws Exception {
    names("127.0.0.1 localhost\n::1 many.test\n127.0.0.5 many.test\n127.0.0.6 many.test\n");
    try (MonitorProcess monitor = start("many.test ping=100 numpings=1 json=1\n")) {
      monitor.awaitStderr(line -> line.startsWith("II: many.test has 3 addresses (127.0.0.5, 127.0.0.6, ::1); "
          + "measuring 127.0.0.5, the first IPv4 one the resolver gave (family=6 measures IPv6), and only it -"), SOON);
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.5\",\"name\":\"many.test\""), SOON);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void aConfigurationWhoseHostsAllFailToResolveKeepsTryingThemAndSaysSo() throws Exception {
    try (MonitorProcess monitor = start("nowhere.test ping=100 numpings=1 json=1\n")) {
      monitor.awaitStderr(line -> line.startsWith("EE: Host: nowhere.test: cannot resolve it"), SOON);
      monitor.awaitStderr(line -> line.startsWith("WW: no host of " + dir.resolve("hosts.conf")
          + " resolves yet; the monitor keeps trying them -"), SOON);
      names("127.0.0.1 localhost\n127.0.0.5 nowhere.test\n");
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.5\",\"name\":\"nowhere.test\""), SOON);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void familyBothMeasuresEachAddressOfANameAsAHostOfItsOwn() throws Exception {
    names("127.0.0.1 localhost\n127.0.0.7 both.test\n::1 both.test\n");
    try (MonitorProcess monitor = start("both.test ping=100 numpings=1 json=1 family=both\n")) {
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.7\",\"name\":\"both.test\""), SOON);
      monitor.awaitStdout(line -> line.contains("\"addr\":\"::1\",\"name\":\"both.test\""), SOON);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  @Test
  void aNameFromTheNameServerIsLookedUpAgainWhenItsTtlRunsOut() throws Exception {
    Path names = Files.createDirectories(dir.resolve("dnsmasq"));
    Files.writeString(names.resolve("ttl"), "127.0.0.11 ttl.test\n");
    // Its own hosts directory only, answered with a TTL of 2 s; dnsmasq reads a changed file there by itself.
    Process dnsmasq = new ProcessBuilder("ip", "netns", "exec", NAMESPACE, "dnsmasq", "--keep-in-foreground",
        "--conf-file=/dev/null", "--no-hosts", "--no-resolv", "--port=53", "--listen-address=127.0.0.1",
        "--bind-interfaces", "--user=root", "--pid-file", "--local-ttl=" + TTL.toSeconds(), "--hostsdir=" + names)
        .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
    try (MonitorProcess monitor = start("ttl.test ping=100 numpings=1 json=1\n")) {
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.11\",\"name\":\"ttl.test\""), SOON);
      Path next = dir.resolve("ttl");
      Files.writeString(next, "127.0.0.12 ttl.test\n");
      long changed = System.nanoTime();
      Files.move(next, names.resolve("ttl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      monitor.awaitStderr(line -> line.startsWith(
          "WW: ttl.test: its address changed from 127.0.0.11 to 127.0.0.12; measuring the new one -"), SOON);
      Duration seen = Duration.ofNanos(System.nanoTime() - changed);
      System.out.println("NamesIT: the new address was measured " + seen.toMillis() + " ms after the change");
      // The answer current when the name changed holds at most its TTL; the rest is for a loaded machine (a name
      // looked up at the usual period would take minutes).
      assertTrue(seen.compareTo(TTL.plusSeconds(2)) < 0, seen + "\n" + monitor.transcript());
      monitor.awaitStdout(line -> line.contains("\"addr\":\"127.0.0.12\",\"name\":\"ttl.test\""), SOON);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    } finally {
      dnsmasq.destroy();
      dnsmasq.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private MonitorProcess start(String config) throws IOException {
    Path file = dir.resolve("hosts.conf");
    Files.writeString(file, config);
    return MonitorProcess.start(List.of("ip", "netns", "exec", NAMESPACE), null, file.toString());
  }

  /** Rewrites the namespace's hosts file in place: the process sees it through a bind mount of that very file. */
  private void names(String content) throws IOException {
    Files.writeString(hosts, content);
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    process.waitFor(30, TimeUnit.SECONDS);
    return process.exitValue();
  }
}
