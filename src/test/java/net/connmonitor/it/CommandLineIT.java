package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without monitoring: nothing here needs privileges. */
class CommandLineIT {

  private static final Duration EXIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void printsItsVersion() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start("--version")) {
      assertEquals(0, monitor.waitForExit(EXIT));
      assertEquals(1, monitor.stdout().size());
      assertTrue(monitor.stdout().get(0).matches("connmonitor \\d+\\.\\d+\\.\\d+"), monitor.transcript());
    }
    try (MonitorProcess monitor = MonitorProcess.start("-v", "ignored")) {
      assertEquals(0, monitor.waitForExit(EXIT));
      assertTrue(monitor.stdout().get(0).startsWith("connmonitor "));
    }
  }

  @Test
  void printsItsUsage() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start("--help")) {
      assertEquals(0, monitor.waitForExit(EXIT));
      assertTrue(monitor.stdout().get(0)
              .startsWith("Usage: connmonitor [--listen ADDRESS:PORT [--rtt-buckets N]] [--ping-records MODE]"),
          monitor.transcript());
    }
  }

  @Test
  void refusesWhatItDoesNotUnderstand() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start("--bogus")) {
      assertEquals(2, monitor.waitForExit(EXIT));
      assertEquals(List.of("connmonitor: unknown option --bogus (try connmonitor --help)"), monitor.stderr());
    }
  }

  @Test
  void checkReportsEveryErrorWithItsLineAndNoStackTrace() throws Exception {
    Path config = dir.resolve("bad.conf");
    Files.writeString(config, "127.0.0.1 ping=100\n\nexample.net pings=5\n::1 hops=0 json=yes\n");
    try (MonitorProcess monitor = MonitorProcess.start("--check", config.toString())) {
      assertEquals(1, monitor.waitForExit(EXIT));
      List<String> errors = monitor.stderr();
      assertEquals(3, errors.size(), monitor.transcript());
      assertTrue(errors.get(0).startsWith(config + ": line 3: \"pings=5\": "), errors.get(0));
      assertTrue(errors.get(1).startsWith(config + ": line 4: \"hops=0\": "), errors.get(1));
      assertTrue(errors.get(2).startsWith(config + ": line 4: \"json=yes\": "), errors.get(2));
      assertNoStackTrace(monitor);
    }
  }

  @Test
  void checkOfAMegabyteOfRandomBytesSaysAHundredErrorsThenHowManyMore() throws Exception {
    byte[] garbage = new byte[1 << 20];
    new Random(7).nextBytes(garbage);
    Path config = Files.write(dir.resolve("garbage.conf"), garbage);
    try (MonitorProcess monitor = MonitorProcess.start("--check", config.toString())) {
      assertEquals(1, monitor.waitForExit(EXIT));
      List<String> errors = monitor.stderr();
      assertEquals(101, errors.size(), monitor.transcript());
      assertTrue(errors.subList(0, 100).stream().allMatch(line -> line.startsWith(config + ": line ")),
          monitor.transcript());
      assertTrue(errors.stream().allMatch(line -> line.length() < 400), monitor.transcript());
      assertTrue(errors.get(100).matches(Pattern.quote(config + ": … and ") + "\\d+ more errors"), errors.get(100));
      assertNoStackTrace(monitor);
      assertEquals(List.of(), monitor.stdout());
    }
  }

  @Test
  void checkWarnsOfARepeatedHostLineAndCountsItOnce() throws Exception {
    Path config = dir.resolve("repeated.conf");
    Files.writeString(config, "127.0.0.1 ping=100\n::1\n127.0.0.1 PING=100.0\n");
    try (MonitorProcess monitor = MonitorProcess.start("--check", config.toString())) {
      assertEquals(0, monitor.waitForExit(EXIT));
      assertEquals(List.of(config + ": valid, 2 hosts"), monitor.stdout());
      assertEquals(List.of(config + ": warning: line 3: \"127.0.0.1\" repeats line 1 (the same host and options);"
          + " measured once"), monitor.stderr());
    }
  }

  @Test
  void checkAcceptsAValidFile() throws Exception {
    Path config = dir.resolve("good.conf");
    Files.writeString(config, "# two hosts\n127.0.0.1 ping=100\n::1 PING=250 Json=TRUE\n");
    try (MonitorProcess monitor = MonitorProcess.start("--check", config.toString())) {
      assertEquals(0, monitor.waitForExit(EXIT));
      assertEquals(List.of(config + ": valid, 2 hosts"), monitor.stdout());
      assertEquals(List.of(), monitor.stderr());
    }
  }

  @Test
  void checkOfAMissingFileSaysSo() throws Exception {
    Path missing = dir.resolve("missing.conf");
    try (MonitorProcess monitor = MonitorProcess.start("--check", missing.toString())) {
      assertEquals(1, monitor.waitForExit(EXIT));
      assertEquals(List.of("connmonitor: cannot read " + missing + " (no such file)"), monitor.stderr());
    }
  }

  @Test
  void anUnknownOptionStopsTheMonitorAtStart() throws Exception {
    Path config = dir.resolve("unknown.conf");
    Files.writeString(config, "127.0.0.1 bogus=1\n");
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      assertEquals(1, monitor.waitForExit(EXIT));
      String error = monitor.stderr().get(0);
      assertTrue(error.startsWith("EE: Config: " + config + ": line 1: \"bogus=1\": unknown option; expected "),
          monitor.transcript());
      assertNoStackTrace(monitor);
      assertEquals(List.of(), monitor.stdout());
    }
  }

  @Test
  void aMissingFileStopsTheMonitorAtStart() throws Exception {
    Path missing = dir.resolve("missing.conf");
    try (MonitorProcess monitor = MonitorProcess.start(missing.toString())) {
      assertEquals(1, monitor.waitForExit(EXIT));
      assertTrue(monitor.stderr().get(0).startsWith("EE: Config: cannot read " + missing + " (no such file) -\t"),
          monitor.transcript());
      assertNoStackTrace(monitor);
    }
  }

  static void assertNoStackTrace(MonitorProcess monitor) {
    for (String line : monitor.stderr()) {
      assertTrue(!line.startsWith("\tat ") && !line.contains("Exception"), "a stack trace:\n" + monitor.transcript());
    }
  }
}
