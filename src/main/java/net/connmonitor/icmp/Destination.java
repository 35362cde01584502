package net.connmonitor.icmp;

import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sequence space of one destination address, shared by every host that measures that address: a reply is
 * matched by (address, sequence), so two hosts configured with the same address never take each other's replies.
 * Confined to the channel's event loop.
 */
final class Destination {

  private static final int SEQUENCES = 1 << 16;

  /** A request waiting for its answer. */
  record Outstanding(Exchange exchange, int index) {
  }

  final IntObjectMap<Outstanding> outstanding = new IntObjectHashMap<>();
  /** Sessions open on this address; the state goes when the last one closes and nothing is outstanding. */
  int sessions;
  // A random start keeps a restarted monitor from matching late replies to the previous process's sequences.
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
