package net.connmonitor.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus ({@code .ci/setup} installs it), run by a test with a configuration of its own: one job
 * scraping one target every second, rules evaluated every second, its storage in a scratch directory, its web
 * interface on a free loopback port.
 */
final class PrometheusServer implements AutoCloseable {

  static final String JOB = "connmonitor";

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** @param target the {@code HOST:PORT} of the metrics endpoint */
  static PrometheusServer scraping(String target, Path dir) throws IOException, InterruptedException {
    return scraping(target, dir, List.of(), List.of());
  }

  /**
   * @param ruleFiles rule files it evaluates every second
   * @param features  its feature flags, such as {@code native-histograms}
   */
  static PrometheusServer scraping(String target, Path dir, List<Path> ruleFiles, List<String> features)
      throws IOException, InterruptedException {
    StringBuilder rules = new StringBuilder();
    ruleFiles.forEach(file -> rules.append("  - '").append(file.toAbsolutePath()).append("'\n"));
    Path config = Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: %s
            static_configs:
              - targets: ['%s']
        rule_files:
        %s""".formatted(JOB, target, rules));
    int port = freePort();
    Path log = dir.resolve("prometheus.log");
    List<String> command = new ArrayList<>(List.of("prometheus", "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
    features.forEach(feature -> command.add("--enable-feature=" + feature));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PrometheusServer server = new PrometheusServer(process, log, port);
    server.awaitReady();
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("prometheus exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("prometheus not ready within 30 s:\n" + Files.readString(log));
  }

  /**
   * Evaluates an instant query that must give one sample.
   *
   * @return its value
   */
  double query(String promql) throws IOException, InterruptedException {
    JsonArray result = samples(promql);
    if (result.size() != 1) {
      throw new AssertionError(promql + " gave " + result.size() + " samples, not 1: " + result);
    }
    return Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
  }

  /** Evaluates an instant query: its samples, each with its {@code metric} and {@code value} (or {@code histogram}). */
  JsonArray samples(String promql) throws IOException, InterruptedException {
    return ((JsonObject) data("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
        .getJsonArray("result");
  }

  /** The values of a label among the series {@code match} selects. */
  JsonArray labelValues(String label, String match) throws IOException, InterruptedException {
    return (JsonArray) data("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(match,
        StandardCharsets.UTF_8));
  }

  /** Asks the HTTP API, which must answer with success: the {@code data} of its answer. */
  private Object data(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = get(pathAndQuery);
    JsonObject answer = new JsonObject(response.body());
    if (response.statusCode() != 200 || !"success".equals(answer.getString("status"))) {
      throw new AssertionError(pathAndQuery + ": " + response.body());
    }
    return answer.getValue("data");
  }

  /** Waits until the query gives one sample and returns it. */
  double await(String promql, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return query(promql);
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        TimeUnit.MILLISECONDS.sleep(500);
      }
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
