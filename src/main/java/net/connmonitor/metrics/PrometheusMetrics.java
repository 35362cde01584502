package net.connmonitor.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The monitor's metrics: every host's series, and in a Prometheus registry the kernel's drops of ICMP answers and the
 * JVM's own. Thread-safe: hosts report from their event loops while a scrape reads.
 *
 * <p>The per-host series are the bulk of a scrape (some 26 samples a host that pings), so they are kept as plain
 * numbers per host and written by {@link Exposition}, in the same lines as the registry would write them; the
 * registry's writer writes the rest, last (OpenMetrics ends with its {@code # EOF}).
 */
public final class PrometheusMetrics implements MonitorMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExpositionFormatWriter openMetrics;
  private final ExpositionFormatWriter text;
  private final Clock clock;
  /** Two lines may name the same host at the same address: they share its series. */
  private final Map<HostSeriesKey, HostState> hosts = new ConcurrentHashMap<>();
  /** The label names every host's series carry besides host and addr: those of the configuration's hosts. */
  private volatile SortedSet<String> labelNames = Collections.emptySortedSet();
  private volatile LongSupplier droppedAnswers = () -> 0;
  private volatile LongSupplier lateRuns = () -> 0;
  private volatile LongSupplier skippedRuns = () -> 0;

  public PrometheusMetrics(Clock clock) {
    this.clock = clock;
    ExpositionFormats formats = ExpositionFormats.init();
    openMetrics = formats.getOpenMetricsTextFormatWriter();
    text = formats.getPrometheusTextFormatWriter();
    CounterWithCallback.builder().name("connmonitor_icmp_dropped_answers_total")
        .help("ICMP answers the kernel dropped because the monitor read its sockets too slowly: the loss of their "
            + "bursts is overstated")
        .callback(counter -> counter.call(droppedAnswers.getAsLong())).register(registry);
    CounterWithCallback.builder().name("connmonitor_probe_runs_late_total")
        .help("Probe runs that started more than 100 ms, or a tenth of their interval, after their time: the machine "
            + "gives the monitor too little CPU")
        .callback(counter -> counter.call(lateRuns.getAsLong())).register(registry);
    CounterWithCallback.builder().name("connmonitor_probe_runs_skipped_total")
        .help("Probe runs that did not happen because others started late (a whole interval of delay is one run)")
        .callback(counter -> counter.call(skippedRuns.getAsLong())).register(registry);
    JvmMetrics.builder().register(registry);
  }

  /** A family's label names are those of every host: a host without one of them has it empty (absent). */
  @Override
  public void configure(List<HostLabels> configured) {
    SortedSet<String> names = new TreeSet<>();
    configured.forEach(host -> names.addAll(host.labels().keySet()));
    if (!names.equals(labelNames)) {
      // A new set: the next scrape renders every host's labels again.
      labelNames = Collections.unmodifiableSortedSet(names);
    }
  }

  @Override
  public HostMetrics host(HostLabels host, String address) {
    HostState state = hosts.compute(new HostSeriesKey(host, address), (key, known) -> {
      HostState shared = known == null ? new HostState(key) : known;
      shared.holders++;
      return shared;
    });
    return new HostSeries(this, state);
  }

  /** The last line of a series to stop takes the series with it. */
  void release(HostState state) {
    hosts.computeIfPresent(state.key, (key, shared) -> --shared.holders == 0 ? null : shared);
  }

  @Override
  public void countDroppedAnswers(LongSupplier total) {
    droppedAnswers = total;
  }

  @Override
  public void countLateRuns(LongSupplier late, LongSupplier skipped) {
    lateRuns = late;
    skippedRuns = skipped;
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
  public synchronized void scrape(ExpositionFormatWriter format, ScrapeOutput out) throws IOException {
    SortedSet<String> names = labelNames;
    Exposition exposition = new Exposition(out, format == openMetrics);
    for (Family family : Family.values()) {
      exposition.family(family);
      for (HostState state : hosts.values()) {
        state.write(family, labels(state, names), exposition);
      }
    }
    format.write(out, registry.scrape());
  }

  private static HostLabelText labels(HostState state, SortedSet<String> names) {
    if (state.labelText == null || state.labelText.names() != names) {
      state.labelText = HostLabelText.of(state.key, names);
    }
    return state.labelText;
  }
}
