package net.connmonitor.testnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.opentest4j.TestAbortedException;

/**
 * Brings up the test network of namespaces ({@code testnet/connmonitor-testnet}) once per test run for the
 * classes that extend with it, and takes it down when the run ends, even after a failure or an interrupted run.
 */
public final class TestNetwork implements BeforeAllCallback {

  public static final String WEB_V4 = "198.18.10.2";
  public static final String WEB_V6 = "2001:db8:0:10::2";
  public static final String LOSSY_V4 = "198.18.11.2";
  public static final String LOSSY_V6 = "2001:db8:0:11::2";
  public static final String DEAD_V4 = "198.18.12.2";
  public static final String DEAD_V6 = "2001:db8:0:12::2";
  /** Behind a fourth router that sends no time-exceeded; no TCP port open. */
  public static final String FAR_V4 = "198.18.14.2";
  public static final String FAR_V6 = "2001:db8:0:14::2";
  /** Answers pings 20 ms late ({@code testnet/echo-delay}); no TCP port open. */
  public static final String SLOW_V4 = "198.18.15.2";
  public static final String SLOW_V6 = "2001:db8:0:15::2";
  public static final long SLOW_DELAY_MS = 20;
  /**
   * Answers pings 20 ms late, after forging for each request a corrupt echo reply (IPv4) and, from another of its
   * addresses, a time-exceeded and an unreachable quoting it.
   */
  public static final String HOSTILE_V4 = "198.18.16.2";
  public static final String HOSTILE_V6 = "2001:db8:0:16::2";
  /** The machine's second link to the test network, and its addresses there: nothing is routed over it. */
  public static final String SIDE_INTERFACE = "cmt1";
  public static final String SIDE_V4 = "198.18.30.1";
  public static final String SIDE_V6 = "2001:db8:0:30::1";
  /** The machine's own end of the test network. */
  public static final String LOCAL_V4 = "198.18.0.1";
  public static final String LOCAL_V6 = "2001:db8::1";
  /** The routers from {@code cmt-web} back to the machine's own end, nearest first; ping sockets are allowed there. */
  public static final List<String> ROUTERS_FROM_WEB_V4 = List.of("198.18.10.1", "198.18.2.1", "198.18.1.1");
  public static final List<String> ROUTERS_FROM_WEB_V6 = List.of("2001:db8:0:10::1", "2001:db8:0:2::1", "2001:db8:0:1::1");
  public static final String WEB_NAMESPACE = "cmt-web";
  /** The routers on the way to every target, nearest first. */
  public static final List<String> ROUTERS_V4 = List.of("198.18.0.2", "198.18.1.2", "198.18.2.2");
  public static final List<String> ROUTERS_V6 = List.of("2001:db8::2", "2001:db8:0:1::2", "2001:db8:0:2::2");

  /** The way to the web target after {@link #detour(boolean) detour(true)}: the second router is bypassed. */
  public static final List<String> DETOUR_V4 = List.of("198.18.0.2", "198.18.2.2");

  /** The cluster tests' sites: cmt-site-X at 198.18.4N.2, two (a), three (b) and four (c) hops from cmt-web. */
  public static final Map<String, String> SITE_V4 =
      Map.of("a", "198.18.40.2", "b", "198.18.41.2", "c", "198.18.42.2", "d", "198.18.43.2");

  private static final Path SCRIPT = Path.of("testnet/connmonitor-testnet");
  private static final String REQUIRE_ROOT = "connmonitor.requireRoot";

  /**
   * Aborts the calling test (reported as skipped, with the reason) when the JVM is not root; fails it instead
   * when {@code -Dconnmonitor.requireRoot=true}, as in CI, where a skip would hide a test that never ran.
   */
  public static void requireRoot(String why) {
    if (isRoot()) {
      return;
    }
    String message = "needs root: " + why;
    if (Boolean.getBoolean(REQUIRE_ROOT)) {
      throw new AssertionError(message + " (-D" + REQUIRE_ROOT + "=true)");
    }
    throw new TestAbortedException(message);
  }

  /** The steps of a trace: {@code routers}, then {@code more} (null for a silent step, as in a TraceStep). */
  public static List<String> path(List<String> routers, String... more) {
    List<String> path = new ArrayList<>(routers);
    path.addAll(Arrays.asList(more));
    return path;
  }

  /** Switches the route to the web target's link over the bypass (a route change), or back. */
  public static void detour(boolean on) {
    script("detour", on ? "on" : "off");
  }

  /** Takes a site's link down at its router, cutting it off from everything, or brings it up again. */
  public static void site(String site, boolean up) {
    script("site", site, up ? "up" : "down");
  }

  /**
   * Takes the machine's links to the test network down, which takes their routes with them: only the guard routes,
   * which make the test addresses unreachable, are left. Or brings the links and their routes back.
   */
  public static void cut(boolean on) {
    script("cut", on ? "on" : "off");
  }

  /**
   * Makes the routers rate-limit their ICMP errors as Linux does by default, so that most probes of a trace repeated
   * within a second go unanswered; or lets them answer every probe again.
   */
  public static void rateLimitIcmpErrors(boolean on) {
    script("ratelimit", on ? "on" : "off");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    requireRoot("the test network is made of network namespaces");
    context.getRoot().getStore(Namespace.GLOBAL).getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  private static boolean isRoot() {
    try {
      // /proc/self belongs to the effective user of the process that reads it.
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The network while it is up; JUnit closes it at the end of the run, the shutdown hook if the run is killed. */
  private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Thread takeDownOnExit = new Thread(() -> script("down"), "connmonitor-testnet down");

    static Running start() {
      script("down");
      script("up");
      Running running = new Running();
      Runtime.getRuntime().addShutdownHook(running.takeDownOnExit);
      return running;
    }

    @Override
    public void close() {
      Runtime.getRuntime().removeShutdownHook(takeDownOnExit);
      script("down");
    }
  }

  private static void script(String... command) {
    List<String> line = new ArrayList<>(List.of(SCRIPT.toString()));
    line.addAll(List.of(command));
    String described = String.join(" ", line);
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(described + " did not finish within 60 s");
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(described + " exited " + process.exitValue() + ": " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + described + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(described + " interrupted", e);
    }
  }
}
