package net.connmonitor.view;

import java.util.Arrays;

/**
 * The bucket being filled: the round-trip samples that arrived in its time slot, the bursts they came from and their
 * loss. It keeps at most {@code capacity} samples: past that, they are thinned (sorted, every second one kept), which
 * keeps their quantiles while bounding the room a host that is pinged very often takes.
 */
final class OpenBucket {

  private static final int FIRST_CAPACITY = 24;

  private final int capacity;
  private float[] samples = new float[0];
  private int count;
  private int bursts;
  /** Loss percentages, each times the bursts it stands for. */
  private double lossSum;
  private long slot;

  OpenBucket(int capacity) {
    this.capacity = capacity;
  }

  boolean isEmpty() {
    return bursts == 0;
  }

  /** The time slot of what it holds; meaningful only when not empty. */
  long slot() {
    return slot;
  }

  /** Starts the bucket of {@code slot}, empty. */
  void open(long slot) {
    this.slot = slot;
    count = 0;
    bursts = 0;
    lossSum = 0;
  }

  /** A copy with room for {@code more} samples, to be added to without changing this one; it keeps the slot. */
  OpenBucket copy(int more) {
    OpenBucket copy = new OpenBucket(count + more);
    copy.samples = Arrays.copyOf(samples, count + more);
    copy.count = count;
    copy.bursts = bursts;
    copy.lossSum = lossSum;
    copy.slot = slot;
    return copy;
  }

  /**
   * @param values   round-trip samples in milliseconds (none when everything was lost)
   * @param lossPct  their loss, as a percentage
   * @param weight   the bursts they stand for
   */
  void add(float[] values, int length, double lossPct, int weight) {
    for (int i = 0; i < length; i++) {
      if (count == samples.length) {
        grow();
      }
      samples[count++] = values[i];
    }
    bursts += weight;
    lossSum += lossPct * weight;
  }

  private void grow() {
    if (samples.length < capacity) {
      float[] larger = new float[Math.min(capacity, Math.max(FIRST_CAPACITY, samples.length * 2))];
      System.arraycopy(samples, 0, larger, 0, count);
      samples = larger;
      return;
    }
    Arrays.sort(samples, 0, count);
    int kept = 0;
    for (int i = 0; i < count; i += 2) {
      samples[kept++] = samples[i];
    }
    count = kept;
  }

  int bursts() {
    return bursts;
  }

  double meanLoss() {
    return lossSum / bursts;
  }

  /** @return whether any reply came back, and then the five quantiles of its samples in {@code out} */
  boolean quantiles(float[] out) {
    if (count == 0) {
      return false;
    }
    Quantiles.of(samples, count, out);
    return true;
  }

  /** The room it takes now, in bytes (its samples' array). */
  int bytes() {
    return Float.BYTES * samples.length;
  }
}
