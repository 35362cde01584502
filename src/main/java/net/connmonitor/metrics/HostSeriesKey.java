package net.connmonitor.metrics;

/** Whose series: a host at one address. Two lines of the same host at the same address share their series. */
record HostSeriesKey(HostLabels labels, String address) {
}
