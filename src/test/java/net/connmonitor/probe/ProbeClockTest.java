package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ProbeClockTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void alarmsGoOffInTheirOrderOnTheirContextNeverEarlyAndACancelledOneNever(Vertx vertx) throws Exception {
    Context context = vertx.getOrCreateContext();
    long[] offsets = {30 * MS, 20 * MS, 10 * MS, 15 * MS};
    long[] dueAt = new long[offsets.length];
    List<Integer> fired = Collections.synchronizedList(new ArrayList<>());
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch three = new CountDownLatch(3);
    context.runOnContext(go -> {
      long now = System.nanoTime();
      List<ProbeClock.Alarm> alarms = new ArrayList<>();
      for (int i = 0; i < offsets.length; i++) {
        int alarm = i;
        dueAt[i] = now + offsets[i];
        alarms.add(new ProbeClock.Alarm(context, () -> {
          if (System.nanoTime() - dueAt[alarm] < 0) {
            wrong.add("alarm " + alarm + " went off early");
          }
          if (Vertx.currentContext() != context) {
            wrong.add("alarm " + alarm + " went off on another context");
          }
          fired.add(alarm);
          three.countDown();
        }));
        ProbeClock.of(context).set(alarms.get(i), dueAt[i]);
      }
      alarms.get(3).cancel();
    });
    assertTrue(three.await(10, TimeUnit.SECONDS));
    Thread.sleep(50);
    assertEquals(List.of(2, 1, 0), fired);
    assertEquals(List.of(), wrong);
  }

  @Test
  void theAlarmsOfStoppedLoopsDoNotPileUpUntilTheirTime(Vertx vertx) throws Exception {
    Context context = vertx.getOrCreateContext();
    int[] queued = new int[1];
    CountDownLatch done = new CountDownLatch(1);
    context.runOnContext(go -> {
      ProbeClock clock = ProbeClock.of(context);
      long inAYear = System.nanoTime() + TimeUnit.DAYS.toNanos(365);
      // A reload that stops and starts 3000 hosts whose next run is a year away, one after another.
      for (int i = 0; i < 3000; i++) {
        ProbeClock.Alarm alarm = new ProbeClock.Alarm(context, () -> { });
        clock.set(alarm, inAYear);
        alarm.cancel();
      }
      queued[0] = clock.queued();
      done.countDown();
    });
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertTrue(queued[0] <= 1025, queued[0] + " alarms queued");
  }

  @Test
  void anEventLoopKeepsOneClock(Vertx vertx) throws Exception {
    Context context = vertx.getOrCreateContext();
    CountDownLatch checked = new CountDownLatch(1);
    context.runOnContext(go -> {
      assertSame(ProbeClock.of(context), ProbeClock.of(vertx.getOrCreateContext()));
      checked.countDown();
    });
    assertTrue(checked.await(10, TimeUnit.SECONDS));
  }
}
