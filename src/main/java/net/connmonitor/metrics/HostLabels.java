package net.connmonitor.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.connmonitor.config.HostConfig;

/**
 * What names a host's series besides its address: the host as typed, the labels the operator gave it, and where
 * its probes leave from when the line says so: two lines of one host that differ only in {@code source=} or
 * {@code interface=} measure two paths, each in series of its own.
 *
 * @param labels label names (already valid for Prometheus, never {@code host} or {@code addr}) and their values
 */
public record HostLabels(String host, SortedMap<String, String> labels) {

  /** The label names of {@code source=} and {@code interface=}, reserved in the configuration's labels. */
  private static final String SOURCE = "source";
  private static final String INTERFACE = "interface";

  public HostLabels {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  public static HostLabels of(HostConfig config) {
    SortedMap<String, String> labels = new TreeMap<>(config.labels());
    config.source().ifPresent(address -> labels.put(SOURCE, address));
    config.interfaceName().ifPresent(name -> labels.put(INTERFACE, name));
    return new HostLabels(config.host(), labels);
  }

  public static HostLabels of(String host, Map<String, String> labels) {
    return new HostLabels(host, new TreeMap<>(labels));
  }
}
