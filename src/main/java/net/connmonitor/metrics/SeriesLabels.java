package net.connmonitor.metrics;

import io.prometheus.metrics.model.snapshots.Labels;

/**
 * One series' labels, made once and held as both writers want them: the text between the braces, and the client's
 * labels for protobuf.
 */
record SeriesLabels(byte[] text, Labels labels) {
}
