package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.connmonitor.log.Problems;

/**
 * Runs a probe, hands its measurement on, waits the interval, and again, until stopped. Stopping lets the run in
 * flight finish and hand its measurement on. A run that fails (a local failure: the probe could not even be sent)
 * hands nothing on; a failure is said when it starts or changes, and its end once (within the process's
 * {@link FailureLog} limit). Its runs are timed by its event loop's {@link ProbeClock}, with every other loop's there;
 * how late each starts goes to the process's {@link Punctuality}. Confined to the context of the verticle that owns
 * it, on which it is started.
 */
public final class ProbeLoop<M extends Measurement> {

  private final Vertx vertx;
  private final Probe<M> probe;
  private final long intervalNanos;
  private final Consumer<M> sink;
  private final String description;
  private Future<?> inFlight = Future.succeededFuture();
  private ProbeClock clock;
  private ProbeClock.Alarm alarm;
  /** When the next run is due ({@link System#nanoTime()}), to tell how late it starts. */
  private long dueAt;
  private boolean stopped;
  /** The failure last said, or null while the loop measures. */
  private String failing;

  /**
   * @param intervalMs  the pause between the end of one run and the start of the next: at least a tick of the
   *                    {@link ProbeClock}, which starts runs a tick at a time
   * @param description names the loop in error messages, e.g. "ping of example.net"
   */
  public ProbeLoop(Vertx vertx, Probe<M> probe, double intervalMs, Consumer<M> sink, String description) {
    this.vertx = vertx;
    this.probe = probe;
    this.intervalNanos = Math.max(ProbeClock.TICK_NANOS, Math.round(intervalMs * 1_000_000));
    this.sink = sink;
    this.description = description;
  }

  /** @param delayMs how long to wait before the first run; 0 runs it at once. Call it on the owner's context. */
  public void start(long delayMs) {
    Context context = vertx.getOrCreateContext();
    clock = ProbeClock.of(context);
    alarm = new ProbeClock.Alarm(context, this::runOnce);
    if (delayMs <= 0) {
      runOnce();
    } else {
      clock.set(alarm, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs));
    }
  }

  private void runOnce() {
    if (stopped) {
      return;
    }
    if (dueAt != 0) {
      Punctuality.ofProcess().started(System.nanoTime() - dueAt, intervalNanos);
    }
    inFlight = probe.run().andThen(result -> {
      if (result.succeeded()) {
        if (failing != null) {
          failing = null;
          FailureLog.ofProcess().warn(description + " measures again");
        }
        sink.accept(result.result());
      } else {
        String reason = Problems.describe(result.cause());
        if (!reason.equals(failing)) {
          failing = reason;
          FailureLog.ofProcess().error(description + " failed: " + reason);
        }
      }
      if (!stopped) {
        dueAt = System.nanoTime() + intervalNanos;
        clock.set(alarm, dueAt);
      }
    });
  }

  /** @return completes once the run in flight, if any, has handed its measurement on */
  public Future<Void> stop() {
    stopped = true;
    if (alarm != null) {
      alarm.cancel();
    }
    return inFlight.<Void>mapEmpty().otherwiseEmpty();
  }
}
