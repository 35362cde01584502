package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * source= and interface= on the test network: the target's firewall counts what comes from the chosen address,
 * and a trace bound to the machine's second link shows that link's router first. And labels= in JSON records.
 */
@ExtendWith(TestNetwork.class)
class EgressIT {

  private static final Duration SOON = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  @Test
  void probesLeaveFromTheChosenSourceAddressAndInterface() throws Exception {
    List<String[]> counters = List.of(
        new String[] {"iptables", "-s", TestNetwork.SIDE_V4, "-p", "icmp"},
        new String[] {"iptables", "-s", TestNetwork.SIDE_V4, "-p", "tcp", "--dport", "80"},
        new String[] {"ip6tables", "-s", TestNetwork.SIDE_V6, "-p", "icmpv6"},
        new String[] {"ip6tables", "-s", TestNetwork.SIDE_V6, "-p", "tcp", "--dport", "80"});
    counters.forEach(rule -> rule(rule, "-I"));
    try {
      Path config = Files.writeString(dir.resolve("hosts.conf"),
          TestNetwork.WEB_V4 + " ping=100 numpings=2 trace=300 scan=300 source=" + TestNetwork.SIDE_V4
              + " labels=site:lab json=1\n"
              + TestNetwork.WEB_V6 + " ping=100 numpings=2 trace=300 scan=300 interface=" + TestNetwork.SIDE_INTERFACE
              + " json=1\n");
      try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
        for (String web : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
          record(monitor, web, "ping");
          JsonObject scan = record(monitor, web, "scan").getJsonObject("scan");
          assertEquals("200", scan.getJsonObject("http").getString("response code"), scan.encode());
        }
        assertEquals(new JsonObject().put("site", "lab"), record(monitor, TestNetwork.WEB_V4, "ping")
            .getJsonObject("labels"));
        assertTrue(record(monitor, TestNetwork.WEB_V6, "ping").getValue("labels") == null);
        // Bound to the second link, the first router is that link's end of cmt-r1.
        assertEquals("2001:db8:0:30::2", record(monitor, TestNetwork.WEB_V6, "trace").getJsonArray("trace")
            .getJsonArray(0).getString(0));
        monitor.signal("TERM");
        assertEquals(0, monitor.waitForExit(SOON));
      }
      for (String[] rule : counters) {
        assertTrue(packets(rule) > 0, "nothing counted by " + String.join(" ", rule));
      }
    } finally {
      counters.forEach(rule -> rule(rule, "-D"));
    }
  }

  @Test
  void aSourceOrInterfaceThisMachineDoesNotHaveIsAnErrorOfItsLineAtStartAndOnReload() throws Exception {
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, "127.0.0.1\n198.18.10.2 source=198.51.100.7\n127.0.0.2 interface=nope0\n");
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      assertEquals(1, monitor.waitForExit(SOON));
      List<String> errors = monitor.stderr();
      assertTrue(errors.get(0).startsWith("EE: Config: " + config + ": line 2: \"source=198.51.100.7\": not an address "
          + "of this machine; expected one of "), monitor.transcript());
      assertTrue(errors.get(1).startsWith("EE: Config: " + config + ": line 3: \"interface=nope0\": no such network "
          + "interface; expected one of "), monitor.transcript());
    }
    Files.writeString(config, "127.0.0.1 ping=100 numpings=1 json=1\n");
    try (MonitorProcess monitor = MonitorProcess.start(config.toString())) {
      MonitorProcessIT.awaitRecords(monitor, "127.0.0.1", 1);
      Files.writeString(config, "127.0.0.1 ping=100 numpings=1 json=1 interface=nope0\n");
      monitor.signal("HUP");
      monitor.awaitStderr(line -> line.startsWith("EE: Config: " + config + ": line 1: \"interface=nope0\": no such "
          + "network interface"), SOON);
      int before = MonitorProcessIT.records(monitor, "127.0.0.1").size();
      MonitorProcessIT.awaitRecords(monitor, "127.0.0.1", before + 3);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(SOON));
    }
  }

  /** The latest record of {@code kind} for {@code host}, waiting for one. */
  private static JsonObject record(MonitorProcess monitor, String host, String kind) throws InterruptedException {
    String line = monitor.awaitStdout(l -> l.contains("\"name\":\"" + host + "\"") && l.contains("\"" + kind + "\":"),
        SOON);
    return new JsonObject(line);
  }

  /** Adds ({@code -I}) or deletes ({@code -D}) an accepting rule in cmt-web's INPUT chain: a counter. */
  private static void rule(String[] rule, String action) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", TestNetwork.WEB_NAMESPACE,
        rule[0], action, "INPUT"));
    command.addAll(List.of(rule).subList(1, rule.length));
    command.addAll(List.of("-j", "ACCEPT"));
    run(command);
  }

  private static long packets(String[] rule) {
    String listing = run(List.of("ip", "netns", "exec", TestNetwork.WEB_NAMESPACE, rule[0], "-L", "INPUT", "-v", "-n",
        "-x"));
    String source = rule[2];
    // iptables lists protocols by number: tcp 6, icmp 1, icmpv6 58.
    String protocol = switch (rule[4]) {
      case "tcp" -> "6";
      case "icmp" -> "1";
      default -> "58";
    };
    for (String line : listing.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length > 8 && line.contains(source) && fields[3].equals(protocol)
          && (rule.length < 7 || line.contains("dpt:80"))) {
        return Long.parseLong(fields[0]);
      }
    }
    throw new AssertionError("no rule for " + String.join(" ", rule) + " in\n" + listing);
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
