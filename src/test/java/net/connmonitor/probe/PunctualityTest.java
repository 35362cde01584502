package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.connmonitor.log.StderrCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PunctualityTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aRunIsLateBeyond100MsOrATenthOfItsIntervalAndEachWholeIntervalOfDelayIsARunLeftOut() {
    Punctuality punctuality = new Punctuality();
    punctuality.started(99 * MS, 1000 * MS);
    punctuality.started(900 * MS, 10_000 * MS);
    assertEquals(List.of(0L, 0L), List.of(punctuality.late(), punctuality.skipped()));
    punctuality.started(101 * MS, 1000 * MS);
    punctuality.started(2500 * MS, 1000 * MS);
    assertEquals(List.of(2L, 2L), List.of(punctuality.late(), punctuality.skipped()));
  }

  @Test
  void everyRunsDelayIsCountedInItsBucket() {
    Punctuality punctuality = new Punctuality();
    punctuality.started(0, 1000 * MS);
    punctuality.started(MS, 1000 * MS);
    punctuality.started(MS + 1, 1000 * MS);
    punctuality.started(5 * MS, 1000 * MS);
    punctuality.started(3000 * MS, 1000 * MS);
    StartDelays delays = punctuality.startDelays();
    assertEquals(List.of(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 1.0, Double.POSITIVE_INFINITY),
        Arrays.stream(delays.upperBoundsSeconds()).boxed().toList());
    assertEquals(List.of(1L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 1L), Arrays.stream(delays.counts()).boxed().toList());
    assertEquals(3.007000001, delays.sumSeconds(), 1e-12);
  }

  @Test
  void aLoopWhoseEventLoopIsHeldIsCountedLateAndSaidOnce(Vertx vertx) throws Exception {
    Punctuality process = Punctuality.ofProcess();
    long lateBefore = process.late();
    long skippedBefore = process.skipped();
    Context context = vertx.getOrCreateContext();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch held = new CountDownLatch(1);
    Probe<PingStats> probe = () -> {
      if (runs.incrementAndGet() == 2) {
        // The machine gives the loop no CPU for 700 ms: the runs due meanwhile cannot start.
        context.runOnContext(hold -> {
          sleep(700);
          held.countDown();
        });
      }
      return Future.succeededFuture(PingStats.ALL_LOST);
    };
    ProbeLoop<PingStats> loop = new ProbeLoop<>(vertx, probe, 50, stats -> { }, "ping of nothing");
    context.runOnContext(go -> loop.start(0));
    assertTrue(held.await(10, TimeUnit.SECONDS));
    while (runs.get() < 5) {
      Thread.sleep(10);
    }
    context.runOnContext(stop -> loop.stop());
    assertTrue(process.late() > lateBefore);
    assertTrue(process.skipped() - skippedBefore >= 10, "700 ms held, runs 50 ms apart");
    try (StderrCapture stderr = StderrCapture.start()) {
      process.report();
      process.report();
      List<String> lines = stderr.lines();
      assertEquals(1, lines.size(), stderr.text());
      assertTrue(lines.get(0).startsWith("WW: falling behind: "), lines.get(0));
      assertTrue(lines.get(0).contains(" probe runs started late (more than 100 ms or a tenth of their interval) and "),
          lines.get(0));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
