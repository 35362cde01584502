package net.connmonitor.record;

import java.time.Instant;
import net.connmonitor.probe.Measurement;

/**
 * One result of one probe of one host: what is published on the event bus and printed.
 *
 * @param measuredAt when the probe finished
 */
public record MonitorRecord(Target target, Instant measuredAt, Measurement measurement) {

  public String kind() {
    return measurement.kind();
  }
}
