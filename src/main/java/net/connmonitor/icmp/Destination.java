package net.connmonitor.icmp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sequence space of one destination address on one socket, shared by every host that measures that address: an
 * answer is matched by (address, sequence), so two hosts configured with the same address never take each other's
 * answers. Confined to the matcher's thread.
 */
final class Destination {

  private static final int SEQUENCES = 1 << 16;

  /** The requests waiting for an answer, by sequence number. */
  final Map<Integer, Request> outstanding = new HashMap<>();
  /** Sessions open on this address; the state goes when the last one closes and nothing is outstanding. */
  int sessions;
  // A random start keeps a restarted monitor from matching late answers to the previous process's sequences.
  private int nextSequence = ThreadLocalRandom.current().nextInt(SEQUENCES);

  /** @return a sequence number with no request outstanding, or -1 when all 65536 are taken */
  int allocate() {
    for (int tries = 0; tries < SEQUENCES; tries++) {
      int sequence = nextSequence;
      nextSequence = (nextSequence + 1) & (SEQUENCES - 1);
      if (!outstanding.containsKey(sequence)) {
        return sequence;
      }
    }
    return -1;
  }

  boolean unused() {
    return sessions == 0 && outstanding.isEmpty();
  }
}
