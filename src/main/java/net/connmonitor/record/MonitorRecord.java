package net.connmonitor.record;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import net.connmonitor.probe.Measurement;

/**
 * One result of one probe of one host: what is published on the event bus and printed.
 *
 * @param measuredAt when the probe finished
 * @param vantage    in a cluster, the name of the node that measured it; empty outside one
 */
public record MonitorRecord(Target target, Instant measuredAt, Measurement measurement, Optional<String> vantage) {

  /** A record of a monitor that is not in a cluster. */
  public MonitorRecord(Target target, Instant measuredAt, Measurement measurement) {
    this(target, measuredAt, measurement, Optional.empty());
  }

  public String kind() {
    return measurement.kind();
  }

  /**
   * The event bus's JSON form (README, "Inside a Vert.x application"): {@code kind}, {@code addr}, {@code name},
   * {@code vantage} in a cluster, {@code timestamp} (when it was measured, in milliseconds since the Unix epoch) and
   * the body under the kind's name, laid out as in the JSON output.
   */
  public JsonObject toJson() {
    return new JsonObject(RecordJson.message(this));
  }
}
