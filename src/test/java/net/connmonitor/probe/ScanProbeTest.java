package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.connmonitor.testnet.TestNetwork;
import net.connmonitor.warmup.ScanWarmUp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scans of the test network's servers (nginx and MariaDB from Debian's packages), of a host with every port
 * closed and of one that drops everything, over IPv4 and IPv6, on the epoll transport as the monitor runs.
 */
@ExtendWith(TestNetwork.class)
class ScanProbeTest {

  private static final Path TEST_CERTIFICATE = Path.of("/run/connmonitor-testnet/cert.pem");

  private static Vertx vertx;
  private static ScanClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.builder().withTransport(Transport.EPOLL).build();
    client = ScanClient.create(vertx, ScanWarmUp::ofProcess);
    // A first scan waits for the process's warm-up: over before the timed scans below, they time the scan alone.
    ScanWarmUp.ofProcess(vertx, client).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void theWebHostsServersAnswerWithTheirStatusServerAndVersion() throws Exception {
    String nginx = "nginx/" + installedVersion(List.of("nginx", "-v"), "nginx version: nginx/(\\S+)");
    String mariadb = installedVersion(List.of("mariadbd", "--version"), "Ver (\\S+)");
    for (String web : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
      Scan scan = scan(web, Duration.ofSeconds(5));
      HttpAnswer http = scan.http().orElseThrow(() -> new AssertionError(web + ": no HTTP answer"));
      HttpAnswer https = scan.https().orElseThrow(() -> new AssertionError(web + ": no HTTPS answer"));
      MysqlAnswer mysql = scan.mysql().orElseThrow(() -> new AssertionError(web + ": no MySQL greeting"));
      assertEquals(new HttpAnswer(http.rttMs(), "200", nginx), http);
      assertEquals(new HttpAnswer(https.rttMs(), "200", nginx, https.tls()), https);
      assertEquals(new MysqlAnswer(mysql.rttMs(), mariadb), mysql);
      assertTrue(http.rttMs() > 0 && https.rttMs() > 0 && mysql.rttMs() > 0, scan.toString());
    }
  }

  /**
   * The test server's certificate is made by the test network, self-signed, for a week: its expiry is reported to the
   * second, and its chain does not verify, because no root the system trusts issued it.
   */
  @Test
  void theHttpsAnswerHasTheTlsVersionTheCertificatesExpiryAndWhyItDoesNotVerify() throws Exception {
    X509Certificate served;
    try (InputStream pem = Files.newInputStream(TEST_CERTIFICATE)) {
      served = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
    }
    for (String web : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
      HttpAnswer https = scan(web, Duration.ofSeconds(5)).https()
          .orElseThrow(() -> new AssertionError(web + ": no HTTPS answer"));
      TlsFacts tls = https.tls().orElseThrow(() -> new AssertionError(web + ": no TLS facts"));
      // The server offers nginx 1.22's default protocols, up to TLS 1.2 (1.3 joined them in nginx 1.23.4).
      assertEquals("TLSv1.2", tls.version(), web);
      assertEquals(served.getNotAfter().toInstant(), tls.earliestExpiry(), web);
      assertEquals(Optional.of("self-signed certificate (CN=cmt-web) that the system does not trust"),
          tls.notVerified(), web);
    }
  }

  @Test
  void closedPortsGiveNoneWithoutWaitingForTheTimeout() throws Exception {
    for (String far : List.of(TestNetwork.FAR_V4, TestNetwork.FAR_V6)) {
      long start = System.nanoTime();
      assertEquals(nothing(), scan(far, Duration.ofSeconds(5)), far);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(tookMs < 2500, far + " took " + tookMs + " ms, half the timeout or more");
    }
  }

  @Test
  void aHostThatDropsEverythingGivesNoneWithinTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(700);
    for (String dead : List.of(TestNetwork.DEAD_V4, TestNetwork.DEAD_V6)) {
      long start = System.nanoTime();
      assertEquals(nothing(), scan(dead, timeout), dead);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(tookMs >= timeout.toMillis() && tookMs < timeout.toMillis() + 500, dead + " took " + tookMs + " ms");
    }
  }

  @Test
  void withNoRouteToTheHostAScanFailsHereRatherThanReadTheServicesDown() throws Exception {
    TestNetwork.cut(true);
    try {
      for (String web : List.of(TestNetwork.WEB_V4, TestNetwork.WEB_V6)) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> scan(web, Duration.ofSeconds(2)));
        assertInstanceOf(LocalFailure.class, failed.getCause(), web);
        String message = failed.getCause().getMessage();
        assertTrue(message.startsWith("cannot connect to ") && message.endsWith(": No route to host"), message);
      }
    } finally {
      TestNetwork.cut(false);
    }
  }

  private static Scan scan(String host, Duration timeout) throws Exception {
    ScanProbe probe = new ScanProbe(vertx, client, host, host, ScanClient.Origin.ANY, timeout);
    Scan scan = probe.run().toCompletionStage().toCompletableFuture()
        .get(2 * timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
    System.out.println("scan of " + host + ": " + scan);
    return scan;
  }

  private static Scan nothing() {
    return new Scan(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The version a Debian package's program reports, so the test follows the archive's updates. */
  private static String installedVersion(List<String> command, String pattern) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Matcher version = Pattern.compile(pattern).matcher(output);
    assertTrue(version.find(), command + " printed " + output);
    return version.group(1);
  }
}
