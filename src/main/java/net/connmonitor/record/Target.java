package net.connmonitor.record;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whom a record is about.
 *
 * @param name    the host as typed in the configuration
 * @param address the address that was measured, in its canonical text form (RFC 5952 for IPv6)
 * @param labels  the host's {@code labels=}, empty when it has none
 */
public record Target(String name, String address, SortedMap<String, String> labels) {

  public Target {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** A host without labels. */
  public Target(String name, String address) {
    this(name, address, Collections.emptySortedMap());
  }
}
