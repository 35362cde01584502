package net.connmonitor.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The system's own ping and traceroute see the network the other tests rely on. */
@ExtendWith(TestNetwork.class)
class TestNetworkTest {

  private static final Pattern HOP = Pattern.compile("^\\s*\\d+\\s+(\\S+)", Pattern.MULTILINE);

  @Test
  void everyRouterAnswersOnTheWayToTheTargets() throws Exception {
    assertEquals(TestNetwork.path(TestNetwork.ROUTERS_V4, TestNetwork.WEB_V4),
        hops("traceroute", "-n", "-q", "1", "-w", "2", TestNetwork.WEB_V4));
    assertEquals(TestNetwork.path(TestNetwork.ROUTERS_V6, TestNetwork.WEB_V6),
        hops("traceroute", "-6", "-n", "-q", "1", "-w", "2", TestNetwork.WEB_V6));
  }

  @Test
  void theDeadHostAnswersNothing() throws Exception {
    assertEquals(1, run("ping", "-c", "2", "-W", "1", TestNetwork.DEAD_V4));
    assertEquals(1, run("ping", "-6", "-c", "2", "-W", "1", TestNetwork.DEAD_V6));
  }

  @Test
  void theWebHostAnswersEveryPing() throws Exception {
    assertEquals(0, run("ping", "-c", "3", "-i", "0.2", "-W", "1", TestNetwork.WEB_V4));
    assertEquals(0, run("ping", "-6", "-c", "3", "-i", "0.2", "-W", "1", TestNetwork.WEB_V6));
  }

  @Test
  void withTheMachinesLinksDownTheTestAddressesAreUnreachableInsteadOfRoutedOut() throws Exception {
    List<String> targets = List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6, "198.19.255.254",
        "2001:db8:ffff::1");
    TestNetwork.cut(true);
    try {
      for (String target : targets) {
        assertEquals("RTNETLINK answers: No route to host\n", output("ip", "route", "get", target), target);
      }
    } finally {
      TestNetwork.cut(false);
    }
    assertEquals(0, run("ping", "-c", "3", "-i", "0.2", "-W", "1", TestNetwork.WEB_V4), "back up");
    assertEquals(0, run("ping", "-6", "-c", "3", "-i", "0.2", "-W", "1", TestNetwork.WEB_V6), "back up");
  }

  private static String output(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }

  private static List<String> hops(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    List<String> hops = new ArrayList<>();
    Matcher hop = HOP.matcher(output.substring(output.indexOf('\n') + 1));
    while (hop.find()) {
      hops.add(hop.group(1));
    }
    return hops;
  }

  private static int run(String... command) throws IOException, InterruptedException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start().waitFor();
  }
}
