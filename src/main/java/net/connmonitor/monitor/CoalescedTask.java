package net.connmonitor.monitor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * A task that requests run at most once at a time: the requests that come while it runs are all answered by one
 * more run after it, which sees the state as it is then. A storm of reload requests (a signal every 50 ms, a file
 * rewritten meanwhile) costs one reload in flight and one waiting, the latest file wins, and nothing piles up.
 * Confined to one context.
 *
 * @param <T> what a run answers
 */
final class CoalescedTask<T> {

  private final Supplier<Future<T>> task;
  private boolean running;
  /** The answer of the run after the current one, shared by every request that came during the current one. */
  private Promise<T> next;

  CoalescedTask(Supplier<Future<T>> task) {
    this.task = task;
  }

  Future<T> request() {
    if (!running) {
      running = true;
      return run();
    }
    if (next == null) {
      next = Promise.promise();
    }
    return next.future();
  }

  private Future<T> run() {
    return task.get().andThen(done -> {
      Promise<T> waiting = next;
      next = null;
      if (waiting == null) {
        running = false;
      } else {
        run().onComplete(waiting);
      }
    });
  }
}
