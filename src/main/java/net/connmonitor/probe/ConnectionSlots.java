package net.connmonitor.probe;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bound on the TCP pings' connections in flight in the whole process, so that a thousand hosts with {@code tcp=}
 * cannot exhaust the local ports or descriptors: a connection waits for a slot before it starts, and gives it back
 * when it is closed. Since the connections close with a reset, no local port lingers in TIME_WAIT after its slot is
 * free: the ports in use never exceed the slots. Thread-safe: hosts take slots from their own event loops.
 */
final class ConnectionSlots {

  /**
   * Far below the 28,232 local ports of Linux's default range (32768 to 60999) and the descriptors a service gets,
   * and enough for a thousand hosts whose handshakes take a millisecond to run their bursts without waiting.
   */
  static final int PROCESS_SLOTS = 512;

  private static final ConnectionSlots PROCESS = new ConnectionSlots(PROCESS_SLOTS);

  private final AtomicInteger free;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  ConnectionSlots(int slots) {
    this.free = new AtomicInteger(slots);
  }

  static ConnectionSlots ofProcess() {
    return PROCESS;
  }

  /**
   * Runs {@code start} once a slot is taken for it: at once when one is free, else on the thread that frees one, in
   * the order they came. {@code start} must hand its work to its own thread, and {@link #release()} the slot once.
   */
  void take(Runnable start) {
    waiting.add(start);
    drain();
  }

  void release() {
    free.incrementAndGet();
    drain();
  }

  private void drain() {
    while (!waiting.isEmpty() && takeFree()) {
      Runnable next = waiting.poll();
      if (next == null) {
        free.incrementAndGet();
        return;
      }
      next.run();
    }
  }

  private boolean takeFree() {
    int now;
    do {
      now = free.get();
      if (now == 0) {
        return false;
      }
    } while (!free.compareAndSet(now, now - 1));
    return true;
  }

  /** Slots not taken now. */
  int free() {
    return free.get();
  }
}
