package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;

/**
 * Ping records kept to changes or none, for the whole process and per host: the log is spared, the metrics are not.
 */
class PingRecordsIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  @Test
  void theProcessDefaultAndAHostsOwnChoiceDecideWhichPingRecordsArePrintedAndTheMetricsCountEveryBurst()
      throws Exception {
    TestNetwork.requireRoot("raw ICMP sockets need CAP_NET_RAW");
    String listen = "127.0.0.1:" + PrometheusServer.freePort();
    String config = "127.0.0.1 ping=100 numpings=2 json=1\n"
        + "127.0.0.2 ping=100 numpings=2 json=1 pingrecords=all\n"
        + "127.0.0.3 ping=100 numpings=2 json=1 pingrecords=changes trace=100\n";
    try (MonitorProcess monitor = MonitorProcess.start(List.of(), config, "--listen", listen, "--ping-records",
        "none")) {
      long[] printed = {0};
      monitor.awaitStdout(line -> line.contains("\"name\":\"127.0.0.2\"") && ++printed[0] >= 20, SOON);
      List<String> stdout = monitor.stdout();
      // The process's default: none of 127.0.0.1's records.
      assertTrue(stdout.stream().noneMatch(line -> line.contains("\"name\":\"127.0.0.1\"")), monitor.transcript());
      // Changes only: the first burst's record at least (which ones follow is PingRecordFilterTest's); its trace
      // records are untouched.
      assertTrue(stdout.stream().anyMatch(line -> line.contains("\"name\":\"127.0.0.3\"") && line.contains("ping")));
      assertTrue(stdout.stream().anyMatch(line -> line.contains("\"name\":\"127.0.0.3\"") && line.contains("trace")));

      HttpResponse<String> scrape = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
          .send(HttpRequest.newBuilder(URI.create("http://" + listen + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      double requests = scrape.body().lines()
          .filter(line -> line.startsWith("connmonitor_ping_requests_total{addr=\"127.0.0.1\""))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
      assertTrue(requests >= 2 * 10, "" + requests);
      assertEquals(0, monitor.stderr().size(), monitor.transcript());
    }
  }
}
