package net.connmonitor.record;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whom a record is about.
 *
 * @param name    the host as typed in the configuration
 * @param address the address that was measured, in its canonical text form (RFC 5952 for IPv6)
 * @param labels  the host's {@code labels=}, empty when it has none
 * @param source        the host's {@code source=}, which tells its records from those of another line of the same host
 * @param interfaceName the host's {@code interface=}, likewise
 */
public record Target(String name, String address, SortedMap<String, String> labels, Optional<String> source,
    Optional<String> interfaceName) {

  public Target {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** A host that names no source or interface. */
  public Target(String name, String address, SortedMap<String, String> labels) {
    this(name, address, labels, Optional.empty(), Optional.empty());
  }

  /** A host without labels. */
  public Target(String name, String address) {
    this(name, address, Collections.emptySortedMap());
  }
}
