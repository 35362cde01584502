package net.connmonitor.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The records (or log lines) waiting for a slow standard output (or error), bounded by count and by bytes: when it
 * is full, the oldest are dropped and counted, so that a reader that stalls costs a bounded amount of memory and the
 * newest records, the ones worth reading, survive. Thread-safe: added to by the event loops, taken by the writer's
 * thread.
 */
public final class OutputQueue {

  /**
   * The most a writer takes at a time, in bytes: several whole records or lines in one write, so that thousands of
   * hosts cost a few system calls a second.
   */
  public static final int BATCH_BYTES = 64 * 1024;
  /** How long a writer waits for something to take before it looks again, at whether the queue was closed. */
  private static final long POLL_MS = 1000;

  private final int maxRecords;
  private final long maxBytes;
  private final ArrayDeque<byte[]> records = new ArrayDeque<>();
  private long bytes;
  private long dropped;
  private long droppedSinceStart;
  private boolean closed;

  public OutputQueue(int maxRecords, long maxBytes) {
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
  }

  /** Queues one whole record, dropping the oldest ones that no longer fit. */
  public synchronized void add(byte[] record) {
    if (closed) {
      return;
    }
    records.addLast(record);
    bytes += record.length;
    while (records.size() > maxRecords || bytes > maxBytes && records.size() > 1) {
      bytes -= records.removeFirst().length;
      dropped++;
      droppedSinceStart++;
    }
    notifyAll();
  }

  /** What a writer takes next: {@link #take} of at most {@link #BATCH_BYTES}, waiting a second at most. */
  public List<byte[]> takeBatch() throws InterruptedException {
    return take(BATCH_BYTES, POLL_MS);
  }

  /**
   * Waits up to {@code timeoutMs} for records, then takes whole records totalling at most {@code maxBytes} (at least
   * one).
   *
   * @return empty when nothing came in time, or when the queue is closed and empty
   */
  synchronized List<byte[]> take(int maxBytes, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (records.isEmpty() && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return List.of();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    List<byte[]> batch = new ArrayList<>();
    int size = 0;
    while (!records.isEmpty() && (batch.isEmpty() || size + records.peekFirst().length <= maxBytes)) {
      byte[] record = records.removeFirst();
      bytes -= record.length;
      size += record.length;
      batch.add(record);
    }
    notifyAll();
    return batch;
  }

  /** No more records come; what is queued can still be taken. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized boolean isClosedAndEmpty() {
    return closed && records.isEmpty();
  }

  /** How many records were dropped since the start. */
  synchronized long droppedSinceStart() {
    return droppedSinceStart;
  }

  /** How many records were dropped since the last call. */
  public synchronized long takeDropped() {
    long count = dropped;
    dropped = 0;
    return count;
  }
}
