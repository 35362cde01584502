package net.connmonitor.os;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether the hosts of a configuration fit the heap the JVM was given, from what a host was measured to need. The
 * JVM finds the memory it may use itself (its cgroup's limit, v1 or v2, or else the machine's memory) and the
 * launcher makes the heap a share of it, small enough that what is not heap fits beside it: so what runs out is the
 * heap, an OutOfMemoryError that ends the process with status 3, and not the cgroup, whose end is the kernel's silent
 * SIGKILL. The need is an estimate (a host's options change it), so falling short is a warning, with the memory that
 * would hold the hosts.
 */
public final class MemoryLimit {

  /** The live heap of the monitor with one host: 6.2 MiB measured. */
  static final long BASE_BYTES = 6L << 20;
  /** What a host adds to the live heap with the default ping options: 4.1 to 5.2 KiB measured, 1000 to 20,000. */
  static final long HOST_BYTES = 5L << 10;
  /** What a host adds when the endpoints serve its metrics and its page (--listen): 16 KiB measured at 2000. */
  static final long SERVED_HOST_BYTES = 16L << 10;
  /**
   * The heap a live set needs, as a multiple of it: the young generation takes a third of the heap, and an old
   * generation fuller than three quarters after a collection collects again at once.
   */
  static final int HEAP_PER_LIVE = 2;

  private static final long MIB = 1L << 20;

  private final long memoryBytes;
  private final long heapBytes;
  private final long hostBytes;

  /**
   * @param memoryBytes the memory the JVM found (its cgroup's limit or the machine's memory)
   * @param heapBytes   the most heap it may use
   * @param served      whether each host's metrics and page are kept for the endpoints
   */
  MemoryLimit(long memoryBytes, long heapBytes, boolean served) {
    this.memoryBytes = memoryBytes;
    this.heapBytes = heapBytes;
    this.hostBytes = HOST_BYTES + (served ? SERVED_HOST_BYTES : 0);
  }

  /**
   * The memory and heap of this JVM: the platform's operating system bean answers with the cgroup's limit when
   * there is one (the JVM's own container support), the machine's memory otherwise.
   */
  public static MemoryLimit ofProcess(boolean served) {
    com.sun.management.OperatingSystemMXBean system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new MemoryLimit(system.getTotalMemorySize(), Runtime.getRuntime().maxMemory(), served);
  }

  /** @return empty when {@code hosts} fit the heap, else a warning that says the memory they need */
  public Optional<String> shortfall(int hosts) {
    long heapNeeded = HEAP_PER_LIVE * (BASE_BYTES + hosts * hostBytes);
    if (heapNeeded <= heapBytes) {
      return Optional.empty();
    }
    // The heap is a share of the memory: the memory needed is the one whose share is the heap needed.
    long memoryNeeded = (long) Math.ceil((double) heapNeeded / heapBytes * memoryBytes);
    return Optional.of(hosts + (hosts == 1 ? " host needs" : " hosts need") + " about " + mib(memoryNeeded)
        + " MiB of memory and the JVM has " + mib(memoryBytes) + " MiB (a heap of " + mib(heapBytes)
        + " MiB): running out of it would end the monitor with status 3; give it " + mib(memoryNeeded)
        + " MiB or more (a cgroup's memory limit), or fewer hosts");
  }

  private static long mib(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }
}
