package net.connmonitor.record;

import io.vertx.core.json.JsonObject;
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

  /**
   * The event bus's JSON form (README, "Inside a Vert.x application"): {@code kind}, {@code addr}, {@code name},
   * {@code timestamp} (when it was measured, in milliseconds since the Unix epoch) and the body under the kind's
   * name, laid out as in the JSON output.
   */
  public JsonObject toJson() {
    return new JsonObject(RecordJson.message(this));
  }
}
