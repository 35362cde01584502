package net.connmonitor.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A host's labels as a scrape writes them, made once per set of label names rather than at every scrape:
 * {@code addr}, {@code host}, the operator's label names (empty where the host has no value) and, for the scan
 * families, {@code service}, in the order of their names, as Prometheus's client orders them. Held twice: as the
 * text between the braces, and as the client's labels for protobuf.
 *
 * @param names the label names they were made for
 */
record HostLabelText(SortedSet<String> names, byte[] host, byte[][] services, Labels hostLabels,
    Labels[] serviceLabels) {

  static final String SERVICE = "service";

  static HostLabelText of(HostSeriesKey key, SortedSet<String> names) {
    SortedMap<String, String> labels = labels(key, names);
    byte[][] services = new byte[HostState.SERVICES.size()][];
    Labels[] serviceLabels = new Labels[services.length];
    for (int i = 0; i < services.length; i++) {
      SortedMap<String, String> withService = new TreeMap<>(labels);
      withService.put(SERVICE, HostState.SERVICES.get(i));
      services[i] = text(withService);
      serviceLabels[i] = labels(withService);
    }
    return new HostLabelText(names, text(labels), services, labels(labels), serviceLabels);
  }

  /** A host's labels with one more, e.g. {@code port}, in their place among the others. */
  static SeriesLabels with(HostSeriesKey key, SortedSet<String> names, String name, String value) {
    return with(key, names, new TreeMap<>(Map.of(name, value)));
  }

  /** A host's labels with more, e.g. {@code hop} and {@code hop_addr}, in their places among the others. */
  static SeriesLabels with(HostSeriesKey key, SortedSet<String> names, SortedMap<String, String> more) {
    SortedMap<String, String> labels = labels(key, names);
    labels.putAll(more);
    return new SeriesLabels(text(labels), labels(labels));
  }

  private static SortedMap<String, String> labels(HostSeriesKey key, SortedSet<String> names) {
    SortedMap<String, String> labels = new TreeMap<>();
    names.forEach(name -> labels.put(name, key.labels().labels().getOrDefault(name, "")));
    labels.put("host", key.labels().host());
    labels.put("addr", key.address());
    return labels;
  }

  byte[] service(int service) {
    return services[service];
  }

  Labels serviceLabels(int service) {
    return serviceLabels[service];
  }

  private static byte[] text(SortedMap<String, String> labels) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Labels labels(SortedMap<String, String> labels) {
    Labels.Builder builder = Labels.builder();
    labels.forEach(builder::label);
    return builder.build();
  }

  /** A label value as both formats quote it. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
