package net.connmonitor.metrics;

import java.util.List;
import java.util.OptionalInt;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.Trace;

/** One host line's handle on its series in {@link PrometheusMetrics}; after {@link #close()} it changes nothing. */
final class HostSeries implements HostMetrics {

  private final PrometheusMetrics metrics;
  private final HostState state;
  private volatile boolean closed;

  HostSeries(PrometheusMetrics metrics, HostState state) {
    this.metrics = metrics;
    this.state = state;
  }

  @Override
  public void burst(int sent, List<Double> rttsMs, PingStats stats) {
    if (!closed) {
      state.burst(sent, rttsMs, stats);
    }
  }

  @Override
  public void unsent() {
    if (!closed) {
      state.unsent();
    }
  }

  @Override
  public void trace(Trace trace, boolean changed, OptionalInt hops) {
    if (!closed) {
      state.trace(trace, changed, hops, metrics.now().toEpochMilli() / 1000.0);
    }
  }

  @Override
  public void hops(List<HopStats> hops) {
    if (!closed) {
      state.hops(hops);
    }
  }

  @Override
  public void scan(Scan scan) {
    if (!closed) {
      state.scan(scan);
    }
  }

  @Override
  public void tcp(TcpPing ping) {
    if (!closed) {
      state.tcp(ping);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      metrics.release(state);
    }
  }
}
