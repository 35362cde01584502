package net.connmonitor.metrics;

import java.nio.charset.StandardCharsets;

/**
 * Writes the per-host families in Prometheus's text format 0.0.4 or in OpenMetrics 1.0, line for line as
 * Prometheus's client writes the same metrics (its writer, general, made a scrape of ten thousand hosts cost twice
 * the CPU and ten times the garbage). The two formats differ only in the lines that describe a family: OpenMetrics
 * names a counter without {@code _total} there, adds its unit, and escapes quotes in the help.
 */
final class Exposition implements SeriesWriter {

  private final ScrapeOutput out;
  private final boolean openMetrics;
  private MetricFamily family;
  private byte[] sampleName;
  private boolean described;

  Exposition(ScrapeOutput out, boolean openMetrics) {
    this.out = out;
    this.openMetrics = openMetrics;
  }

  /** The family the next samples belong to; it is described before its first sample, and not at all without one. */
  @Override
  public void family(MetricFamily next) {
    family = next;
    sampleName = next.sampleName().getBytes(StandardCharsets.US_ASCII);
    described = false;
  }

  @Override
  public void sample(HostLabelText labels, double value) {
    sample(labels.host(), value);
  }

  @Override
  public void serviceSample(HostLabelText labels, int service, double value) {
    sample(labels.service(service), value);
  }

  @Override
  public void sample(SeriesLabels labels, double value) {
    sample(labels.text(), value);
  }

  @Override
  public void histogram(HostLabelText labels, RttHistogram histogram) {
    histogram.write(labels.host(), this);
  }

  private void sample(byte[] labels, double value) {
    describe();
    out.put(sampleName);
    out.write('{');
    out.put(labels);
    out.write('}');
    out.write(' ');
    out.writeDouble(value);
    out.write('\n');
  }

  /** @param buckets observations per bucket, not cumulated, the last one past every bound */
  void histogram(byte[] labels, RttBuckets bounds, long[] buckets, long count, double sum) {
    describe();
    long cumulated = 0;
    for (int i = 0; i < buckets.length; i++) {
      cumulated += buckets[i];
      out.put(sampleName);
      out.writeAscii("_bucket{");
      out.put(labels);
      out.put(bounds.le(i));
      out.writeLong(cumulated);
      out.write('\n');
    }
    out.put(sampleName);
    out.writeAscii("_count{");
    out.put(labels);
    out.writeAscii("} ");
    out.writeLong(count);
    out.write('\n');
    out.put(sampleName);
    out.writeAscii("_sum{");
    out.put(labels);
    out.writeAscii("} ");
    out.writeDouble(sum);
    out.write('\n');
  }

  private void describe() {
    if (described) {
      return;
    }
    described = true;
    if (openMetrics) {
      out.writeAscii("# TYPE " + family.name + " " + family.type.text() + "\n");
      if (family.unit != null) {
        out.writeAscii("# UNIT " + family.name + " " + family.unit + "\n");
      }
      out.writeUtf8("# HELP " + family.name + " " + escapeHelp(family.help, true) + "\n");
    } else {
      String name = family.sampleName();
      out.writeUtf8("# HELP " + name + " " + escapeHelp(family.help, false) + "\n");
      out.writeAscii("# TYPE " + name + " " + family.type.text() + "\n");
    }
  }

  private static String escapeHelp(String help, boolean quotes) {
    String escaped = help.replace("\\", "\\\\").replace("\n", "\\n");
    return quotes ? escaped.replace("\"", "\\\"") : escaped;
  }
}
