package net.connmonitor.probe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.connmonitor.log.Problems;

/**
 * Runs a probe, hands its measurement on, waits the interval, and again, until stopped. Stopping lets the run in
 * flight finish and hand its measurement on. A run that fails (a local failure: the probe could not even be sent)
 * hands nothing on; a failure is said when it starts or changes, and its end once (within the process's
 * {@link FailureLog} limit). How late each run starts goes to the process's {@link Punctuality}. Confined to the
 * context of the verticle that owns it.
 */
public final class ProbeLoop<M extends Measurement> {

  private final Vertx vertx;
  private final Probe<M> probe;
  private final long intervalMs;
  private final Consumer<M> sink;
  private final String description;
  private Future<?> inFlight = Future.succeededFuture();
  private long timer = -1;
  /** When the next run is due ({@link System#nanoTime()}), to tell how late it starts. */
  private long dueAt;
  private boolean stopped;
  /** The failure last said, or null while the loop measures. */
  private String failing;

  /**
   * @param intervalMs  the pause between the end of one run and the start of the next; Vert.x timers count whole
   *                    milliseconds, so it is rounded, and at least 1
   * @param description names the loop in error messages, e.g. "ping of example.net"
   */
  public ProbeLoop(Vertx vertx, Probe<M> probe, double intervalMs, Consumer<M> sink, String description) {
    this.vertx = vertx;
    this.probe = probe;
    this.intervalMs = Math.max(1, Math.round(intervalMs));
    this.sink = sink;
    this.description = description;
  }

  /** @param delayMs how long to wait before the first run; 0 runs it at once */
  public void start(long delayMs) {
    if (delayMs <= 0) {
      runOnce();
    } else {
      timer = vertx.setTimer(delayMs, id -> runOnce());
    }
  }

  private void runOnce() {
    timer = -1;
    if (dueAt != 0) {
      Punctuality.ofProcess().started(System.nanoTime() - dueAt, TimeUnit.MILLISECONDS.toNanos(intervalMs));
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
        dueAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
        timer = vertx.setTimer(intervalMs, id -> runOnce());
      }
    });
  }

  /** @return completes once the run in flight, if any, has handed its measurement on */
  public Future<Void> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return inFlight.<Void>mapEmpty().otherwiseEmpty();
  }
}
