package net.connmonitor.metrics;

/**
 * Where a scrape puts the per-host series, family by family: the text formats' own writer, or the snapshots that
 * the client's protobuf writer takes.
 */
interface SeriesWriter {

  /** The family the next series belong to. */
  void family(MetricFamily family);

  /** A host's series. */
  void sample(HostLabelText labels, double value);

  /** A host's series of one scan service, numbered as {@link HostState#SERVICES} lists them. */
  void serviceSample(HostLabelText labels, int service, double value);

  /** A host's series with labels of its own beside the host's, e.g. a TCP ping's port. */
  void sample(SeriesLabels labels, double value);

  void histogram(HostLabelText labels, RttHistogram histogram);
}
