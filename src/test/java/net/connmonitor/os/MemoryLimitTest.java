package net.connmonitor.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MemoryLimitIT runs the launcher in a memory cgroup, where the JVM finds the limit these figures come from. */
class MemoryLimitTest {

  private static final long MIB = 1L << 20;
  /** About the launcher's heap in a 128 MiB cgroup: 35 % of it less a survivor space, 43.5 MiB. */
  private static final MemoryLimit CGROUP_128 = new MemoryLimit(128 * MIB, 42 * MIB, false);

  @Test
  void hostsWhoseLiveHeapIsHalfTheHeapOrLessFit() {
    // 2 × (6 MiB + 3072 × 5 KiB) = 42 MiB; one more host is 10 KiB more.
    assertEquals(Optional.empty(), CGROUP_128.shortfall(0));
    assertEquals(Optional.empty(), CGROUP_128.shortfall(3072));
    assertTrue(CGROUP_128.shortfall(3073).isPresent());
  }

  @Test
  void tooManyHostsAreSaidWithTheMemoryThatWouldHoldThemAtTheSameShare() {
    // 2 × (6 MiB + 20,000 × 5 KiB) = 207.3 MiB of heap, 42 of 128: 631.8 MiB.
    assertEquals(Optional.of("20000 hosts need about 632 MiB of memory and the JVM has 128 MiB (a heap of 42 MiB): "
        + "running out of it would end the monitor with status 3; give it 632 MiB or more (a cgroup's memory limit), "
        + "or fewer hosts"), CGROUP_128.shortfall(20_000));
  }

  @Test
  void hostsWhoseMetricsAndPageAreServedNeedMore() {
    assertEquals(Optional.empty(), CGROUP_128.shortfall(2000));
    // 2 × (6 MiB + 2000 × 21 KiB) = 94.0 MiB of heap: 286.6 MiB.
    assertEquals(Optional.of(287L), new MemoryLimit(128 * MIB, 42 * MIB, true).shortfall(2000)
        .map(warning -> Long.parseLong(warning.replaceAll("^2000 hosts need about (\\d+) MiB.*", "$1"))));
  }

  @Test
  void oneHostIsSaidInTheSingular() {
    assertEquals(Optional.of("1 host needs about 25 MiB of memory and the JVM has 8 MiB (a heap of 4 MiB): running "
        + "out of it would end the monitor with status 3; give it 25 MiB or more (a cgroup's memory limit), or fewer "
        + "hosts"), new MemoryLimit(8 * MIB, 4 * MIB, true).shortfall(1));
  }
}
