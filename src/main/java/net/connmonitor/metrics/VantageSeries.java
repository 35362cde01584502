package net.connmonitor.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.Trace;
import net.connmonitor.record.MonitorRecord;

/**
 * On a cluster's collector, the series of the hosts that the other vantages measure, fed from their records: one
 * scrape of the collector gives the whole cluster. Memory stays bounded by the configuration and the members: a host
 * has a series per vantage and address family (a host that moves to another address takes its series along), a
 * host's series go when it leaves the configuration, a vantage's when it is no longer a live member.
 */
final class VantageSeries {

  /** Whose series: a host line, measured by a vantage over one address family. */
  private record Measured(String vantage, HostLabels host, boolean ipv6) {
  }

  private final Map<Measured, HostState> hosts = new ConcurrentHashMap<>();
  /** The {@code numpings} of each host of the configuration: what a ping record's loss is a share of. */
  private volatile Map<HostLabels, Integer> pingsPerBurst = Map.of();

  /** The hosts of a new configuration: series of the others go. */
  void configure(Map<HostLabels, Integer> configured) {
    pingsPerBurst = Map.copyOf(configured);
    hosts.keySet().removeIf(measured -> !configured.containsKey(measured.host()));
  }

  /** The live members' vantages: series of the others go. */
  void retainVantages(Set<String> live) {
    hosts.keySet().removeIf(measured -> !live.contains(measured.vantage()));
  }

  /** A record of {@code vantage}; one about a host that is not (or no longer) configured here is left out. */
  void record(String vantage, MonitorRecord record) {
    HostLabels host = HostLabels.of(record.target());
    Integer sent = pingsPerBurst.get(host);
    if (sent == null) {
      return;
    }
    String address = record.target().address();
    HostState state = hosts.compute(new Measured(vantage, host, address.indexOf(':') >= 0),
        (measured, known) -> known != null && known.key.address().equals(address)
            ? known : HostState.ofRecords(new HostSeriesKey(host.measuredBy(vantage), address)));
    record.measurement().accept(new Measurement.Visitor<Void>() {
      @Override
      public Void ping(PingStats ping) {
        state.recorded(sent, ping);
        return null;
      }

      @Override
      public Void trace(Trace trace) {
        state.recorded(trace);
        return null;
      }

      @Override
      public Void scan(Scan scan) {
        state.scan(scan);
        return null;
      }

      @Override
      public Void tcp(TcpPing tcp) {
        state.tcp(tcp);
        return null;
      }

      @Override
      public Void hopStats(HopReport report) {
        state.hops(report.hops());
        return null;
      }
    });
  }

  Collection<HostState> states() {
    return hosts.values();
  }
}
