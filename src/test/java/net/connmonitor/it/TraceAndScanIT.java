package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged monitor tracing and scanning the test network: a trace is printed once, then again only when the
 * route changes; plain-text records of both kinds as an operator reads them.
 */
@ExtendWith(TestNetwork.class)
class TraceAndScanIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  /** With trace=100 and answers within milliseconds, this is more than ten traces. */
  private static final long STEADY_MS = 2000;
  /**
   * With trace=100 and timeout=200, a trace with a silent router takes 300 ms: about ten traces, of which each
   * router answers the first few (its burst) and then one a second.
   */
  private static final long RATE_LIMITED_MS = 3000;

  @Test
  void anUnchangedRouteIsPrintedOnce() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), TestNetwork.WEB_V4 + " ping=0 trace=100 json=1\n")) {
      monitor.awaitStdout(line -> line.contains("\"trace\""), WAIT);
      Thread.sleep(STEADY_MS);
      assertEquals(List.of(TestNetwork.path(TestNetwork.ROUTERS_V4, TestNetwork.WEB_V4)), routes(monitor));
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(WAIT));
    }
  }

  @Test
  void aRouteChangeIsPrintedExactlyOnce() throws Exception {
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), TestNetwork.WEB_V4 + " ping=0 trace=100 json=1\n")) {
      monitor.awaitStdout(line -> line.contains("\"trace\""), WAIT);
      TestNetwork.detour(true);
      try {
        monitor.awaitStdout(line -> line.contains("\"trace\"") && !line.contains(TestNetwork.ROUTERS_V4.get(1)), WAIT);
        Thread.sleep(STEADY_MS);
        assertEquals(List.of(TestNetwork.path(TestNetwork.ROUTERS_V4, TestNetwork.WEB_V4),
            TestNetwork.path(TestNetwork.DETOUR_V4, TestNetwork.WEB_V4)), routes(monitor), monitor.transcript());
      } finally {
        TestNetwork.detour(false);
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(WAIT));
    }
  }

  @Test
  void routersThatRateLimitTheirErrorsMakeNoRouteChange() throws Exception {
    TestNetwork.rateLimitIcmpErrors(true);
    String config = TestNetwork.WEB_V4 + " ping=0 trace=100 timeout=200 json=1\n";
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), config)) {
      monitor.awaitStdout(line -> line.contains("\"trace\""), WAIT);
      // Past the routers' burst of answers, most traces are "* * * target" or lack a router or two.
      Thread.sleep(RATE_LIMITED_MS);
      List<List<String>> routes = routes(monitor);
      assertEquals(1, routes.size(), monitor.transcript());
      List<String> full = TestNetwork.path(TestNetwork.ROUTERS_V4, TestNetwork.WEB_V4);
      List<String> printed = routes.get(0);
      assertEquals(full.size(), printed.size(), monitor.transcript());
      for (int hop = 0; hop < full.size(); hop++) {
        assertTrue(printed.get(hop).equals(full.get(hop)) || printed.get(hop).equals("*"), monitor.transcript());
      }
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(WAIT));
    } finally {
      TestNetwork.rateLimitIcmpErrors(false);
    }
  }

  @Test
  void plainTextTraceWithASilentHopAndScanWithNone() throws Exception {
    String config = TestNetwork.FAR_V6 + " ping=0 trace=60000 scan=60000 timeout=500 timestamp=0\n";
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), config)) {
      monitor.awaitStdout(line -> line.equals("None\tNone\tNone"), WAIT);
      monitor.awaitStdout(line -> line.startsWith(TestNetwork.FAR_V6 + "\t"), WAIT);
      monitor.signal("TERM");
      assertEquals(0, monitor.waitForExit(WAIT));
      List<String> lines = monitor.stdout();
      int trace = -1;
      for (int i = 0; i + 1 < lines.size() && trace < 0; i++) {
        if (lines.get(i).equals(TestNetwork.FAR_V6) && lines.get(i + 1).startsWith(TestNetwork.ROUTERS_V6.get(0))) {
          trace = i + 1;
        }
      }
      assertTrue(trace > 0, monitor.transcript());
      List<String> steps = lines.subList(trace, trace + 5);
      assertEquals(TestNetwork.path(TestNetwork.ROUTERS_V6, "*", TestNetwork.FAR_V6),
          steps.stream().map(line -> line.split("\t")[0]).toList(), monitor.transcript());
      assertTrue(steps.stream().allMatch(line -> line.equals("*") || line.matches("\\S+\t\\d+\\.\\d{3}")),
          monitor.transcript());
      assertTrue(monitor.stderr().isEmpty(), monitor.transcript());
    }
  }

  private static List<List<String>> routes(MonitorProcess monitor) {
    List<List<String>> routes = new ArrayList<>();
    for (String line : monitor.stdout()) {
      JsonObject record = new JsonObject(line);
      JsonArray steps = record.getJsonArray("trace");
      if (steps != null) {
        List<String> route = new ArrayList<>();
        steps.forEach(step -> route.add(((JsonArray) step).getString(0)));
        routes.add(route);
      }
    }
    return routes;
  }

}
