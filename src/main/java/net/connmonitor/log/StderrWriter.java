package net.connmonitor.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import net.connmonitor.output.OutputQueue;

/**
 * The one thread that writes {@link Log}'s lines to standard error, as {@code OutputWriter} writes the records to
 * standard output: a reader of standard error that stalls blocks this thread alone, never an event loop that
 * measures. Lines wait in a bounded {@link OutputQueue}, the oldest dropped when it is full; the count of dropped
 * lines is said once the writing goes on again, at most once a minute. A failing standard error (closed, full) is
 * not said anywhere: it is the place things are said.
 */
final class StderrWriter {

  static final int MAX_LINES = 16_384;
  static final long MAX_BYTES = 4 << 20;
  private static final long DROP_REPORT_NANOS = 60_000_000_000L;

  private final OutputQueue queue = new OutputQueue(MAX_LINES, MAX_BYTES);
  /** The line saying how many lines were dropped, from their count. */
  private final Function<Long, String> dropNotice;
  /** Lines queued, and lines written or dropped: {@link #awaitWritten} waits for the second to reach the first. */
  private long queued;
  private long done;
  private long dropped;
  private long reportedAt = System.nanoTime() - DROP_REPORT_NANOS;

  StderrWriter(Function<Long, String> dropNotice) {
    this.dropNotice = dropNotice;
    Thread thread = new Thread(this::run, "connmonitor-stderr");
    thread.setDaemon(true);
    thread.start();
  }

  void write(String line) {
    synchronized (this) {
      queued++;
    }
    queue.add(line.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits until every line queued before the call is written or dropped, for at most {@code timeoutMs}. */
  synchronized boolean awaitWritten(long timeoutMs) throws InterruptedException {
    long target = queued;
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (done < target) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void run() {
    ByteArrayOutputStream batch = new ByteArrayOutputStream(OutputQueue.BATCH_BYTES);
    while (true) {
      List<byte[]> lines;
      try {
        lines = queue.takeBatch();
      } catch (InterruptedException e) {
        return;
      }
      long newlyDropped = queue.takeDropped();
      dropped += newlyDropped;
      batch.reset();
      if (dropped > 0 && System.nanoTime() - reportedAt >= DROP_REPORT_NANOS) {
        batch.writeBytes(dropNotice.apply(dropped).getBytes(StandardCharsets.UTF_8));
        dropped = 0;
        reportedAt = System.nanoTime();
      }
      lines.forEach(batch::writeBytes);
      // Read each time so that a redirected System.err is honoured.
      PrintStream err = System.err;
      err.write(batch.toByteArray(), 0, batch.size());
      err.flush();
      synchronized (this) {
        done += lines.size() + newlyDropped;
        notifyAll();
      }
    }
  }
}
