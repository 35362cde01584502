package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's command line without a cluster: the key, the checks, and what is refused before joining. */
class ClusterCommandLineIT {

  private static final Duration EXIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void makesAKeyOnceAndChecksTheClusterFileWithIt() throws Exception {
    Path key = dir.resolve("cluster.key");
    try (MonitorProcess make = MonitorProcess.start("--make-cluster-key", key.toString())) {
      assertEquals(0, make.waitForExit(EXIT), make.transcript());
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    try (MonitorProcess again = MonitorProcess.start("--make-cluster-key", key.toString())) {
      assertEquals(1, again.waitForExit(EXIT));
      assertEquals(List.of("connmonitor: " + key + " exists already; remove it first to make a new cluster key"),
          again.stderr());
    }
    Path cluster = Files.writeString(dir.resolve("cluster.conf"),
        "vantage=site-a\nlisten=127.0.0.1:7800\njoin=127.0.0.1:7800\nkey=" + key + "\n");
    Path hosts = Files.writeString(dir.resolve("hosts.conf"), "127.0.0.1 from=any\n");
    try (MonitorProcess check = MonitorProcess.start("--check", "--cluster", cluster.toString(), hosts.toString())) {
      assertEquals(0, check.waitForExit(EXIT), check.transcript());
      assertEquals(List.of(cluster + ": valid, with its key", hosts + ": valid, 1 host"), check.stdout());
    }
  }

  @Test
  void checkSaysEachErrorOfTheClusterFileWithItsLine() throws Exception {
    Path cluster = Files.writeString(dir.resolve("cluster.conf"), "listen=127.0.0.1\njoin=127.0.0.1:7800\nkeys=x\n");
    try (MonitorProcess check = MonitorProcess.start("--check", "--cluster", cluster.toString())) {
      assertEquals(1, check.waitForExit(EXIT));
      List<String> errors = check.stderr();
      assertEquals(3, errors.size(), check.transcript());
      assertTrue(errors.get(0).startsWith(cluster + ": line 3: \"keys=x\": expected KEY=VALUE"), errors.get(0));
      assertTrue(errors.get(1).startsWith(cluster + ": line 1: \"127.0.0.1\": invalid listen;"), errors.get(1));
      assertTrue(errors.get(2).startsWith(cluster + ": no key=;"), errors.get(2));
    }
  }

  @Test
  void aKeyOthersMayReadIsRefusedBeforeJoining() throws Exception {
    Path key = dir.resolve("cluster.key");
    try (MonitorProcess make = MonitorProcess.start("--make-cluster-key", key.toString())) {
      assertEquals(0, make.waitForExit(EXIT), make.transcript());
    }
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Path cluster = Files.writeString(dir.resolve("cluster.conf"),
        "listen=127.0.0.1:7800\njoin=127.0.0.1:7800\nkey=" + key + "\n");
    try (MonitorProcess monitor = MonitorProcess.start("--cluster", cluster.toString(),
        Files.writeString(dir.resolve("hosts.conf"), "127.0.0.1\n").toString())) {
      assertEquals(1, monitor.waitForExit(EXIT));
      assertEquals(1, monitor.stderr().size(), monitor.transcript());
      assertTrue(monitor.stderr().get(0).startsWith("EE: Cluster: " + key + " is readable or writable by others "
          + "(mode rw-r--r--); expected only its owner to have access: chmod 600 " + key), monitor.transcript());
    }
  }

  @Test
  void collectNeedsACluster() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start("--collect", "hosts.conf")) {
      assertEquals(2, monitor.waitForExit(EXIT));
      assertEquals(List.of("connmonitor: --collect needs --cluster (try connmonitor --help)"), monitor.stderr());
    }
  }
}
