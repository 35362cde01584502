package net.connmonitor.icmp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sequence space of one destination address on one socket, shared by every host that measures that address: an
 * answer is matched by (address, sequence), so two hosts configured with the same address never take each other's
 * answers. Confined to the matcher's thread.
 *
 * <p>Sequence numbers are handed out in turn, so the requests outstanding at any time hold a short run of them: a
 * table indexed by the low bits of the sequence finds a request without boxing or hashing, and doubles when the
 * run outgrows it.
 */
final class Destination {

  private static final int SEQUENCES = 1 << 16;
  private static final int INITIAL_TABLE = 16;

  private Request[] table = new Request[INITIAL_TABLE];
  private int outstanding;
  /** Sessions open on this address; the state goes when the last one closes and nothing is outstanding. */
  int sessions;
  // A random start keeps a restarted monitor from matching late answers to the previous process's sequences.
  private int nextSequence = ThreadLocalRandom.current().nextInt(SEQUENCES);

  /**
   * Gives {@code request} a sequence number with nothing outstanding: the next one in turn whose slot is free.
   *
   * @return false when all 65536 are taken
   */
  boolean allocate(Request request) {
    if (outstanding == SEQUENCES) {
      return false;
    }
    // At most half full, so that a free slot is never far, whatever long-lived request holds another.
    if (outstanding * 2 >= table.length && table.length < SEQUENCES) {
      grow();
    }
    while (true) {
      int sequence = nextSequence;
      nextSequence = (nextSequence + 1) & (SEQUENCES - 1);
      int slot = sequence & (table.length - 1);
      if (table[slot] == null) {
        put(slot, sequence, request);
        return true;
      }
    }
  }

  private void put(int slot, int sequence, Request request) {
    request.sequence = sequence;
    table[slot] = request;
    outstanding++;
  }

  /** Doubles the table; two sequences that differ in the low bits still differ in more of them. */
  private void grow() {
    Request[] old = table;
    table = new Request[old.length * 2];
    for (Request request : old) {
      if (request != null) {
        table[request.sequence & (table.length - 1)] = request;
      }
    }
  }

  /** The request outstanding with {@code sequence}, or null. */
  Request outstanding(int sequence) {
    Request request = table[sequence & (table.length - 1)];
    return request != null && request.sequence == sequence ? request : null;
  }

  void remove(Request request) {
    int slot = request.sequence & (table.length - 1);
    if (table[slot] == request) {
      table[slot] = null;
      outstanding--;
    }
  }

  /** Every request outstanding, in no particular order. */
  List<Request> all() {
    return Arrays.stream(table).filter(Objects::nonNull).toList();
  }

  int tableSize() {
    return table.length;
  }

  boolean unused() {
    return sessions == 0 && outstanding == 0;
  }
}
