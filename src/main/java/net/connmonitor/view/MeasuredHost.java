package net.connmonitor.view;

import java.util.Optional;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.Target;

/**
 * Whom a row of the page is about: the host (as typed, its address and labels) and, in a cluster, the vantage that
 * measured it, so that one host seen from three nodes is three rows with three histories.
 */
record MeasuredHost(Target target, Optional<String> vantage) {

  static MeasuredHost of(MonitorRecord record) {
    return new MeasuredHost(record.target(), record.vantage());
  }
}
