package net.connmonitor.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The monitor's metrics in a Prometheus registry of their own: every host's series, the kernel's drops of ICMP
 * answers, and the JVM's own. Thread-safe: hosts report from their event loops while a scrape reads.
 */
public final class PrometheusMetrics implements MonitorMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExpositionFormatWriter openMetrics;
  private final ExpositionFormatWriter text;
  private final Clock clock;
  /** How many hosts report each series: two lines may name the same host at the same address. */
  private final Map<HostSeriesKey, Integer> holders = new ConcurrentHashMap<>();
  private volatile HostFamilies families = new HostFamilies(new TreeSet<>());
  private volatile LongSupplier droppedAnswers = () -> 0;

  public PrometheusMetrics(Clock clock) {
    this.clock = clock;
    ExpositionFormats formats = ExpositionFormats.init();
    openMetrics = formats.getOpenMetricsTextFormatWriter();
    text = formats.getPrometheusTextFormatWriter();
    families.registerOn(registry);
    CounterWithCallback.builder().name("connmonitor_icmp_dropped_answers_total")
        .help("ICMP answers the kernel dropped because the monitor read its sockets too slowly: the loss of their "
            + "bursts is overstated")
        .callback(counter -> counter.call(droppedAnswers.getAsLong())).register(registry);
    JvmMetrics.builder().register(registry);
  }

  @Override
  public synchronized void configure(List<HostLabels> hosts) {
    SortedSet<String> names = new TreeSet<>();
    hosts.forEach(host -> names.addAll(host.labels().keySet()));
    if (names.equals(families.userLabelNames())) {
      return;
    }
    // Series with other label names are other series: the running hosts start theirs in the new families at their
    // next measurement, and the old ones go.
    HostFamilies rebuilt = new HostFamilies(names);
    families.unregisterFrom(registry);
    rebuilt.registerOn(registry);
    families = rebuilt;
  }

  @Override
  public HostMetrics host(HostLabels host, String address) {
    HostSeriesKey key = new HostSeriesKey(host, address);
    holders.merge(key, 1, Integer::sum);
    return new HostSeries(this, key);
  }

  /** The last host of a series to stop takes the series with it. */
  void release(HostSeriesKey key) {
    // Removed within the map's lock on the key, so that a host starting on the same series at that moment either
    // keeps it or starts it anew, never loses it.
    holders.compute(key, (released, count) -> {
      if (count > 1) {
        return count - 1;
      }
      HostFamilies current = families;
      current.remove(current.labelValues(key.labels(), key.address()));
      return null;
    });
  }

  @Override
  public void countDroppedAnswers(LongSupplier total) {
    droppedAnswers = total;
  }

  HostFamilies families() {
    return families;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * The format a scrape asks for with its {@code Accept} header: OpenMetrics when named (Prometheus asks for it
   * first), else Prometheus's text format 0.0.4.
   */
  public ExpositionFormatWriter format(String accept) {
    return openMetrics.accepts(accept) ? openMetrics : text;
  }

  /** Writes every series as they are now. */
  public void scrape(ExpositionFormatWriter format, OutputStream out) throws IOException {
    format.write(out, registry.scrape());
  }
}
