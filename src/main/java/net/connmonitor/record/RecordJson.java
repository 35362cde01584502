package net.connmonitor.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import net.connmonitor.probe.HopReport;
import net.connmonitor.probe.HopStats;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.ReplyTtl;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPortStats;
import net.connmonitor.probe.TlsFacts;
import net.connmonitor.probe.Trace;
import net.connmonitor.probe.TraceStep;

/**
 * The one JSON form of a record, written here only: {@code {"addr":…,"name":…,"timestamp":…,"ping":{…}}}, with
 * {@code "trace":[…]}, {@code "scan":{…}}, {@code "tcp":{"80":{…}}} or {@code "hopstats":[{"hop":1,…},…]} in place of
 * {@code "ping"} for those kinds.
 * Numbers are written whole in plain notation; the timestamp is milliseconds since the Unix epoch with microseconds.
 * Standard output gets it as one line (the layout {@code records.schema.json} describes); the event bus's JSON form
 * is the same object with the record's {@code kind} first and the time it was measured.
 */
public final class RecordJson {

  /** Doubles in their shortest form (Schubfach, as {@link Double#toString} from JDK 19 on), whatever the runtime. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  /** The bounds within which a double's shortest form is plain notation, not scientific. */
  private static final double PLAIN_FROM = 1e-3;
  private static final double PLAIN_BELOW = 1e7;
  /** Seconds since the epoch whose microseconds a long holds. */
  private static final long LONG_MICROS_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;
  /** Zero, of either sign, as the exact conversion writes it. */
  private static final String ZERO = "0.0";
  /** A record line's usual length, so that the text is not copied while it grows. */
  private static final int LINE_CHARS = 256;

  private RecordJson() {
  }

  /**
   * The record as standard output prints it.
   *
   * @param timestamp when it was measured, or empty when the host's records carry no timestamp
   * @return the whole record: one line ending in a newline
   */
  public static String line(MonitorRecord record, Optional<Instant> timestamp) {
    return write(record, false, timestamp, "\n");
  }

  /** The record as the event bus's JSON form: its kind, then the line's fields with the time it was measured. */
  public static String message(MonitorRecord record) {
    return write(record, true, Optional.of(record.measuredAt()), "");
  }

  private static String write(MonitorRecord record, boolean withKind, Optional<Instant> timestamp, String end) {
    StringWriter text = new StringWriter(LINE_CHARS);
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setCharacterEscapes(LineSafeEscapes.INSTANCE);
      json.writeStartObject();
      if (withKind) {
        json.writeStringField("kind", record.kind());
      }
      json.writeStringField("addr", record.target().address());
      json.writeStringField("name", record.target().name());
      if (record.vantage().isPresent()) {
        json.writeStringField("vantage", record.vantage().get());
      }
      if (!record.target().labels().isEmpty()) {
        json.writeObjectFieldStart("labels");
        for (var label : record.target().labels().entrySet()) {
          json.writeStringField(label.getKey(), label.getValue());
        }
        json.writeEndObject();
      }
      if (record.target().source().isPresent()) {
        json.writeStringField("source", record.target().source().get());
      }
      if (record.target().interfaceName().isPresent()) {
        json.writeStringField("interface", record.target().interfaceName().get());
      }
      if (timestamp.isPresent()) {
        json.writeFieldName("timestamp");
        json.writeNumber(epochMillis(timestamp.get()));
      }
      json.writeFieldName(record.kind());
      record.measurement().accept(new Body(json));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter cannot fail", e);
    }
    return text.append(end).toString();
  }

  private record Body(JsonGenerator json) implements Measurement.Visitor<Void> {

    private static final String NONE = "None";
    /** Where nothing answered: a trace's silent step, a hop without an answer. */
    private static final String SILENT = "*";

    @Override
    public Void ping(PingStats ping) {
      try {
        json.writeStartObject();
        writeNumberField(json, "min", ping.min());
        writeNumberField(json, "avg", ping.avg());
        writeNumberField(json, "max", ping.max());
        writeNumberField(json, "std", ping.std());
        writeNumberField(json, "loss", ping.loss());
        if (ping.replyTtl().isPresent()) {
          ReplyTtl ttl = ping.replyTtl().get();
          json.writeNumberField("ttl", ttl.ttl());
          if (ttl.changedFrom().isPresent()) {
            json.writeNumberField("ttl changed from", ttl.changedFrom().getAsInt());
          }
        }
        json.writeEndObject();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("a StringWriter cannot fail", e);
      }
    }

    @Override
    public Void trace(Trace trace) {
      try {
        json.writeStartArray();
        for (TraceStep step : trace.steps()) {
          json.writeStartArray();
          if (step.answered()) {
            json.writeString(step.address());
            writeNumber(json, step.rttMs());
          } else {
            json.writeString(SILENT);
          }
          json.writeEndArray();
        }
        json.writeEndArray();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("a StringWriter cannot fail", e);
      }
    }

    @Override
    public Void scan(Scan scan) {
      try {
        json.writeStartObject();
        writeHttp("http", scan.http());
        writeHttp("https", scan.https());
        json.writeFieldName("mysql");
        if (scan.mysql().isPresent()) {
          json.writeStartObject();
          writeNumberField(json, "rtt", scan.mysql().get().rttMs());
          json.writeStringField("version", scan.mysql().get().version());
          json.writeEndObject();
        } else {
          json.writeString(NONE);
        }
        json.writeEndObject();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("a StringWriter cannot fail", e);
      }
    }

    @Override
    public Void tcp(TcpPing tcp) {
      try {
        json.writeStartObject();
        for (var port : tcp.ports().entrySet()) {
          TcpPortStats stats = port.getValue();
          json.writeObjectFieldStart(Integer.toString(port.getKey()));
          writeNumberField(json, "min", stats.min());
          writeNumberField(json, "avg", stats.avg());
          writeNumberField(json, "max", stats.max());
          writeNumberField(json, "std", stats.std());
          writeNumberField(json, "loss", stats.loss());
          json.writeNumberField("refused", stats.refused());
          json.writeEndObject();
        }
        json.writeEndObject();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("a StringWriter cannot fail", e);
      }
    }

    /**
     * An object per hop, mtr's columns: {@code "addr"} is the address that last answered there, {@code "*"} when none
     * did (the times are then -1, as a ping's when every request was lost); {@code "loss"} is a percentage.
     */
    @Override
    public Void hopStats(HopReport report) {
      try {
        json.writeStartArray();
        for (HopStats hop : report.hops()) {
          json.writeStartObject();
          json.writeNumberField("hop", hop.hop());
          json.writeStringField("addr", hop.answered() ? hop.address() : SILENT);
          writeNumberField(json, "loss", hop.lossPercent());
          json.writeNumberField("sent", hop.sent());
          writeNumberField(json, "last", hop.lastMs());
          writeNumberField(json, "avg", hop.avgMs());
          writeNumberField(json, "best", hop.bestMs());
          writeNumberField(json, "worst", hop.worstMs());
          writeNumberField(json, "std", hop.stdMs());
          json.writeEndObject();
        }
        json.writeEndArray();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException("a StringWriter cannot fail", e);
      }
    }

    private void writeTls(TlsFacts tls) throws IOException {
      json.writeObjectFieldStart("tls");
      json.writeStringField("version", tls.version());
      json.writeFieldName("expires");
      json.writeNumber(epochMillis(tls.earliestExpiry()));
      json.writeBooleanField("verified", tls.verified());
      if (tls.notVerified().isPresent()) {
        json.writeStringField("why", tls.notVerified().get());
      }
      json.writeEndObject();
    }

    private void writeHttp(String name, Optional<HttpAnswer> http) throws IOException {
      json.writeFieldName(name);
      if (http.isPresent()) {
        json.writeStartObject();
        writeNumberField(json, "rtt", http.get().rttMs());
        json.writeStringField("response code", http.get().responseCode());
        json.writeStringField("server", http.get().server());
        if (http.get().tls().isPresent()) {
          writeTls(http.get().tls().get());
        }
        json.writeEndObject();
      } else {
        json.writeString(NONE);
      }
    }
  }

  private static void writeNumberField(JsonGenerator json, String name, double value) throws IOException {
    json.writeFieldName(name);
    writeNumber(json, value);
  }

  /**
   * JSON has no NaN or infinity: such a value is written as null rather than breaking the line for every reader. The
   * usual figures (milliseconds, percentages) are written as they are, their shortest form being plain already; only
   * the rare others go through the exact conversion.
   */
  private static void writeNumber(JsonGenerator json, double value) throws IOException {
    double magnitude = Math.abs(value);
    if (!Double.isFinite(value)) {
      json.writeNull();
    } else if (value == 0) {
      json.writeNumber(ZERO);
    } else if (magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW) {
      json.writeNumber(value);
    } else {
      json.writeNumber(plain(new BigDecimal(Double.toString(value))));
    }
  }

  /**
   * Milliseconds since the epoch with the microseconds as decimals, trailing zeros dropped but one, e.g.
   * {@code 1795000000123.456}: microseconds are all a clock reading is good for; more digits would be noise no double
   * could hold. Beyond the microseconds a long counts (some 292,000 years), exact decimal arithmetic takes over.
   */
  private static String epochMillis(Instant at) {
    if (Math.abs(at.getEpochSecond()) >= LONG_MICROS_SECONDS) {
      return plain(BigDecimal.valueOf(at.getEpochSecond(), -3).add(BigDecimal.valueOf(at.getNano() / 1000, 3)));
    }
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    StringBuilder text = new StringBuilder(24);
    if (micros < 0) {
      text.append('-');
    }
    text.append(Math.abs(micros / 1000)).append('.');
    String decimals = Integer.toString(1000 + (int) Math.abs(micros % 1000));
    int last = decimals.length();
    while (last > 2 && decimals.charAt(last - 1) == '0') {
      last--;
    }
    return text.append(decimals, 1, last).toString();
  }

  /** Shortest plain notation with at least one decimal, as a double prints: {@code 0.0001}, {@code 100.0}. */
  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
  }

  /**
   * Jackson's escapes, plus the characters that some readers take for line breaks although JSON does not (NEL,
   * U+2028, U+2029), so that a record stays on one line for every line-oriented tool.
   */
  private static final class LineSafeEscapes extends CharacterEscapes {

    static final LineSafeEscapes INSTANCE = new LineSafeEscapes();

    private final int[] asciiEscapes = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x85 || ch == 0x2028 || ch == 0x2029
          ? new SerializedString(String.format("\\u%04X", ch))
          : null;
    }
  }
}
