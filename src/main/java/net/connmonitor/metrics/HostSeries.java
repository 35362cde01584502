package net.connmonitor.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.Trace;

/**
 * The series of one host at one address in {@link PrometheusMetrics}. Confined to the host's event loop; each update
 * finds its series in the families of the moment, so that a host keeps reporting when a reload rebuilt them.
 */
final class HostSeries implements HostMetrics {

  private final PrometheusMetrics metrics;
  private final HostSeriesKey key;
  private HostFamilies bound;
  private String[] values;
  private boolean closed;

  HostSeries(PrometheusMetrics metrics, HostSeriesKey key) {
    this.metrics = metrics;
    this.key = key;
  }

  @Override
  public void burst(int sent, List<Double> rttsMs, PingStats stats) {
    if (closed) {
      return;
    }
    HostFamilies families = families();
    families.requests.labelValues(values).inc(sent);
    families.replies.labelValues(values).inc(rttsMs.size());
    DistributionDataPoint rtt = families.rtt.labelValues(values);
    for (double rttMs : rttsMs) {
      rtt.observe(seconds(rttMs));
    }
    // A burst that lost everything has no round-trip time: the record's -1 is no time, and NaN says so.
    boolean answered = !rttsMs.isEmpty();
    families.lastMin.labelValues(values).set(answered ? seconds(stats.min()) : Double.NaN);
    families.lastAvg.labelValues(values).set(answered ? seconds(stats.avg()) : Double.NaN);
    families.lastMax.labelValues(values).set(answered ? seconds(stats.max()) : Double.NaN);
    families.lastStddev.labelValues(values).set(answered ? seconds(stats.std()) : Double.NaN);
    families.lastLoss.labelValues(values).set(stats.loss() / 100);
  }

  @Override
  public void trace(Trace trace, boolean changed, OptionalInt hops) {
    if (closed) {
      return;
    }
    HostFamilies families = families();
    // Looked up even without a change, so that the counter is there at 0 from the first trace on.
    CounterDataPoint changes = families.routeChanges.labelValues(values);
    if (changed) {
      changes.inc();
    }
    families.traceHops.labelValues(values).set(hops.isPresent() ? hops.getAsInt() : Double.NaN);
    families.lastTrace.labelValues(values).set(metrics.now().toEpochMilli() / 1000.0);
  }

  @Override
  public void scan(Scan scan) {
    if (closed) {
      return;
    }
    HostFamilies families = families();
    http(families, "http", scan.http());
    http(families, "https", scan.https());
    String[] mysql = HostFamilies.withService(values, "mysql");
    families.scanUp.labelValues(mysql).set(scan.mysql().isPresent() ? 1 : 0);
    families.scanRtt.labelValues(mysql).set(scan.mysql().map(answer -> seconds(answer.rttMs())).orElse(Double.NaN));
  }

  private void http(HostFamilies families, String service, Optional<HttpAnswer> answer) {
    String[] labels = HostFamilies.withService(values, service);
    families.scanUp.labelValues(labels).set(answer.isPresent() ? 1 : 0);
    families.scanRtt.labelValues(labels).set(answer.map(found -> seconds(found.rttMs())).orElse(Double.NaN));
    // The scan only takes a status line with three digits for its code.
    families.httpStatus.labelValues(labels)
        .set(answer.map(found -> (double) Integer.parseInt(found.responseCode())).orElse(Double.NaN));
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      metrics.release(key);
    }
  }

  private HostFamilies families() {
    HostFamilies now = metrics.families();
    if (now != bound) {
      bound = now;
      values = now.labelValues(key.labels(), key.address());
    }
    return now;
  }

  private static double seconds(double milliseconds) {
    return milliseconds / 1000;
  }
}
