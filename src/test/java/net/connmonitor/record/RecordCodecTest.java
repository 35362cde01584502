package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  private static final MonitorRecord LOCALHOST = new MonitorRecord(new Target("localhost", "127.0.0.1"),
      Instant.ofEpochSecond(1795597507, 123_456_000), new PingStats(0.021, 0.034, 0.051, 0.012, 0));

  @Test
  void theEventBusLayoutIsTheReadmes() {
    assertEquals(new JsonObject("{\"kind\":\"ping\",\"addr\":\"127.0.0.1\",\"name\":\"localhost\","
            + "\"timestamp\":1795597507123.456,"
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}"),
        RecordCodec.toJson(LOCALHOST));
  }

  @Test
  void decodingInvertsEncodingToTheMicrosecond() {
    MonitorRecord[] records = {
        LOCALHOST,
        new MonitorRecord(new Target("ip6-localhost", "::1"), Instant.ofEpochSecond(4102444799L, 999_999_000),
            PingStats.ALL_LOST),
        new MonitorRecord(new Target("old", "192.0.2.7"), Instant.ofEpochSecond(-86400, 1_000),
            new PingStats(1e-7, 2, 3, 0.5, 33.333333333333336)),
        record(SampleMeasurements.TRACE),
        record(SampleMeasurements.SCAN),
        record(SampleMeasurements.NOTHING_ANSWERED),
    };
    for (MonitorRecord record : records) {
      assertEquals(record, RecordCodec.fromJson(RecordCodec.toJson(record)));
      assertEquals(record, RecordCodec.fromJson(new JsonObject(RecordCodec.toJson(record).encode())));
    }
  }

  @Test
  void nanosecondsRoundToTheNearestMicrosecond() {
    MonitorRecord precise = new MonitorRecord(LOCALHOST.target(), Instant.ofEpochSecond(1795597507, 123_456_789),
        LOCALHOST.measurement());
    assertEquals(Instant.ofEpochSecond(1795597507, 123_457_000),
        RecordCodec.fromJson(RecordCodec.toJson(precise)).measuredAt());
  }

  @Test
  void anIntegerTimestampIsAccepted() {
    JsonObject json = RecordCodec.toJson(LOCALHOST).put("timestamp", 1795597507123L);
    assertEquals(Instant.ofEpochMilli(1795597507123L), RecordCodec.fromJson(json).measuredAt());
  }

  @Test
  void aMalformedObjectSaysWhatIsWrong() {
    assertMalformed("malformed record: \"addr\" is missing, expected a string",
        RecordCodec.toJson(LOCALHOST).put("addr", null));
    assertMalformed("malformed record: \"kind\" is \"dns\", expected \"ping\", \"trace\" or \"scan\"",
        RecordCodec.toJson(LOCALHOST).put("kind", "dns"));
    assertMalformed("malformed record: \"trace\" is missing, expected an array",
        RecordCodec.toJson(LOCALHOST).put("kind", "trace"));
    JsonObject trace = RecordCodec.toJson(record(SampleMeasurements.TRACE));
    trace.getJsonArray("trace").getJsonArray(1).add(1.5);
    assertMalformed("malformed record: \"trace[1]\" is [\"*\",1.5], expected [ADDRESS, RTT] or [\"*\"]", trace);
    JsonObject scan = RecordCodec.toJson(record(SampleMeasurements.SCAN));
    scan.getJsonObject("scan").put("https", "none");
    assertMalformed("malformed record: \"scan.https\" is \"none\", expected an object or \"None\"", scan);
    JsonObject version = RecordCodec.toJson(record(SampleMeasurements.SCAN));
    version.getJsonObject("scan").getJsonObject("mysql").remove("version");
    assertMalformed("malformed record: \"scan.mysql.version\" is missing, expected a string", version);
    assertMalformed("malformed record: \"timestamp\" is \"now\", expected a finite number",
        RecordCodec.toJson(LOCALHOST).put("timestamp", "now"));
    assertMalformed("malformed record: \"ping\" is missing, expected an object",
        RecordCodec.toJson(LOCALHOST).put("ping", null));
    JsonObject slow = RecordCodec.toJson(LOCALHOST);
    slow.getJsonObject("ping").put("min", "fast");
    assertMalformed("malformed record: \"ping.min\" is \"fast\", expected a finite number", slow);
    JsonObject infinite = RecordCodec.toJson(LOCALHOST);
    infinite.getJsonObject("ping").put("std", Double.POSITIVE_INFINITY);
    assertMalformed("malformed record: \"ping.std\" is", infinite);
    assertMalformed("malformed record: \"kind\" is missing, expected a string", new JsonObject());
  }

  @Test
  void traceAndScanBodiesAreLaidOutAsInTheJsonOutput() {
    JsonObject trace = RecordCodec.toJson(record(SampleMeasurements.TRACE));
    assertEquals("trace", trace.getString("kind"));
    assertEquals(new JsonArray("[[\"198.18.0.2\",0.412],[\"*\"],[\"2001:db8:0:10::2\",3.9015]]"),
        trace.getJsonArray("trace"));
    assertEquals(new JsonObject("{\"http\":{\"rtt\":1.2345,\"response code\":\"200\",\"server\":\"nginx/1.22.1\"},"
            + "\"https\":\"None\",\"mysql\":{\"rtt\":0.5,\"version\":\"10.11.6-MariaDB-0+deb12u1\"}}"),
        RecordCodec.toJson(record(SampleMeasurements.SCAN)).getJsonObject("scan"));
  }

  private static MonitorRecord record(Measurement measurement) {
    return new MonitorRecord(new Target("web", "198.18.10.2"), LOCALHOST.measuredAt(), measurement);
  }

  private static void assertMalformed(String expectedStart, JsonObject json) {
    String message = assertThrows(IllegalArgumentException.class, () -> RecordCodec.fromJson(json)).getMessage();
    assertEquals(expectedStart, message.substring(0, Math.min(message.length(), expectedStart.length())), message);
  }
}
