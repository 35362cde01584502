package net.connmonitor.probe;

import java.util.concurrent.TimeUnit;
import net.connmonitor.log.Log;

/**
 * What probe loops say about local failures and their end, shared by every loop of the process. A failure of the
 * whole machine (out of descriptors, say) hits thousands of loops at once, and flickers as descriptors come and go:
 * each loop saying each change would flood the log. At most {@value #PER_MINUTE} lines a minute are said; the
 * number of those left out is said with the next line after that minute.
 */
final class FailureLog {

  static final int PER_MINUTE = 100;
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  private static final FailureLog PROCESS = new FailureLog();

  private long windowStart = System.nanoTime();
  private int said;
  private int leftOut;

  static FailureLog ofProcess() {
    return PROCESS;
  }

  synchronized void error(String description) {
    if (admit(System.nanoTime())) {
      Log.error("Probe", description);
    }
  }

  synchronized void warn(String description) {
    if (admit(System.nanoTime())) {
      Log.warn(description);
    }
  }

  private boolean admit(long now) {
    if (now - windowStart >= MINUTE) {
      if (leftOut > 0) {
        Log.warn(leftOut + " more lines about probes failing or measuring again were left out in the last minute");
      }
      windowStart = now;
      said = 0;
      leftOut = 0;
    }
    if (said < PER_MINUTE) {
      said++;
      return true;
    }
    leftOut++;
    return false;
  }
}
