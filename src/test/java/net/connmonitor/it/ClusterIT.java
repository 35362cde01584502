package net.connmonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.connmonitor.cluster.Assignment;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three monitors, each a JVM of the packaged jar in a site of its own (cmt-site-a, -b, -c, two, three and four hops
 * from cmt-web), started at once, form one cluster within a bound: from=any hosts measured exactly once, a killed
 * node's hosts taken over within the bound, a cut-off site measuring on its own and the cluster whole again once the
 * link is back, a node with another key kept out, a reload on one node applied on all, a restarted collector printing
 * and serving every vantage again. One cluster serves every test, in order; site-a is the collector, and serves the
 * cluster's metrics. Each node has its own copy of the hosts file.
 */
@ExtendWith(TestNetwork.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final List<String> SITES = List.of("a", "b", "c");
  private static final List<String> VANTAGES = List.of("site-a", "site-b", "site-c");
  private static final int PORT = 7800;
  private static final int METRICS_PORT = 9311;
  /** Addresses of the test network that answer pings: routers' and targets'. */
  private static final List<String> ANY_HOSTS = List.of("198.18.0.2", "198.18.1.1", "198.18.1.2", "198.18.2.1",
      "198.18.2.2", TestNetwork.FAR_V4, TestNetwork.SLOW_V4, TestNetwork.FAR_V6);
  private static final String MESH_HOST = TestNetwork.WEB_V4;
  /** How long a member that has left may take to have its hosts measured elsewhere. */
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(120);
  /** How long nodes started at once may take to form one cluster, JVMs' start included, on a loaded machine. */
  private static final Duration FORMATION_BOUND = Duration.ofSeconds(45);
  /** How long a restarted collector may take to print and serve every vantage again, its JVM's start included. */
  private static final Duration RESTART_BOUND = Duration.ofSeconds(30);
  /** How long after a partition has healed every host is measured exactly once again, at the most. */
  private static final long SETTLE_MS = 20_000;
  /** Long enough for a burst of every host (ping=500) several times over. */
  private static final long WINDOW_MS = 3000;

  @TempDir
  static Path directory;

  private final Map<String, MonitorProcess> nodes = new TreeMap<>();
  private String hosts;

  @BeforeAll
  void startThreeSites() throws Exception {
    try (MonitorProcess make = MonitorProcess.start("--make-cluster-key", key("cluster.key").toString())) {
      assertEquals(0, make.waitForExit(Duration.ofSeconds(30)), make.transcript());
    }
    StringBuilder lines = new StringBuilder(MESH_HOST + " from=all ping=500 numpings=3 trace=1000 json=1\n");
    ANY_HOSTS.forEach(host -> lines.append(host).append(" from=any ping=500 numpings=2 json=1\n"));
    hosts = lines.toString();
    // All at once, as machines that booted together start their services: JGroups' discovery may then make
    // several coordinators, whose clusters merge.
    long startedAt = System.currentTimeMillis();
    for (String site : SITES) {
      nodes.put(site, startNode(site));
    }
    for (MonitorProcess node : nodes.values()) {
      node.awaitStderr(line -> line.contains("the members are now site-a, site-b, site-c"), JOIN_TIMEOUT);
    }
    long formed = System.currentTimeMillis() - startedAt;
    System.out.println("ClusterIT: three nodes started at once formed one cluster " + formed + " ms after their start"
        + " (bound " + FORMATION_BOUND.toMillis() + " ms)");
    assertTrue(formed <= FORMATION_BOUND.toMillis(), "one cluster after " + formed + " ms");
  }

  @AfterAll
  void stop() throws InterruptedException {
    for (MonitorProcess node : nodes.values()) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void everyAnyHostIsMeasuredByExactlyOneNodeAndTheMeshHostByAll() throws Exception {
    Map<String, Set<String>> seen = vantagesInNextWindow(nodes.values());
    for (String host : ANY_HOSTS) {
      assertEquals(Set.of(owner(host, VANTAGES)), seen.get(host), host + ": " + seen);
    }
    assertEquals(Set.copyOf(VANTAGES), seen.get(MESH_HOST), seen.toString());
    // The collector prints every node's records; each node its own only.
    assertEquals(Set.copyOf(VANTAGES), vantagesIn(nodes.get("a")), "the collector");
    assertEquals(Set.of("site-b"), vantagesIn(nodes.get("b")));
    // The mesh host from three distances: the route to it is two, three and four hops long.
    // A route is printed when it changes, so the first, printed before the collector had joined, is on each node's.
    Map<String, Integer> hops = new TreeMap<>();
    Map<String, Double> rtt = new TreeMap<>();
    for (MonitorProcess node : nodes.values()) {
      for (JsonObject record : records(node.stdout())) {
        if (record.getString("name").equals(MESH_HOST) && record.containsKey("trace")) {
          hops.put(record.getString("vantage"), record.getJsonArray("trace").size());
        }
        if (record.getString("name").equals(MESH_HOST) && record.containsKey("ping")) {
          rtt.put(record.getString("vantage"), record.getJsonObject("ping").getDouble("avg"));
        }
      }
    }
    System.out.println("ClusterIT: " + MESH_HOST + " from three vantages: hops " + hops + ", last average RTT (ms) "
        + rtt);
    assertEquals(Map.of("site-a", 2, "site-b", 3, "site-c", 4), hops);
  }

  /**
   * One scrape of the collector gives the cluster: the mesh host's series from the three vantages, each from-any host's
   * from its owner, the members and the hosts each one measures. Another vantage's series come from its records, which
   * carry no reply's time: no histogram for them. (Nor its route yet: only a changed route is a record, and the first
   * was printed before the collector had joined.)
   */
  @Test
  @Order(2)
  void theCollectorsMetricsServeEveryVantagesSeriesAndTheMembers() throws Exception {
    String mesh = "addr=\"" + MESH_HOST + "\",host=\"" + MESH_HOST + "\",vantage=\"";
    List<String> wanted = new ArrayList<>(List.of("connmonitor_cluster_members 3.0",
        "connmonitor_trace_hops{" + mesh + "site-a\"} 2.0"));
    for (String vantage : VANTAGES) {
      wanted.add("connmonitor_ping_requests_total{" + mesh + vantage + "\"}");
      wanted.add("connmonitor_ping_last_avg_seconds{" + mesh + vantage + "\"}");
      wanted.add("connmonitor_cluster_hosts{vantage=\"" + vantage + "\"} " + owned(vantage, VANTAGES).size() + ".0");
    }
    for (String host : ANY_HOSTS) {
      wanted.add("connmonitor_ping_last_loss_ratio{addr=\"" + host + "\",host=\"" + host + "\",vantage=\""
          + owner(host, VANTAGES) + "\"}");
    }
    String scrape = "";
    long deadline = System.currentTimeMillis() + 30_000;
    while (!containsAll(scrape, wanted) && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      scrape = scrapeCollector();
    }
    for (String line : wanted) {
      assertTrue(scrape.contains(line), line + " in\n" + scrape);
    }
    assertTrue(scrape.contains("connmonitor_ping_rtt_seconds_count{" + mesh + "site-a\"}"), scrape);
    assertFalse(scrape.contains("connmonitor_ping_rtt_seconds_count{" + mesh + "site-b\"}"), scrape);
    // Every vantage's series in one family each, as Prometheus's own linter wants them.
    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String verdict = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, promtool.waitFor(), "promtool check metrics:\n" + verdict);
    System.out.println("ClusterIT: the collector's metrics of " + MESH_HOST + ": " + scrape.lines()
        .filter(line -> line.startsWith("connmonitor_ping_last_avg_seconds{" + mesh)
            || line.startsWith("connmonitor_trace_hops{" + mesh)).toList());
  }

  @Test
  @Order(3)
  void aKilledNodesHostsAreTakenOverWithinTheBoundAndComeBackWithIt() throws Exception {
    String victim = SITES.stream().filter(site -> !site.equals("a"))
        .max((x, y) -> Integer.compare(owned("site-" + x, VANTAGES).size(), owned("site-" + y, VANTAGES).size()))
        .orElseThrow();
    List<String> survivors = VANTAGES.stream().filter(vantage -> !vantage.equals("site-" + victim)).toList();
    List<String> orphans = owned("site-" + victim, VANTAGES);
    assertTrue(!orphans.isEmpty(), "site-" + victim + " owns no host");
    nodes.get(victim).signal("KILL");
    long killedAt = System.currentTimeMillis();
    long slowest = 0;
    for (String host : orphans) {
      MonitorProcess heir = nodes.get(owner(host, survivors).substring("site-".length()));
      long measuredAt = awaitRecord(heir, host, killedAt, TAKEOVER_BOUND.plusSeconds(10));
      slowest = Math.max(slowest, measuredAt - killedAt);
    }
    System.out.println("ClusterIT: kill -9 of site-" + victim + ": its " + orphans.size()
        + " from=any hosts measured by the survivors " + slowest + " ms after the kill (bound "
        + TAKEOVER_BOUND.toMillis() + " ms)");
    assertTrue(slowest <= TAKEOVER_BOUND.toMillis(), "takeover after " + slowest + " ms");

    nodes.get(victim).close();
    int seenBefore = nodes.get("a").stderr().size();
    nodes.put(victim, startNode(victim));
    awaitNewStderr(nodes.get("a"), seenBefore, line -> line.contains("site-" + victim + " joined"), JOIN_TIMEOUT);
    Map<String, Set<String>> seen = vantagesInNextWindow(nodes.values());
    for (String host : ANY_HOSTS) {
      assertEquals(Set.of(owner(host, VANTAGES)), seen.get(host), host + ": " + seen);
    }
  }

  @Test
  @Order(4)
  void aCutOffSiteMeasuresEverythingItCanUntilTheLinkIsBackThenOnceAgain() throws Exception {
    int seenByA = nodes.get("a").stderr().size();
    int seenByC = nodes.get("c").stderr().size();
    TestNetwork.site("c", false);
    AssertionError failure = null;
    try {
      awaitNewStderr(nodes.get("a"), seenByA, line -> line.startsWith("WW: cluster: site-c left"), JOIN_TIMEOUT);
      // It may see the other two go at once or one after the other: until only itself is left.
      awaitNewStderr(nodes.get("c"), seenByC, line -> line.startsWith("WW: cluster: ") && line.contains(" left ")
          && line.contains("are measured by site-c,"), JOIN_TIMEOUT);
      Map<String, Set<String>> cutOff = vantagesInNextWindow(List.of(nodes.get("c")));
      // The collector may print records of site-c that were under way when the link went down.
      Map<String, Set<String>> rest = vantagesInNextWindow(List.of(nodes.get("a"), nodes.get("b")));
      rest.values().forEach(vantages -> vantages.remove("site-c"));
      for (String host : ANY_HOSTS) {
        assertEquals(Set.of("site-c"), cutOff.get(host), host + " on the cut-off side: " + cutOff);
        assertEquals(Set.of(owner(host, List.of("site-a", "site-b"))), rest.get(host), host + ": " + rest);
      }
    } catch (AssertionError e) {
      failure = e;
    }
    Map<String, Integer> seen = new TreeMap<>();
    nodes.forEach((site, node) -> seen.put(site, node.stderr().size()));
    TestNetwork.site("c", true);
    if (failure != null) {
      throw failure;
    }
    long healedAt = System.currentTimeMillis();
    // Whole again once every node sees the three: the cut-off side may see the other two come back one by one.
    for (String site : SITES) {
      awaitNewStderr(nodes.get(site), seen.get(site),
          line -> line.contains("the members are now site-a, site-b, site-c"), JOIN_TIMEOUT);
    }
    System.out.println("ClusterIT: partition healed " + (System.currentTimeMillis() - healedAt)
        + " ms after the link came back");
    // The collector receives the cut-off node's records again.
    int printed = nodes.get("a").stdout().size();
    awaitNewStdout(nodes.get("a"), printed, line -> line.contains("\"vantage\":\"site-c\""), JOIN_TIMEOUT);
    // The members learn of the merge one after the other: until the last has, a host may still be measured twice.
    long settleBy = System.currentTimeMillis() + SETTLE_MS;
    Map<String, Set<String>> whole;
    do {
      whole = vantagesInNextWindow(nodes.values());
    } while (!ANY_HOSTS.stream().allMatch(exactlyOnce(whole)) && System.currentTimeMillis() < settleBy);
    System.out.println("ClusterIT: every host measured exactly once again " + (System.currentTimeMillis() - healedAt)
        + " ms after the link came back");
    for (String host : ANY_HOSTS) {
      assertEquals(Set.of(owner(host, VANTAGES)), whole.get(host), host + ": " + whole);
    }
  }

  private static Predicate<String> exactlyOnce(Map<String, Set<String>> seen) {
    return host -> Set.of(owner(host, VANTAGES)).equals(seen.get(host));
  }

  @Test
  @Order(5)
  void aNodeWithAnotherKeyCannotJoinReadOrPublish() throws Exception {
    Path otherKey = key("other.key");
    try (MonitorProcess make = MonitorProcess.start("--make-cluster-key", otherKey.toString())) {
      assertEquals(0, make.waitForExit(Duration.ofSeconds(30)), make.transcript());
    }
    Path file = Files.writeString(directory.resolve("rogue.conf"), "vantage=rogue\nlisten="
        + TestNetwork.SITE_V4.get("d") + ":" + PORT + "\njoin=" + joinList() + "\nkey=" + otherKey + "\n");
    int seenByA = nodes.get("a").stdout().size();
    try (MonitorProcess rogue = MonitorProcess.start(List.of("ip", "netns", "exec", "cmt-site-d"), null,
        "--cluster", file.toString(), "--collect", Files.writeString(directory.resolve("rogue-hosts.conf"), hosts)
            .toString())) {
      // Alone, it measures every host itself: once it has, it has long tried to join.
      rogue.awaitStdout(line -> line.contains("\"vantage\":\"rogue\"") && line.contains(TestNetwork.FAR_V6),
          JOIN_TIMEOUT);
      Thread.sleep(5000);
      assertTrue(rogue.stderr().stream().noneMatch(line -> line.contains("joined")), rogue.transcript());
      assertEquals(Set.of("rogue"), vantagesIn(rogue), "what the rogue node received");
      List<String> atCollector = nodes.get("a").stdout();
      assertTrue(atCollector.subList(seenByA, atCollector.size()).stream().noneMatch(line -> line.contains("rogue")),
          "the collector printed a record of the rogue node");
      for (MonitorProcess node : nodes.values()) {
        assertTrue(node.stderr().stream().noneMatch(line -> line.contains("rogue")), node.transcript());
      }
      System.out.println("ClusterIT: the node with another key: " + String.join(" | ", rogue.stderr()));
    }
  }

  @Test
  @Order(6)
  void aReloadOnOneNodeIsAppliedOnEvery() throws Exception {
    String added = "198.18.10.1";
    Files.writeString(hostsFile("b"), hosts + added + " from=all ping=500 numpings=2 json=1\n");
    nodes.get("b").signal("HUP");
    long reloadedAt = System.currentTimeMillis();
    for (String site : SITES) {
      awaitRecord(nodes.get(site), added, reloadedAt, Duration.ofSeconds(20));
    }
    System.out.println("ClusterIT: a reload on site-b measured everywhere after "
        + (System.currentTimeMillis() - reloadedAt) + " ms");
    for (String site : List.of("a", "c")) {
      assertTrue(nodes.get(site).stderr().stream()
          .anyMatch(line -> line.startsWith("II: cluster: configuration version") && line.contains("from site-b")),
          nodes.get(site).transcript());
    }
  }

  @Test
  @Order(7)
  void aConsumerOnlyJvmReceivesEveryNodesRecordsAndIsGivenNoHost() throws Exception {
    Path source = directory.resolve("ClusterConsumer.java");
    Files.writeString(source, consumerExample());
    Path file = Files.writeString(directory.resolve("consumer.conf"), "vantage=consumer\nlisten="
        + TestNetwork.SITE_V4.get("d") + ":" + (PORT + 10) + "\njoin=" + joinList() + "\nkey=" + key("cluster.key")
        + "\n");
    // The library jar and its dependencies, vertx-infinispan among them, as this JVM has them; the source launcher
    // compiles the documented example.
    String classpath = System.getProperty("connmonitor.library") + ":" + System.getProperty("java.class.path");
    try (MonitorProcess consumer = MonitorProcess.run(List.of("ip", "netns", "exec", "cmt-site-d",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, source.toString(),
        file.toString()))) {
      for (String vantage : VANTAGES) {
        consumer.awaitStdout(line -> line.startsWith(vantage + " measured "), JOIN_TIMEOUT);
      }
      Map<String, Set<String>> seen = vantagesInNextWindow(nodes.values());
      for (String host : ANY_HOSTS) {
        assertEquals(Set.of(owner(host, VANTAGES)), seen.get(host), host + ": " + seen);
      }
    }
  }

  /**
   * The collector stopped (as systemd stops it) and started again while the others run: it prints every vantage's
   * records again and serves their series, and says nothing of records it could not decode.
   */
  @Test
  @Order(8)
  void aRestartedCollectorPrintsAndServesEveryVantageAgain() throws Exception {
    MonitorProcess collector = nodes.get("a");
    collector.signal("TERM");
    assertEquals(0, collector.waitForExit(Duration.ofSeconds(30)), collector.transcript());
    collector.close();
    long startedAt = System.currentTimeMillis();
    MonitorProcess restarted = startNode("a");
    nodes.put("a", restarted);
    for (String vantage : VANTAGES) {
      restarted.awaitStdout(line -> line.contains("\"vantage\":\"" + vantage + "\""), RESTART_BOUND);
    }
    long printing = System.currentTimeMillis() - startedAt;
    String mesh = "addr=\"" + MESH_HOST + "\",host=\"" + MESH_HOST + "\",vantage=\"";
    List<String> wanted = new ArrayList<>(List.of("connmonitor_cluster_members 3.0"));
    VANTAGES.forEach(vantage -> wanted.add("connmonitor_ping_requests_total{" + mesh + vantage + "\"}"));
    String scrape = "";
    while (!containsAll(scrape, wanted) && System.currentTimeMillis() - startedAt < RESTART_BOUND.toMillis()) {
      Thread.sleep(200);
      try {
        scrape = scrapeCollector();
      } catch (IOException notListeningYet) {
        scrape = "";
      }
    }
    long serving = System.currentTimeMillis() - startedAt;
    System.out.println("ClusterIT: the restarted collector printed every vantage " + printing + " ms and served them "
        + serving + " ms after its start (bound " + RESTART_BOUND.toMillis() + " ms)");
    for (String line : wanted) {
      assertTrue(scrape.contains(line), line + " in\n" + scrape);
    }
    assertTrue(restarted.stderr().stream().noneMatch(line -> line.startsWith("EE:")), restarted.transcript());
  }

  /** The consumer embedders copy: the Java block of docs/embedding.md's section on a cluster's records. */
  private static String consumerExample() throws IOException {
    String document = Files.readString(Path.of("docs/embedding.md"));
    int section = document.indexOf("\n## A consumer of a cluster's records");
    assertTrue(section >= 0, "no section \"A consumer of a cluster's records\" in docs/embedding.md");
    int start = document.indexOf("```java\n", section) + "```java\n".length();
    return document.substring(start, document.indexOf("\n```\n", start) + 1);
  }

  private Path hostsFile(String site) {
    return directory.resolve("hosts-" + site + ".conf");
  }

  private MonitorProcess startNode(String site) throws IOException {
    Path file = Files.writeString(directory.resolve("site-" + site + ".conf"), "vantage=site-" + site + "\nlisten="
        + TestNetwork.SITE_V4.get(site) + ":" + PORT + "\njoin=" + joinList() + "\nkey=" + key("cluster.key") + "\n");
    List<String> args = new ArrayList<>(List.of("--cluster", file.toString()));
    if (site.equals("a")) {
      args.addAll(List.of("--collect", "--listen", collectorMetrics()));
    }
    if (!Files.exists(hostsFile(site))) {
      Files.writeString(hostsFile(site), hosts);
    }
    args.add(hostsFile(site).toString());
    return MonitorProcess.start(List.of("ip", "netns", "exec", "cmt-site-" + site), null, args.toArray(String[]::new));
  }

  /** Where the collector serves its metrics: its site's address, which the machine's namespace reaches. */
  private static String collectorMetrics() {
    return TestNetwork.SITE_V4.get("a") + ":" + METRICS_PORT;
  }

  private static String scrapeCollector() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
        .send(HttpRequest.newBuilder(URI.create("http://" + collectorMetrics() + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static boolean containsAll(String text, List<String> parts) {
    return parts.stream().allMatch(text::contains);
  }

  private Path key(String name) {
    return directory.resolve(name);
  }

  private static String joinList() {
    return SITES.stream().map(site -> TestNetwork.SITE_V4.get(site) + ":" + PORT).collect(Collectors.joining(","));
  }

  private static String owner(String host, List<String> vantages) {
    return Assignment.owner(host, vantages).orElseThrow();
  }

  private static List<String> owned(String vantage, List<String> vantages) {
    return ANY_HOSTS.stream().filter(host -> owner(host, vantages).equals(vantage)).toList();
  }

  /** Which vantages measured each host in the window that starts a second from now, after whatever is in flight. */
  private static Map<String, Set<String>> vantagesInNextWindow(Collection<MonitorProcess> from)
      throws InterruptedException {
    Thread.sleep(1000);
    long start = System.currentTimeMillis();
    Thread.sleep(WINDOW_MS);
    long end = System.currentTimeMillis();
    Map<String, Set<String>> seen = new HashMap<>();
    for (MonitorProcess node : from) {
      for (JsonObject record : records(node.stdout())) {
        double at = record.getDouble("timestamp");
        if (record.containsKey("ping") && at >= start && at <= end) {
          seen.computeIfAbsent(record.getString("name"), host -> new TreeSet<>()).add(record.getString("vantage"));
        }
      }
    }
    return seen;
  }

  private static Set<String> vantagesIn(MonitorProcess node) {
    return records(node.stdout()).stream().map(record -> record.getString("vantage")).collect(Collectors.toSet());
  }

  private static List<JsonObject> records(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
  }

  /** @return when the first ping record of {@code host} measured after {@code after} was measured */
  private static long awaitRecord(MonitorProcess node, String host, long after, Duration timeout)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      for (JsonObject record : records(node.stdout())) {
        long at = (long) (double) record.getDouble("timestamp");
        if (record.getString("name").equals(host) && record.containsKey("ping") && at > after) {
          return at;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(host + " not measured within " + timeout + "\n" + node.transcript());
  }

  private static void awaitNewStdout(MonitorProcess node, int seen, Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    awaitNew(node, true, seen, wanted, timeout);
  }

  private static void awaitNewStderr(MonitorProcess node, int seen, Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    awaitNew(node, false, seen, wanted, timeout);
  }

  private static void awaitNew(MonitorProcess node, boolean stdout, int seen, Predicate<String> wanted,
      Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (System.currentTimeMillis() < deadline) {
      List<String> lines = stdout ? node.stdout() : node.stderr();
      if (lines.subList(Math.min(seen, lines.size()), lines.size()).stream().anyMatch(wanted)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such new line on standard " + (stdout ? "output" : "error") + " within " + timeout
        + "\n" + node.transcript());
  }
}
