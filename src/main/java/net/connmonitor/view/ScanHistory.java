package net.connmonitor.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.connmonitor.probe.Scan;

/** A host's last {@value #KEPT} scans. Not thread-safe: its owner locks. */
final class ScanHistory {

  static final int KEPT = 10;

  /** @param atMs when the scan was measured */
  record Scanned(long atMs, Scan scan) {

    /** How many of the three services answered. */
    int up() {
      return (scan.http().isPresent() ? 1 : 0) + (scan.https().isPresent() ? 1 : 0)
          + (scan.mysql().isPresent() ? 1 : 0);
    }
  }

  private final Deque<Scanned> scans = new ArrayDeque<>();

  void add(long atMs, Scan scan) {
    if (scans.size() == KEPT) {
      scans.removeFirst();
    }
    scans.addLast(new Scanned(atMs, scan));
  }

  /** Oldest first. */
  List<Scanned> scans() {
    return List.copyOf(scans);
  }

  /** The last scan, or null before the first. */
  Scanned last() {
    return scans.peekLast();
  }
}
