package net.connmonitor.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.connmonitor.Version;
import net.connmonitor.config.HostConfig;
import net.connmonitor.probe.StartDelays;
import net.connmonitor.record.MonitorRecord;

/**
 * The monitor's metrics: every host's series, and in a Prometheus registry the monitor's own (its build, its
 * configuration's reloads, the ICMP answers the kernel dropped, the records a slow reader lost, the names that do
 * not resolve) and the JVM's. Thread-safe: hosts report from their event loops while a scrape reads.
 *
 * <p>The per-host series are the bulk of a scrape (some 26 samples and a bucket a bound for a host that pings), so
 * they are kept as plain numbers per host and, in the text formats, written by {@link Exposition}, in the same lines
 * as the registry would write them; the registry's writer writes the rest, last (OpenMetrics ends with its
 * {@code # EOF}). A scraper that asks for protobuf (Prometheus with native histograms on) gets every series through
 * the client's own protobuf writer, the round-trip times as native histograms beside the classic buckets.
 *
 * <p>In a cluster every per-host series carries {@code vantage}, this node's name, and the cluster's own series are
 * added: its members, the {@code from=any} hosts each one measures, the hosts that moved. A collector also serves the
 * series of the hosts the other vantages measure, from their records ({@link VantageSeries}).
 */
public final class PrometheusMetrics implements MonitorMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExpositionFormatWriter openMetrics;
  private final ExpositionFormatWriter text;
  private final ExpositionFormatWriter protobuf;
  private final Clock clock;
  private final RttBuckets buckets;
  /** Two lines may name the same host at the same address: they share its series. */
  private final Map<HostSeriesKey, HostState> hosts = new ConcurrentHashMap<>();
  /** The label names every host's series carry besides host and addr: those of the configuration's hosts. */
  private volatile SortedSet<String> labelNames = Collections.emptySortedSet();
  private volatile LongSupplier droppedAnswers = () -> 0;
  private volatile LongSupplier droppedRecords = () -> 0;
  private final AtomicLong resolveFailures = new AtomicLong();
  private final HostNames names = new HostNames(() -> labelNames, resolveFailures);
  private final Gauge lastReloadSuccessful;
  private final Gauge lastReloadSuccess;
  private volatile LongSupplier lateRuns = () -> 0;
  private volatile LongSupplier skippedRuns = () -> 0;
  private volatile Supplier<StartDelays> startDelays = () -> null;
  /** Empty outside a cluster. */
  private final Optional<ClusterView> cluster;
  private final VantageSeries vantages = new VantageSeries();

  public PrometheusMetrics(Clock clock) {
    this(clock, RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE));
  }

  /** @param buckets the classic buckets of the round-trip time histograms */
  public PrometheusMetrics(Clock clock, RttBuckets buckets) {
    this(clock, buckets, Optional.empty());
  }

  /**
   * @param buckets the classic buckets of the round-trip time histograms
   * @param cluster the cluster this node is a member of; empty outside one
   */
  public PrometheusMetrics(Clock clock, RttBuckets buckets, Optional<ClusterView> cluster) {
    this.clock = clock;
    this.buckets = buckets;
    this.cluster = cluster;
    ExpositionFormats formats = ExpositionFormats.init();
    openMetrics = formats.getOpenMetricsTextFormatWriter();
    text = formats.getPrometheusTextFormatWriter();
    protobuf = formats.getPrometheusProtobufWriter();
    CounterWithCallback.builder().name("connmonitor_icmp_dropped_answers_total")
        .help("ICMP answers the kernel dropped because the monitor read its sockets too slowly: the loss of their "
            + "bursts is overstated")
        .callback(counter -> counter.call(droppedAnswers.getAsLong())).register(registry);
    CounterWithCallback.builder().name("connmonitor_output_dropped_records_total")
        .help("Records dropped because standard output was read too slowly (the oldest go first)")
        .callback(counter -> counter.call(droppedRecords.getAsLong())).register(registry);
    CounterWithCallback.builder().name("connmonitor_name_resolution_failures_total")
        .help("Look-ups of hosts' names that found no address")
        .callback(counter -> counter.call(resolveFailures.get())).register(registry);
    // As Prometheus names its own.
    lastReloadSuccessful = Gauge.builder().name("connmonitor_config_last_reload_successful")
        .help("Whether the last reading of the configuration was applied: 1, or 0 (it had errors, or was not a file)")
        .register(registry);
    lastReloadSuccess = Gauge.builder().name("connmonitor_config_last_reload_success_timestamp_seconds")
        .help("When a configuration was last applied, at the start or on a reload").unit(Unit.SECONDS)
        .register(registry);
    Info.builder().name("connmonitor_build").help("The version of connmonitor and of the Java runtime it runs on")
        .labelNames("version", "java_version").register(registry)
        .setLabelValues(Version.current(), Runtime.version().toString());
    registry.register(names);
    CounterWithCallback.builder().name("connmonitor_probe_runs_late_total")
        .help("Probe runs that started more than 100 ms, or a tenth of their interval, after their time: the machine "
            + "gives the monitor too little CPU")
        .callback(counter -> counter.call(lateRuns.getAsLong())).register(registry);
    CounterWithCallback.builder().name("connmonitor_probe_runs_skipped_total")
        .help("Probe runs that did not happen because others started late (a whole interval of delay is one run)")
        .callback(counter -> counter.call(skippedRuns.getAsLong())).register(registry);
    registry.register(this::startDelaySnapshot);
    JvmMetrics.builder().register(registry);
    cluster.ifPresent(this::registerCluster);
  }

  private void registerCluster(ClusterView view) {
    GaugeWithCallback.builder().name("connmonitor_cluster_members")
        .help("Live members of the cluster that measure, as this node sees them, itself included")
        .callback(gauge -> gauge.call(view.members().size())).register(registry);
    GaugeWithCallback.builder().name("connmonitor_cluster_hosts")
        .help("from=any hosts each live member measures, as this node places them").labelNames(HostLabels.VANTAGE)
        .callback(gauge -> view.assignedHosts().forEach((vantage, hosts) -> gauge.call(hosts, vantage)))
        .register(registry);
    CounterWithCallback.builder().name("connmonitor_cluster_reassignments_total")
        .help("from=any hosts that moved from one member to another as members left or came, since this node started")
        .callback(counter -> counter.call(view.reassignments())).register(registry);
  }

  /**
   * Every host of the configuration, before placement: in a cluster, the label names of the hosts measured elsewhere
   * are those of their series here too, and a collector serves their series from their records.
   */
  @Override
  public void configure(List<HostConfig> configured) {
    labelNames(configured.stream().map(HostLabels::of).toList());
    if (cluster.isPresent()) {
      vantages.configure(configured.stream()
          .collect(Collectors.toMap(HostLabels::of, HostConfig::numPings, (first, same) -> first)));
    }
  }

  /** A family's label names are those of every host: a host without one of them has it empty (absent). */
  void labelNames(List<HostLabels> configured) {
    SortedSet<String> names = new TreeSet<>();
    configured.forEach(host -> names.addAll(host.labels().keySet()));
    cluster.ifPresent(view -> names.add(HostLabels.VANTAGE));
    if (!names.equals(labelNames)) {
      // A new set: the next scrape renders every host's labels again.
      labelNames = Collections.unmodifiableSortedSet(names);
    }
  }

  @Override
  public HostMetrics host(HostLabels host, String address) {
    HostState state = hosts.compute(new HostSeriesKey(measuredHere(host), address), (key, known) -> {
      HostState shared = known == null ? new HostState(key, buckets) : known;
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
  public NameMetrics name(HostLabels host) {
    return names.name(measuredHere(host));
  }

  /** In a cluster, a host's labels say that this node measured it. */
  private HostLabels measuredHere(HostLabels host) {
    return cluster.map(view -> host.measuredBy(view.vantage())).orElse(host);
  }

  /**
   * A record seen on a collector: one another vantage measured feeds that vantage's series here. This node's own
   * records, and every record outside a cluster, change nothing: this node's probes report themselves.
   */
  public void record(MonitorRecord record) {
    if (cluster.isPresent() && record.vantage().isPresent()
        && !record.vantage().get().equals(cluster.get().vantage())) {
      vantages.record(record.vantage().get(), record);
    }
  }

  @Override
  public void countDroppedAnswers(LongSupplier total) {
    droppedAnswers = total;
  }

  @Override
  public void countDroppedRecords(LongSupplier total) {
    droppedRecords = total;
  }

  @Override
  public void configurationRead(boolean applied) {
    lastReloadSuccessful.set(applied ? 1 : 0);
    if (applied) {
      lastReloadSuccess.set(clock.millis() / 1000.0);
    }
  }

  @Override
  public void countLateRuns(LongSupplier late, LongSupplier skipped, Supplier<StartDelays> delays) {
    lateRuns = late;
    skippedRuns = skipped;
    startDelays = delays;
  }

  /** How late the probe runs started: a classic histogram the probe loops count, read at each scrape. */
  private HistogramSnapshot startDelaySnapshot() {
    StartDelays delays = startDelays.get();
    HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name("connmonitor_probe_run_start_delay_seconds")
        .unit(Unit.SECONDS).help("How long after its time each probe run started (the probe clock ticks every "
            + "millisecond), measured inside the process as the run starts");
    if (delays != null) {
      histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
          .classicHistogramBuckets(ClassicHistogramBuckets.of(delays.upperBoundsSeconds(), delays.counts()))
          .sum(delays.sumSeconds()).build());
    }
    return histogram.build();
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * The format a scrape asks for with its {@code Accept} header: protobuf when named (Prometheus asks for it first
   * when its native histograms are on), else OpenMetrics when named (Prometheus asks for it next), else Prometheus's
   * text format 0.0.4.
   */
  public ExpositionFormatWriter format(String accept) {
    if (protobuf.accepts(accept)) {
      return protobuf;
    }
    return openMetrics.accepts(accept) ? openMetrics : text;
  }

  /** Writes every series as they are now. */
  public synchronized void scrape(ExpositionFormatWriter format, ScrapeOutput out) throws IOException {
    if (format == protobuf) {
      format.write(out, snapshots());
    } else {
      writeHosts(new Exposition(out, format == openMetrics));
      format.write(out, registry.scrape());
    }
  }

  /** Every series as the client's snapshots: the per-host families first. */
  synchronized MetricSnapshots snapshots() {
    SnapshotWriter snapshots = new SnapshotWriter();
    writeHosts(snapshots);
    return snapshots.finish(registry.scrape());
  }

  private void writeHosts(SeriesWriter out) {
    SortedSet<String> names = labelNames;
    cluster.ifPresent(view -> vantages.retainVantages(view.members()));
    for (MetricFamily family : MetricFamily.values()) {
      out.family(family);
      for (HostState state : hosts.values()) {
        state.write(family, labels(state, names), out);
      }
      for (HostState state : vantages.states()) {
        state.write(family, labels(state, names), out);
      }
    }
  }

  private static HostLabelText labels(HostState state, SortedSet<String> names) {
    if (state.labelText == null || state.labelText.names() != names) {
      state.labelText = HostLabelText.of(state.key, names);
    }
    return state.labelText;
  }
}
