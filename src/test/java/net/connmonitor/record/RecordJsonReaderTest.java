package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import org.junit.jupiter.api.Test;

class RecordJsonReaderTest {

  private static final MonitorRecord LOCALHOST = new MonitorRecord(new Target("localhost", "127.0.0.1"),
      Instant.ofEpochSecond(1795597507, 123_456_000), new PingStats(0.021, 0.034, 0.051, 0.012, 0));

  @Test
  void readingInvertsWritingToTheMicrosecond() {
    MonitorRecord[] records = {
        LOCALHOST,
        new MonitorRecord(new Target("ip6-localhost", "::1"), Instant.ofEpochSecond(4102444799L, 999_999_000),
            PingStats.ALL_LOST),
        new MonitorRecord(new Target("old", "192.0.2.7"), Instant.ofEpochSecond(-86400, 1_000),
            new PingStats(1e-7, 2, 3, 0.5, 33.333333333333336)),
        record(SampleMeasurements.TRACE),
        record(SampleMeasurements.SCAN),
        record(SampleMeasurements.NOTHING_ANSWERED),
        record(SampleMeasurements.TLS),
        record(SampleMeasurements.TCP),
        record(SampleMeasurements.HOPS),
    };
    for (MonitorRecord record : records) {
      assertEquals(record, RecordJsonReader.read(record.toJson()));
    }
  }

  @Test
  void nanosecondsAreCutToTheMicrosecondTheJsonFormCarries() {
    MonitorRecord precise = new MonitorRecord(LOCALHOST.target(), Instant.ofEpochSecond(1795597507, 123_456_789),
        LOCALHOST.measurement());
    assertEquals(Instant.ofEpochSecond(1795597507, 123_456_000), RecordJsonReader.read(precise.toJson()).measuredAt());
  }

  @Test
  void anIntegerTimestampIsAccepted() {
    JsonObject json = LOCALHOST.toJson().put("timestamp", 1795597507123L);
    assertEquals(Instant.ofEpochMilli(1795597507123L), RecordJsonReader.read(json).measuredAt());
  }

  @Test
  void aMalformedObjectSaysWhatIsWrong() {
    assertMalformed("malformed record: \"addr\" is missing, expected a string", LOCALHOST.toJson().put("addr", null));
    assertMalformed("malformed record: \"kind\" is \"dns\", expected \"ping\", \"trace\", \"scan\", \"tcp\" or "
        + "\"hopstats\"", LOCALHOST.toJson().put("kind", "dns"));
    assertMalformed("malformed record: \"trace\" is missing, expected an array",
        LOCALHOST.toJson().put("kind", "trace"));
    JsonObject trace = record(SampleMeasurements.TRACE).toJson();
    trace.getJsonArray("trace").getJsonArray(1).add(1.5);
    assertMalformed("malformed record: \"trace[1]\" is [\"*\",1.5], expected [ADDRESS, RTT] or [\"*\"]", trace);
    JsonObject scan = record(SampleMeasurements.SCAN).toJson();
    scan.getJsonObject("scan").put("https", "none");
    assertMalformed("malformed record: \"scan.https\" is \"none\", expected an object or \"None\"", scan);
    JsonObject version = record(SampleMeasurements.SCAN).toJson();
    version.getJsonObject("scan").getJsonObject("mysql").remove("version");
    assertMalformed("malformed record: \"scan.mysql.version\" is missing, expected a string", version);
    JsonObject hops = record(SampleMeasurements.HOPS).toJson();
    hops.getJsonArray("hopstats").getJsonObject(1).remove("sent");
    assertMalformed("malformed record: \"hopstats[1].sent\" is missing, expected an integer", hops);
    JsonObject none = record(SampleMeasurements.HOPS).toJson();
    none.getJsonArray("hopstats").getJsonObject(0).put("sent", 0);
    assertMalformed("malformed record: \"hopstats[0].sent\" is 0, expected at least 1", none);
    JsonObject flat = record(SampleMeasurements.HOPS).toJson();
    flat.getJsonArray("hopstats").set(2, "198.18.11.2");
    assertMalformed("malformed record: \"hopstats[2]\" is \"198.18.11.2\", expected an object", flat);
    assertMalformed("malformed record: \"timestamp\" is \"now\", expected a finite number",
        LOCALHOST.toJson().put("timestamp", "now"));
    assertMalformed("malformed record: \"ping\" is missing, expected an object", LOCALHOST.toJson().put("ping", null));
    JsonObject slow = LOCALHOST.toJson();
    slow.getJsonObject("ping").put("min", "fast");
    assertMalformed("malformed record: \"ping.min\" is \"fast\", expected a finite number", slow);
    JsonObject infinite = LOCALHOST.toJson();
    infinite.getJsonObject("ping").put("std", Double.POSITIVE_INFINITY);
    assertMalformed("malformed record: \"ping.std\" is", infinite);
    assertMalformed("malformed record: \"kind\" is missing, expected a string", new JsonObject());
  }

  private static MonitorRecord record(Measurement measurement) {
    return new MonitorRecord(new Target("web", "198.18.10.2"), LOCALHOST.measuredAt(), measurement);
  }

  private static void assertMalformed(String expectedStart, JsonObject json) {
    String message = assertThrows(IllegalArgumentException.class, () -> RecordJsonReader.read(json)).getMessage();
    assertEquals(expectedStart, message.substring(0, Math.min(message.length(), expectedStart.length())), message);
  }
}
