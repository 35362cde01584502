package net.connmonitor.record;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;

/**
 * The event-bus layout of a record: {@code {"kind":"ping","addr":…,"name":…,"timestamp":…,"ping":{…}}}, where
 * {@code timestamp} is when it was measured, in milliseconds since the Unix epoch with microseconds as the fraction.
 */
public final class RecordCodec {

  private RecordCodec() {
  }

  public static JsonObject toJson(MonitorRecord record) {
    return new JsonObject()
        .put("kind", record.kind())
        .put("addr", record.target().address())
        .put("name", record.target().name())
        .put("timestamp", epochMillis(record.measuredAt()))
        .put(record.kind(), record.measurement().accept(Body.INSTANCE));
  }

  /**
   * The inverse of {@link #toJson}, to microsecond resolution.
   *
   * @throws IllegalArgumentException when the object is not a record, saying which field is wrong and what was expected
   */
  public static MonitorRecord fromJson(JsonObject json) {
    String kind = string(json, "", "kind");
    Target target = new Target(string(json, "", "name"), string(json, "", "addr"));
    Instant measuredAt = instant(number(json, "", "timestamp"));
    // A kind added to Measurement gets its case here; its Visitor method makes toJson's side compile-checked.
    Measurement measurement = switch (kind) {
      case "ping" -> ping(object(json, "ping"));
      default -> throw new IllegalArgumentException(
          "malformed record: \"kind\" is " + Json.encode(kind) + ", expected \"ping\"");
    };
    return new MonitorRecord(target, measuredAt, measurement);
  }

  private enum Body implements Measurement.Visitor<JsonObject> {
    INSTANCE;

    @Override
    public JsonObject ping(PingStats ping) {
      return new JsonObject()
          .put("min", ping.min())
          .put("avg", ping.avg())
          .put("max", ping.max())
          .put("std", ping.std())
          .put("loss", ping.loss());
    }
  }

  private static PingStats ping(JsonObject ping) {
    return new PingStats(
        number(ping, "ping.", "min"),
        number(ping, "ping.", "avg"),
        number(ping, "ping.", "max"),
        number(ping, "ping.", "std"),
        number(ping, "ping.", "loss"));
  }

  // Through BigDecimal so the double is the one nearest to the exact time, not the sum of two rounded parts.
  private static double epochMillis(Instant at) {
    return BigDecimal.valueOf(at.getEpochSecond(), -3).add(BigDecimal.valueOf(at.getNano(), 6)).doubleValue();
  }

  private static Instant instant(double epochMillis) {
    long micros = new BigDecimal(epochMillis).movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static String string(JsonObject json, String path, String key) {
    Object value = json.getValue(key);
    if (value instanceof String string) {
      return string;
    }
    throw malformed(path + key, value, "a string");
  }

  private static double number(JsonObject json, String path, String key) {
    Object value = json.getValue(key);
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw malformed(path + key, value, "a finite number");
  }

  private static JsonObject object(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw malformed(key, value, "an object");
  }

  private static IllegalArgumentException malformed(String key, Object value, String expected) {
    String actual = value == null ? "missing" : Json.encode(value);
    return new IllegalArgumentException("malformed record: \"" + key + "\" is " + actual + ", expected " + expected);
  }
}
