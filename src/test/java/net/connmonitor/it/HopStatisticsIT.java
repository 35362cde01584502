package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import net.connmonitor.record.RecordSchema;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hop statistics ({@code hopstats=}) of the packaged jar on the test network: on the path to the lossy host (30 %
 * of echo requests dropped in its namespace), only the last hop loses; a host that traces without them has no
 * per-hop record or series.
 */
@ExtendWith(TestNetwork.class)
class HopStatisticsIT {

  /** 30 traces lose none of 30 echo requests once in 40,000 runs. */
  private static final int TRACES = 30;
  /** 30 traces, each at most one timeout (300 ms) and a pause of 100 ms, on a loaded machine. */
  private static final Duration SOON = Duration.ofSeconds(40);
  private static final String LOSSY = TestNetwork.LOSSY_V4;
  private static final String WEB = TestNetwork.WEB_V4;

  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  @Test
  void onThePathToTheLossyHostOnlyTheLastHopLosesAndAHostWithoutThemHasNone() throws Exception {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW, and the test network needs namespaces");
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    String config = LOSSY + " ping=0 trace=100 hops=8 timeout=300 hopstats=" + TRACES + " json=1\n"
        + WEB + " ping=0 trace=100 hops=8 timeout=300 json=1\n";
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), config, "--listen", listen)) {
      String line = monitor.awaitStdout(record -> record.contains("\"hopstats\":"), SOON);
      System.out.println(line);
      RecordSchema.assertValid(line);
      JsonObject record = new JsonObject(line);
      assertEquals(LOSSY, record.getString("addr"), line);
      JsonArray hops = record.getJsonArray("hopstats");
      List<String> path = TestNetwork.path(TestNetwork.ROUTERS_V4, LOSSY);
      assertEquals(path, IntStream.range(0, hops.size()).mapToObj(i -> hops.getJsonObject(i).getString("addr"))
          .toList(), line);
      for (int i = 0; i < hops.size(); i++) {
        JsonObject hop = hops.getJsonObject(i);
        assertEquals(i + 1, hop.getInteger("hop"), line);
        assertEquals(TRACES, hop.getInteger("sent"), line);
        assertTrue(hop.getDouble("best") > 0 && hop.getDouble("best") <= hop.getDouble("avg")
            && hop.getDouble("avg") <= hop.getDouble("worst"), line);
        double loss = hop.getDouble("loss");
        // The routers answer every probe; the lossy host drops 30 % of them: none lost of 30 would be 1 in 40,000.
        assertTrue(i < hops.size() - 1 ? loss == 0 : loss > 0 && loss < 100, line);
      }

      String scrape = client.send(HttpRequest.newBuilder(URI.create("http://" + listen + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String lastHop = "connmonitor_trace_hop_loss_ratio{addr=\"" + LOSSY + "\",hop=\"" + path.size()
          + "\",hop_addr=\"" + LOSSY + "\",host=\"" + LOSSY + "\"}";
      System.out.println(scrape.lines().filter(sample -> sample.startsWith(lastHop)).findFirst().orElseThrow());
      // The other host traced as often, and its route is known, but it has no hop statistics.
      assertTrue(scrape.contains("connmonitor_trace_hops{addr=\"" + WEB + "\",host=\"" + WEB + "\"} "
          + (TestNetwork.ROUTERS_V4.size() + 1) + ".0"), scrape);
      assertFalse(scrape.contains("connmonitor_trace_hop_loss_ratio{addr=\"" + WEB + "\""), scrape);
      assertFalse(scrape.contains("addr=\"" + WEB + "\",hop="), scrape);
      assertTrue(monitor.stdout().stream().filter(out -> out.contains("\"hopstats\":"))
          .noneMatch(out -> out.contains("\"addr\":\"" + WEB + "\"")), monitor.transcript());
    }
  }
}
