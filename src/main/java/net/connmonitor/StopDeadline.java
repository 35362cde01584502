package net.connmonitor;

import java.util.concurrent.TimeUnit;
import net.connmonitor.log.Log;

/**
 * Bounds the time a stop may take. Stopping lets the probes in flight finish, and a probe waits at most its own
 * timeout; but a stdout nobody reads, a configuration FIFO nobody writes or a process out of descriptors can hold
 * a thread for ever, and a stop must never wait for them: past the deadline, the process says so and ends with the
 * status it was stopping with.
 */
final class StopDeadline {

  static final long SECONDS = 5;
  /** Within the bound: the last line on standard error gets this long to be written. */
  private static final long LAST_WORDS_MS = 300;

  private StopDeadline() {
  }

  static void arm(int status) {
    Thread deadline = new Thread(() -> {
      try {
        TimeUnit.MILLISECONDS.sleep(TimeUnit.SECONDS.toMillis(SECONDS) - LAST_WORDS_MS);
      } catch (InterruptedException e) {
        return;
      }
      Log.error("Runtime", "stopping took longer than " + SECONDS + " s; ending what is left");
      Log.awaitWritten(LAST_WORDS_MS);
      Runtime.getRuntime().halt(status);
    }, "connmonitor-stop-deadline");
    deadline.setDaemon(true);
    deadline.start();
  }
}
