package net.connmonitor.probe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import net.connmonitor.log.Log;

/**
 * Runs a probe, hands its measurement on, waits the interval, and again, until stopped. Stopping lets the run in
 * flight finish and hand its measurement on. Confined to the context of the verticle that owns it.
 */
public final class ProbeLoop<M extends Measurement> {

  private final Vertx vertx;
  private final Probe<M> probe;
  private final long intervalMs;
  private final Consumer<M> sink;
  private final String description;
  private Future<?> inFlight = Future.succeededFuture();
  private long timer = -1;
  private boolean stopped;

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

  public void start() {
    runOnce();
  }

  private void runOnce() {
    timer = -1;
    inFlight = probe.run().andThen(result -> {
      if (result.succeeded()) {
        sink.accept(result.result());
      } else {
        Log.error("Probe", description + " failed: " + result.cause().getMessage());
      }
      if (!stopped) {
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
