package net.connmonitor.metrics;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.connmonitor.config.HostConfig;
import net.connmonitor.probe.StartDelays;

/** Where the monitor reports what it measures, beside its records: the metrics endpoint, or nowhere. */
public interface MonitorMetrics {

  /** For a monitor without a metrics endpoint: measures nothing, costs nothing. */
  MonitorMetrics NONE = new MonitorMetrics() {
    @Override
    public void configure(List<HostConfig> hosts) {
    }

    @Override
    public HostMetrics host(HostLabels host, String address) {
      return HostMetrics.NONE;
    }

    @Override
    public NameMetrics name(HostLabels host) {
      return NameMetrics.NONE;
    }

    @Override
    public void countDroppedAnswers(LongSupplier total) {
    }

    @Override
    public void countDroppedRecords(LongSupplier total) {
    }

    @Override
    public void configurationRead(boolean applied) {
    }

    @Override
    public void countLateRuns(LongSupplier late, LongSupplier skipped, Supplier<StartDelays> delays) {
    }
  };

  /**
   * Told the hosts of every configuration before it is applied (in a cluster, those measured elsewhere too): every
   * host's series carry the label names of all of them, since a family's series all have the same label names.
   */
  void configure(List<HostConfig> hosts);

  /** The series of a host measured at {@code address} (canonical text form). */
  HostMetrics host(HostLabels host, String address);

  /** Whether the name of a host line resolves. */
  NameMetrics name(HostLabels host);

  /** @param total the ICMP answers the kernel dropped since the start, read at each scrape */
  void countDroppedAnswers(LongSupplier total);

  /** @param total the records dropped since the start because standard output was read too slowly */
  void countDroppedRecords(LongSupplier total);

  /**
   * The configuration was read, at the start or on a reload.
   *
   * @param applied whether it was applied; when not, the running configuration stays
   */
  void configurationRead(boolean applied);

  /**
   * @param late    the probe runs that started late since the start, read at each scrape
   * @param skipped the probe runs left out because others started late, since the start
   * @param delays  how late every probe run started, since the start
   */
  void countLateRuns(LongSupplier late, LongSupplier skipped, Supplier<StartDelays> delays);
}
