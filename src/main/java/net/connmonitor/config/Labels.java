package net.connmonitor.config;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code labels=KEY:VALUE[,KEY:VALUE...]} of a host: names a host carries in its metrics and JSON records. One
 * option holds them all, since an option appears once a line. Keys follow Prometheus's rules for label names, and
 * may not be those the monitor sets itself.
 */
final class Labels {

  /**
   * Label names the metrics use themselves: the host, its address, where its probes leave from, a scan's service, a
   * TCP ping's port, in a cluster the vantage that measured it, a histogram's buckets.
   */
  static final List<String> RESERVED =
      List.of("host", "addr", "source", "interface", "service", "port", "vantage", "le", "quantile");

  /** What the option takes, as the end of the sentence "expected ...". */
  static final String ACCEPTED = "KEY:VALUE[,KEY:VALUE...], each key once, of letters, digits and _ (not first a digit,"
      + " not __ first, none of " + String.join(", ", RESERVED) + "), each value not empty";

  private static final Pattern KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private Labels() {
  }

  /** @return the labels, or empty when the value is not a valid list of them */
  static Optional<SortedMap<String, String>> parse(String value) {
    SortedMap<String, String> labels = new TreeMap<>();
    for (String pair : value.split(",", -1)) {
      int colon = pair.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      String key = pair.substring(0, colon);
      String label = pair.substring(colon + 1);
      if (!KEY.matcher(key).matches() || key.startsWith("__") || RESERVED.contains(key) || label.isEmpty()
          || labels.put(key, label) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(Collections.unmodifiableSortedMap(labels));
  }
}
