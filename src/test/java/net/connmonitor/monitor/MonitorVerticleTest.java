package net.connmonitor.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.connmonitor.log.StderrCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class MonitorVerticleTest {

  /** A host that measures nothing: it needs neither privileges nor a network, and says so once when it starts. */
  private static final String IDLE = "127.0.0.1 ping=0";
  private static final String IDLE_STARTED = "WW: 127.0.0.1: ping, trace and scan are all 0, so nothing is measured";

  @TempDir
  Path dir;

  @Test
  void anInvalidConfigurationFailsTheDeployment(Vertx vertx, VertxTestContext test) throws Exception {
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, "127.0.0.1 bogus=1\n");
    vertx.deployVerticle(new MonitorVerticle(), options(config))
        .onComplete(test.failing(e -> test.verify(() -> {
          assertInstanceOf(MonitorStartException.class, e);
          assertEquals(config + " has errors", e.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void aHundredErrorsAreReportedAtStartThenHowManyMore(Vertx vertx) throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), "127.0.0.1 bogus=1\n".repeat(250));
    try (StderrCapture stderr = StderrCapture.start()) {
      ExecutionException failed = assertThrows(ExecutionException.class,
          () -> vertx.deployVerticle(new MonitorVerticle(), options(config)).toCompletionStage().toCompletableFuture()
              .get(10, TimeUnit.SECONDS));
      assertInstanceOf(MonitorStartException.class, failed.getCause());
      List<String> lines = stderr.lines();
      assertEquals(102, lines.size(), stderr.text());
      assertTrue(lines.get(99).startsWith("EE: Config: " + config + ": line 100: \"bogus=1\": unknown option;"),
          lines.get(99));
      assertTrue(lines.get(100).startsWith("EE: Config: " + config + ": … and 150 more errors -\t"), lines.get(100));
      assertTrue(lines.get(101).startsWith("EE: Config: " + config + " has errors -\t"), lines.get(101));
    }
  }

  @Test
  void aRepeatedHostLineIsWarnedAtStartAndOnReloadAndMeasuredOnce(Vertx vertx) throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), IDLE + "\n# the same again\n" + IDLE + " json=0\n");
    String repeated = "WW: " + config + ": line 3: \"127.0.0.1\" repeats line 1 (the same host and options);"
        + " measured once -\t";
    try (StderrCapture stderr = StderrCapture.start()) {
      // Not watched: the reload below is the only one.
      vertx.deployVerticle(new MonitorVerticle(), new DeploymentOptions().setConfig(
          new JsonObject().put("path", config.toString()).put("watchPeriodMs", 0))).await(10, TimeUnit.SECONDS);
      awaitLine(stderr, line -> line.startsWith(IDLE_STARTED));
      assertEquals(1, stderr.lines().stream().filter(line -> line.startsWith(repeated)).count(), stderr.text());
      assertEquals(1, stderr.lines().stream().filter(line -> line.startsWith(IDLE_STARTED)).count(), stderr.text());

      Files.writeString(config, IDLE + "\n" + IDLE + "\n\n\n" + IDLE + "\n");
      vertx.eventBus().send(MonitorVerticle.RELOAD_ADDRESS, null);
      awaitLine(stderr, line -> line.startsWith("WW: " + config + ": line 5: \"127.0.0.1\" repeats line 1 "));
      List<String> lines = stderr.lines();
      int lineFive = lines.size() - 1;
      while (!lines.get(lineFive).startsWith("WW: " + config + ": line 5: ")) {
        lineFive--;
      }
      assertTrue(lines.get(lineFive - 1).startsWith("WW: " + config + ": line 2: \"127.0.0.1\" repeats line 1 "),
          stderr.text());
      // The host line is unchanged for the reload: its host runs on and does not start again.
      assertEquals(1, lines.stream().filter(line -> line.startsWith(IDLE_STARTED)).count(), stderr.text());
    }
  }

  @Test
  void aReloadAskedOnTheEventBusIsAnsweredWithItsOutcome(Vertx vertx) throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), IDLE + "\n");
    try (StderrCapture stderr = StderrCapture.start()) {
      vertx.deployVerticle(new MonitorVerticle(), new DeploymentOptions().setConfig(
          new JsonObject().put("path", config.toString()).put("watchPeriodMs", 0))).await(10, TimeUnit.SECONDS);
      Files.writeString(config, IDLE + "\n127.0.0.2 ping=0\n");
      assertEquals(new ReloadOutcome(ReloadOutcome.Result.APPLIED,
          List.of(config + " applied: 1 added, 0 removed, 1 unchanged")), reload(vertx));
      Files.writeString(config, IDLE + " bogus=1\n");
      ReloadOutcome invalid = reload(vertx);
      assertEquals(ReloadOutcome.Result.INVALID, invalid.result());
      assertEquals(2, invalid.lines().size(), invalid.toString());
      assertTrue(invalid.lines().get(0).startsWith(config + ": line 1: \"bogus=1\": unknown option;"),
          invalid.toString());
      assertEquals(config + " has errors; the running configuration stays", invalid.lines().get(1));
    }
  }

  @Test
  void aConfigurationWithoutEndIsRefusedAndTheRunningOneStays(Vertx vertx) throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), IDLE + "\n");
    try (StderrCapture stderr = StderrCapture.start()) {
      vertx.deployVerticle(new MonitorVerticle(), new DeploymentOptions().setConfig(
          new JsonObject().put("path", config.toString()).put("watchPeriodMs", 0))).await(10, TimeUnit.SECONDS);
      Files.delete(config);
      Files.createSymbolicLink(config, Path.of("/dev/zero"));
      assertEquals(new ReloadOutcome(ReloadOutcome.Result.INVALID, List.of(
          config + ": larger than 16 MiB; expected a configuration of at most 16,777,216 bytes",
          config + " has errors; the running configuration stays")), reload(vertx));
    }
  }

  @Test
  void reloadsAskedWhileOneRunsAreAnsweredByOneMore(Vertx vertx) throws Exception {
    Path config = Files.writeString(dir.resolve("hosts.conf"), IDLE + "\n");
    try (StderrCapture stderr = StderrCapture.start()) {
      vertx.deployVerticle(new MonitorVerticle(), new DeploymentOptions().setConfig(
          new JsonObject().put("path", config.toString()).put("watchPeriodMs", 0))).await(10, TimeUnit.SECONDS);
      Files.writeString(config, IDLE + "\n127.0.0.2 ping=0\n");
      List<Future<Message<JsonObject>>> storm = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        storm.add(vertx.eventBus().request(MonitorVerticle.RELOAD_ADDRESS, null));
      }
      Future.all(storm).await(30, TimeUnit.SECONDS);
      for (Future<Message<JsonObject>> answer : storm) {
        assertEquals(ReloadOutcome.Result.APPLIED, ReloadOutcome.fromJson(answer.result().body()).result());
      }
      long applied = stderr.lines().stream().filter(line -> line.startsWith("II: " + config + " applied:")).count();
      // One reload in flight and one waiting at any time: the 50 requests, sent within a millisecond or so, are
      // served by a few runs (each of which is quick here), never by 50.
      assertTrue(applied <= 10, applied + " reloads applied:\n" + stderr.text());
      assertEquals(List.of(config + " applied: 0 added, 0 removed, 2 unchanged"), reload(vertx).lines());
    }
  }

  private static ReloadOutcome reload(Vertx vertx) throws Exception {
    return ReloadOutcome.fromJson(vertx.eventBus().<JsonObject>request(MonitorVerticle.RELOAD_ADDRESS, null)
        .await(10, TimeUnit.SECONDS).body());
  }

  private static void awaitLine(StderrCapture stderr, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (stderr.lines().stream().noneMatch(wanted)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no such line on standard error:\n" + stderr.text());
      }
      Thread.sleep(20);
    }
  }

  static DeploymentOptions options(Path config) {
    return new DeploymentOptions().setConfig(new JsonObject().put("path", config.toString()));
  }
}
