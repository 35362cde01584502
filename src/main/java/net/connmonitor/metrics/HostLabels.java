package net.connmonitor.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.connmonitor.config.HostConfig;

/**
 * What names a host's series besides its address: the host as typed and the labels the operator gave it.
 *
 * @param labels label names (already valid for Prometheus, never {@code host} or {@code addr}) and their values
 */
public record HostLabels(String host, SortedMap<String, String> labels) {

  public HostLabels {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  public static HostLabels of(HostConfig config) {
    return of(config.host(), config.labels());
  }

  public static HostLabels of(String host, Map<String, String> labels) {
    return new HostLabels(host, new TreeMap<>(labels));
  }
}
