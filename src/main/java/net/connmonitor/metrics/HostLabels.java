package net.connmonitor.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.connmonitor.config.HostConfig;
import net.connmonitor.record.Target;

/**
 * What names a host's series besides its address: the host as typed, the labels the operator gave it, and where
 * its probes leave from when the line says so: two lines of one host that differ only in {@code source=} or
 * {@code interface=} measure two paths, each in series of its own. In a cluster, the vantage that measured it too.
 *
 * @param labels label names (already valid for Prometheus, never {@code host} or {@code addr}) and their values
 */
public record HostLabels(String host, SortedMap<String, String> labels) {

  /** The label names of {@code source=} and {@code interface=}, reserved in the configuration's labels. */
  private static final String SOURCE = "source";
  private static final String INTERFACE = "interface";
  /** The label name of the node that measured a host, in a cluster; reserved in the configuration's labels. */
  static final String VANTAGE = "vantage";

  public HostLabels {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  public static HostLabels of(HostConfig config) {
    SortedMap<String, String> labels = new TreeMap<>(config.labels());
    config.source().ifPresent(address -> labels.put(SOURCE, address));
    config.interfaceName().ifPresent(name -> labels.put(INTERFACE, name));
    return new HostLabels(config.host(), labels);
  }

  /** The labels of the host line a record is about: those of {@link #of(HostConfig)} for the same line. */
  public static HostLabels of(Target target) {
    SortedMap<String, String> labels = new TreeMap<>(target.labels());
    target.source().ifPresent(address -> labels.put(SOURCE, address));
    target.interfaceName().ifPresent(name -> labels.put(INTERFACE, name));
    return new HostLabels(target.name(), labels);
  }

  /** The same, measured by the cluster's node {@code vantage}. */
  HostLabels measuredBy(String vantage) {
    SortedMap<String, String> withVantage = new TreeMap<>(labels);
    withVantage.put(VANTAGE, vantage);
    return new HostLabels(host, withVantage);
  }

  public static HostLabels of(String host, Map<String, String> labels) {
    return new HostLabels(host, new TreeMap<>(labels));
  }
}
