package net.connmonitor.record;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;

/**
 * The event-bus layout of a record: {@code {"kind":"ping","addr":…,"name":…,"timestamp":…,"ping":{…}}}, where
 * {@code timestamp} is when it was measured, in milliseconds since the Unix epoch with microseconds as the fraction,
 * and the body under the kind's name is laid out as in the JSON output: {@code "trace":[["198.18.0.2",0.41],["*"]]},
 * {@code "scan":{"http":{"rtt":…,"response code":"200","server":"nginx"},"https":"None","mysql":{…}}}.
 */
public final class RecordCodec {

  /** A trace step where nothing answered: {@code ["*"]}. */
  private static final String SILENT = "*";
  /** A scanned service that gave no answer. */
  private static final String NONE = "None";

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
      case "trace" -> trace(array(json, "trace"));
      case "scan" -> scan(object(json, "scan"));
      default -> throw new IllegalArgumentException(
          "malformed record: \"kind\" is " + Json.encode(kind) + ", expected \"ping\", \"trace\" or \"scan\"");
    };
    return new MonitorRecord(target, measuredAt, measurement);
  }

  /** The body of each kind, laid out as in the JSON output (SPEC §4). */
  private enum Body implements Measurement.Visitor<Object> {
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

    @Override
    public JsonArray trace(Trace trace) {
      JsonArray steps = new JsonArray();
      for (TraceStep step : trace.steps()) {
        steps.add(step.answered()
            ? new JsonArray().add(step.address()).add(step.rttMs())
            : new JsonArray().add(SILENT));
      }
      return steps;
    }

    @Override
    public JsonObject scan(Scan scan) {
      return new JsonObject()
          .put("http", scan.http().<Object>map(Body::http).orElse(NONE))
          .put("https", scan.https().<Object>map(Body::http).orElse(NONE))
          .put("mysql", scan.mysql().<Object>map(mysql -> new JsonObject()
              .put("rtt", mysql.rttMs())
              .put("version", mysql.version())).orElse(NONE));
    }

    private static JsonObject http(HttpAnswer http) {
      return new JsonObject()
          .put("rtt", http.rttMs())
          .put("response code", http.responseCode())
          .put("server", http.server());
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

  private static Trace trace(JsonArray steps) {
    List<TraceStep> parsed = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      String path = "trace[" + i + "]";
      Object value = steps.getValue(i);
      if (!(value instanceof JsonArray step) || step.isEmpty() || !(step.getValue(0) instanceof String address)) {
        throw malformed(path, value, "[ADDRESS, RTT] or [\"*\"]");
      }
      if (address.equals(SILENT) && step.size() == 1) {
        parsed.add(TraceStep.silent());
      } else if (!address.equals(SILENT) && step.size() == 2 && step.getValue(1) instanceof Number rtt
          && Double.isFinite(rtt.doubleValue())) {
        parsed.add(new TraceStep(address, rtt.doubleValue()));
      } else {
        throw malformed(path, value, "[ADDRESS, RTT] or [\"*\"]");
      }
    }
    return new Trace(parsed);
  }

  private static Scan scan(JsonObject scan) {
    return new Scan(
        service(scan, "http").map(http -> http(http, "scan.http.")),
        service(scan, "https").map(https -> http(https, "scan.https.")),
        service(scan, "mysql").map(mysql -> new MysqlAnswer(
            number(mysql, "scan.mysql.", "rtt"), string(mysql, "scan.mysql.", "version"))));
  }

  private static HttpAnswer http(JsonObject http, String path) {
    return new HttpAnswer(number(http, path, "rtt"), string(http, path, "response code"), string(http, path, "server"));
  }

  /** A service's answer, or empty for "None". */
  private static Optional<JsonObject> service(JsonObject scan, String name) {
    Object value = scan.getValue(name);
    if (NONE.equals(value)) {
      return Optional.empty();
    }
    if (value instanceof JsonObject answer) {
      return Optional.of(answer);
    }
    throw malformed("scan." + name, value, "an object or \"None\"");
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

  private static JsonArray array(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof JsonArray array) {
      return array;
    }
    throw malformed(key, value, "an array");
  }

  private static IllegalArgumentException malformed(String key, Object value, String expected) {
    String actual = value == null ? "missing" : Json.encode(value);
    return new IllegalArgumentException("malformed record: \"" + key + "\" is " + actual + ", expected " + expected);
  }
}
