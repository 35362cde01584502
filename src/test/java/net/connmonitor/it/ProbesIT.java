package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.connmonitor.record.RecordSchema;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The further probes of the packaged jar on the test network: a record of each new kind and field, held against
 * the schema, and a sample of each new metric family, accepted by promtool.
 */
@ExtendWith(TestNetwork.class)
class ProbesIT {

  private static final Duration SOON = Duration.ofSeconds(20);
  private static final String WEB = TestNetwork.WEB_V4;
  private static final String FAR = TestNetwork.FAR_V4;

  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  @Test
  void recordsAndMetricsOfTcpPingsTlsAndTheReplyTtl() throws Exception {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW, and the test network needs namespaces");
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    String config = WEB + " ping=300 numpings=3 tcp=80,443,3306 tos=184 scan=1000 json=1\n"
        + FAR + " ping=300 numpings=3 tcp=443 trace=1000 hopstats=10 json=1\n";
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), config, "--listen", listen)) {
      String tcp = record(monitor, "\"addr\":\"" + WEB + "\",\"name\":\"" + WEB + "\",\"timestamp\"", "\"tcp\":");
      for (String port : List.of("80", "443", "3306")) {
        JsonObject stats = new JsonObject(tcp).getJsonObject("tcp").getJsonObject(port);
        assertEquals(0.0, stats.getDouble("loss"), tcp);
        assertEquals(0, stats.getInteger("refused"), tcp);
      }
      String refused = record(monitor, "\"addr\":\"" + FAR + "\"", "\"tcp\":");
      assertEquals(3, new JsonObject(refused).getJsonObject("tcp").getJsonObject("443").getInteger("refused"));
      String ping = record(monitor, "\"addr\":\"" + WEB + "\"", "\"ttl\":");
      assertEquals(64 - TestNetwork.ROUTERS_V4.size(), new JsonObject(ping).getJsonObject("ping").getInteger("ttl"));
      String scan = record(monitor, "\"addr\":\"" + WEB + "\"", "\"tls\":");
      JsonObject tls = new JsonObject(scan).getJsonObject("scan").getJsonObject("https").getJsonObject("tls");
      assertEquals(false, tls.getBoolean("verified"), scan);

      record(monitor, "\"addr\":\"" + FAR + "\"", "\"trace\":");
      String scrape = client.send(HttpRequest.newBuilder(URI.create("http://" + listen + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      System.out.println("GET /metrics, the first sample of each of the further probes' families:");
      for (String family : List.of("ping_reply_ttl", "tcp_ping_last_min_seconds", "tcp_ping_last_avg_seconds",
          "tcp_ping_last_max_seconds", "tcp_ping_last_loss_ratio", "tcp_ping_last_refused",
          "tls_cert_expiry_timestamp_seconds", "tls_verified", "trace_hop_loss_ratio", "trace_hop_last_seconds",
          "trace_hop_avg_seconds", "trace_hop_best_seconds", "trace_hop_worst_seconds", "trace_hop_stddev_seconds")) {
        assertTrue(scrape.contains("\n# TYPE connmonitor_" + family + " "), family);
        System.out.println("  " + scrape.lines().filter(line -> line.startsWith("connmonitor_" + family))
            .findFirst().orElseThrow());
      }
      assertTrue(scrape.contains("connmonitor_tcp_ping_last_refused{addr=\"" + FAR + "\",host=\"" + FAR
          + "\",port=\"443\"} 3.0"), scrape);
      // The router that sends no time-exceeded: a hop without an address, all its probes lost.
      assertTrue(scrape.contains("connmonitor_trace_hop_loss_ratio{addr=\"" + FAR + "\",hop=\"4\",hop_addr=\"\",host=\""
          + FAR + "\"} 1.0"), scrape);
      Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
      promtool.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
      promtool.getOutputStream().close();
      String verdict = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, promtool.waitFor(), "promtool check metrics:\n" + verdict);
    }
  }

  /** The first record with both pieces, valid by the schema, printed. */
  private static String record(MonitorProcess monitor, String about, String kind) throws InterruptedException {
    String line = monitor.awaitStdout(record -> record.contains(about) && record.contains(kind), SOON);
    RecordSchema.assertValid(line);
    System.out.println(line);
    return line;
  }
}
