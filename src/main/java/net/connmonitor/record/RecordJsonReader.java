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
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.MysqlAnswer;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.ReplyTtl;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPortStats;
import net.connmonitor.probe.TlsFacts;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;

/**
 * Reads back the event bus's JSON form of a record ({@link RecordJson#message}): what a record crossing a cluster
 * is decoded from ({@link RecordCodec}). Standard output never needs it: records reach it as objects.
 */
public final class RecordJsonReader {

  /** A trace step where nothing answered, {@code ["*"]}, and the address of a hop where nothing did. */
  private static final String SILENT = "*";
  /** A scanned service that gave no answer. */
  private static final String NONE = "None";

  private RecordJsonReader() {
  }

  /**
   * The record, to microsecond resolution.
   *
   * @throws IllegalArgumentException when the object is not a record, saying which field is wrong and what was expected
   */
  public static MonitorRecord read(JsonObject json) {
    String kind = string(json, "", "kind");
    Target target = new Target(string(json, "", "name"), string(json, "", "addr"), labels(json),
        optionalString(json, "source"), optionalString(json, "interface"));
    Instant measuredAt = instant(number(json, "", "timestamp"));
    // A kind added to Measurement gets its case here, as RecordJson's visitor makes the writer's side compile-checked.
    Measurement measurement = switch (kind) {
      case "ping" -> ping(object(json, "ping"));
      case "trace" -> trace(array(json, "trace"));
      case "scan" -> scan(object(json, "scan"));
      case "tcp" -> tcp(object(json, "tcp"));
      case "hopstats" -> hopStats(array(json, "hopstats"));
      default -> throw new IllegalArgumentException("malformed record: \"kind\" is " + Json.encode(kind)
          + ", expected \"ping\", \"trace\", \"scan\", \"tcp\" or \"hopstats\"");
    };
    Optional<String> vantage = json.getValue("vantage") == null
        ? Optional.empty() : Optional.of(string(json, "", "vantage"));
    return new MonitorRecord(target, measuredAt, measurement, vantage);
  }

  /** A string field that is absent when the host line does not name it. */
  private static Optional<String> optionalString(JsonObject json, String field) {
    return json.getValue(field) == null ? Optional.empty() : Optional.of(string(json, "", field));
  }

  /** The host's labels: an object of strings, absent when it has none. */
  private static SortedMap<String, String> labels(JsonObject json) {
    SortedMap<String, String> labels = new TreeMap<>();
    if (json.getValue("labels") == null) {
      return labels;
    }
    JsonObject object = object(json, "labels");
    for (String key : object.fieldNames()) {
      labels.put(key, string(object, "labels.", key));
    }
    return labels;
  }

  private static PingStats ping(JsonObject ping) {
    return new PingStats(
        number(ping, "ping.", "min"),
        number(ping, "ping.", "avg"),
        number(ping, "ping.", "max"),
        number(ping, "ping.", "std"),
        number(ping, "ping.", "loss"),
        ping.getValue("ttl") == null ? Optional.empty() : Optional.of(new ReplyTtl(integer(ping, "ping.", "ttl"),
            ping.getValue("ttl changed from") == null ? OptionalInt.empty()
                : OptionalInt.of(integer(ping, "ping.", "ttl changed from")))));
  }

  private static int integer(JsonObject json, String path, String key) {
    Object value = json.getValue(key);
    if (value instanceof Integer integer) {
      return integer;
    }
    throw malformed(path + key, value, "an integer");
  }

  private static TcpPing tcp(JsonObject tcp) {
    SortedMap<Integer, TcpPortStats> ports = new TreeMap<>();
    for (String port : tcp.fieldNames()) {
      String path = "tcp." + port + ".";
      int number;
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw malformed("tcp", port, "port numbers as keys");
      }
      JsonObject stats = object(tcp, port);
      ports.put(number, new TcpPortStats(number(stats, path, "min"), number(stats, path, "avg"),
          number(stats, path, "max"), number(stats, path, "std"), number(stats, path, "loss"),
          integer(stats, path, "refused")));
    }
    return new TcpPing(ports);
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

  /** The hops, each with the count of its probes lost, which the loss in percent of those sent gives back. */
  private static HopReport hopStats(JsonArray hops) {
    List<HopStats> parsed = new ArrayList<>(hops.size());
    for (int i = 0; i < hops.size(); i++) {
      String path = "hopstats[" + i + "].";
      Object value = hops.getValue(i);
      if (!(value instanceof JsonObject hop)) {
        throw malformed("hopstats[" + i + "]", value, "an object");
      }
      String address = string(hop, path, "addr");
      int sent = integer(hop, path, "sent");
      if (sent < 1) {
        throw malformed(path + "sent", sent, "at least 1");
      }
      parsed.add(new HopStats(integer(hop, path, "hop"), address.equals(SILENT) ? null : address, sent,
          (int) Math.round(number(hop, path, "loss") * sent / 100), number(hop, path, "last"),
          number(hop, path, "avg"), number(hop, path, "best"), number(hop, path, "worst"), number(hop, path, "std")));
    }
    return new HopReport(parsed);
  }

  private static Scan scan(JsonObject scan) {
    return new Scan(
        service(scan, "http").map(http -> http(http, "scan.http.")),
        service(scan, "https").map(https -> http(https, "scan.https.")),
        service(scan, "mysql").map(mysql -> new MysqlAnswer(
            number(mysql, "scan.mysql.", "rtt"), string(mysql, "scan.mysql.", "version"))));
  }

  private static HttpAnswer http(JsonObject http, String path) {
    Optional<TlsFacts> tls = http.getValue("tls") == null ? Optional.empty() : Optional.of(tls(object(http, "tls"),
        path + "tls."));
    return new HttpAnswer(number(http, path, "rtt"), string(http, path, "response code"), string(http, path, "server"),
        tls);
  }

  private static TlsFacts tls(JsonObject tls, String path) {
    Object verified = tls.getValue("verified");
    if (!(verified instanceof Boolean)) {
      throw malformed(path + "verified", verified, "true or false");
    }
    Optional<String> why = (Boolean) verified ? Optional.empty() : Optional.of(string(tls, path, "why"));
    return new TlsFacts(string(tls, path, "version"), instant(number(tls, path, "expires")), why);
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
