package net.connmonitor.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.os.LibC;
import net.connmonitor.os.Linux;

/**
 * The one thread that writes records out: its writes may block for as long as the reader likes, and nothing else
 * waits for them. Several whole records go out in one write ({@link OutputQueue#takeBatch}), and records never split
 * or interleave. A closed pipe (the reader went away) ends the writing; any other failure drops records until
 * writing works again.
 */
final class OutputWriter {

  private final OutputQueue queue;
  private final OutputStream sink;
  private final Runnable readerGone;
  private final Thread thread;
  private boolean failing;

  /** @param readerGone run once, on the writer's thread, when the pipe is closed: nobody reads what is written */
  OutputWriter(OutputQueue queue, OutputStream sink, Runnable readerGone) {
    this.queue = queue;
    this.sink = sink;
    this.readerGone = readerGone;
    this.thread = new Thread(this::run, "connmonitor-output");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Waits until everything queued before the queue was closed is written, or the writer gave up. */
  boolean awaitDone(long timeoutMs) throws InterruptedException {
    thread.join(timeoutMs);
    return !thread.isAlive();
  }

  private void run() {
    ByteArrayOutputStream batch = new ByteArrayOutputStream(OutputQueue.BATCH_BYTES);
    try {
      while (!queue.isClosedAndEmpty()) {
        List<byte[]> records = queue.takeBatch();
        if (records.isEmpty()) {
          continue;
        }
        batch.reset();
        records.forEach(batch::writeBytes);
        if (!write(batch)) {
          return;
        }
      }
      sink.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      report(e);
    }
  }

  /** @return false when the reader is gone and nothing more is worth writing */
  private boolean write(ByteArrayOutputStream batch) {
    try {
      batch.writeTo(sink);
      sink.flush();
      failing = false;
      return true;
    } catch (IOException e) {
      if (isBrokenPipe(e)) {
        Log.error("Output", "nobody reads the records any more (" + Problems.describe(e) + "); stopping");
        queue.close();
        readerGone.run();
        return false;
      }
      report(e);
      return true;
    }
  }

  /** Once per outage: a failing output would otherwise add an error line for every record. */
  private void report(IOException e) {
    if (!failing) {
      failing = true;
      Log.error("Output", "cannot write records (" + Problems.describe(e) + "); dropping them until it works again");
    }
  }

  private static boolean isBrokenPipe(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains(brokenPipe());
  }

  private static String brokenPipe() {
    try {
      return LibC.describe(Linux.EPIPE);
    } catch (LinkageError e) {
      return "Broken pipe";
    }
  }
}
