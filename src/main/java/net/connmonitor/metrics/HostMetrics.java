package net.connmonitor.metrics;

import java.util.List;
import java.util.OptionalInt;
import net.connmonitor.probe.BurstObserver;
import net.connmonitor.probe.HopObserver;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceObserver;

/**
 * The series of one host at one address, fed from that host's event loop. Closed when the host stops measuring
 * that address (it was removed, or moved to another address): its series go with it.
 */
public interface HostMetrics extends BurstObserver, TraceObserver, HopObserver {

  /** For a monitor without a metrics endpoint. */
  HostMetrics NONE = new HostMetrics() {
    @Override
    public void burst(int sent, List<Double> rttsMs, PingStats stats) {
    }

    @Override
    public void unsent() {
    }

    @Override
    public void trace(Trace trace, boolean changed, OptionalInt hops) {
    }

    @Override
    public void hops(List<HopStats> hops) {
    }

    @Override
    public void scan(Scan scan) {
    }

    @Override
    public void tcp(TcpPing ping) {
    }

    @Override
    public void close() {
    }
  };

  void scan(Scan scan);

  /** A burst of TCP pings. */
  void tcp(TcpPing ping);

  /** Removes the series; later calls change nothing. */
  void close();
}
