package net.connmonitor.probe;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.connmonitor.vertx.EventLoops;

/**
 * The one timer of all the probe loops whose verticles run on one event loop. A Vert.x timer per run costs a task, an
 * entry in Vert.x's map of timers and one in Netty's queue of scheduled tasks, and wakes the loop for that run alone;
 * here the runs due are kept in one queue, and those due within the same tick start together, so that the bursts of
 * many hosts leave in the same {@code sendmmsg} batches and the loop wakes once for all of them. A run starts at most a
 * tick after it is due, when its loop is free. Confined to its event loop's thread.
 */
final class ProbeClock {

  /** Runs due within one tick start together, at its end. */
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** The queue is not swept of cancelled alarms below this size. */
  private static final int SWEEP_FLOOR = 1024;

  private static final Map<EventLoop, ProbeClock> CLOCKS = new ConcurrentHashMap<>();

  private final EventLoop loop;
  private final PriorityQueue<Alarm> alarms = new PriorityQueue<>((a, b) -> Long.compare(a.dueAt, b.dueAt));
  /**
   * When the queue is next swept of cancelled alarms: twice its size after the last sweep, so that sweeping costs
   * a constant a set however many loops stop.
   */
  private int sweepAt = SWEEP_FLOOR;
  /** When the loop is to wake for the earliest alarm ({@link System#nanoTime()}), or none is set. */
  private long wakeAt;
  private boolean wakeSet;

  private ProbeClock(EventLoop loop) {
    this.loop = loop;
  }

  /** The clock of the event loop that runs {@code context}, made on first use; call it on that loop. */
  static ProbeClock of(Context context) {
    return CLOCKS.computeIfAbsent(EventLoops.of(context), loop -> {
      // A loop that stops takes its alarms with it: its clock goes, whatever was still set.
      loop.terminationFuture().addListener(stopped -> CLOCKS.remove(loop));
      return new ProbeClock(loop);
    });
  }

  /**
   * Something to run on a context at times a clock sets: a probe loop's next run. It is set again only once it went
   * off; once cancelled, never.
   */
  static final class Alarm {
    private final Context context;
    private final Runnable run;
    private long dueAt;
    private boolean set;

    Alarm(Context context, Runnable run) {
      this.context = context;
      this.run = run;
    }

    /** It will not go off; the clock forgets it when its time comes, or at its next sweep. */
    void cancel() {
      set = false;
    }
  }

  /**
   * Sets {@code alarm} to go off at {@code dueAt} ({@link System#nanoTime()}) on its context; call it on the clock's
   * loop.
   */
  void set(Alarm alarm, long dueAt) {
    alarm.dueAt = dueAt;
    alarm.set = true;
    alarms.add(alarm);
    if (alarms.size() > sweepAt) {
      // A cancelled alarm holds its loop, and so its host, until its time comes, a year away at most: the alarms of
      // hosts that a reload stopped go now, not then.
      alarms.removeIf(queued -> !queued.set);
      sweepAt = Math.max(SWEEP_FLOOR, 2 * alarms.size());
    }
    wake();
  }

  /** How many alarms the queue holds, cancelled ones not yet swept included. */
  int queued() {
    return alarms.size();
  }

  /** Wakes the loop at the end of the tick in which the earliest alarm is due. */
  private void wake() {
    Alarm earliest = alarms.peek();
    if (earliest == null) {
      return;
    }
    long at = -Math.floorDiv(-earliest.dueAt, TICK_NANOS) * TICK_NANOS;  // rounded up to a whole tick
    if (wakeSet && wakeAt - at <= 0) {
      return;
    }
    wakeSet = true;
    wakeAt = at;
    loop.schedule(() -> tick(at), Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Sets off every alarm due by now, each on its own context; the wake-up set for {@code at} is spent. */
  private void tick(long at) {
    if (wakeSet && wakeAt == at) {
      wakeSet = false;
    }
    long now = System.nanoTime();
    while (!alarms.isEmpty() && alarms.peek().dueAt - now <= 0) {
      Alarm alarm = alarms.poll();
      if (alarm.set) {
        alarm.set = false;
        alarm.context.runOnContext(go -> alarm.run.run());
      }
    }
    wake();
  }
}
