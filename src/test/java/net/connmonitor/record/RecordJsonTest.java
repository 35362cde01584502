package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.connmonitor.probe.HttpAnswer;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.Scan;
import org.junit.jupiter.api.Test;

/** The one JSON form: every line it writes is checked against records.schema.json as well. */
class RecordJsonTest {

  private static final Instant MEASURED = Instant.parse("2026-11-03T09:05:06.900Z");
  private static final PingStats STATS = new PingStats(0.021, 0.034, 0.051, 0.012, 0);

  @Test
  void oneLineWithTheTimestampInMillisecondsAndMicroseconds() {
    assertEquals("{\"addr\":\"127.0.0.1\",\"name\":\"localhost\",\"timestamp\":1795000000123.456,"
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}\n",
        line(record("localhost", "127.0.0.1", STATS),
            Optional.of(Instant.ofEpochSecond(1795000000, 123_456_789))));
  }

  @Test
  void withoutTimestampTheKeyIsAbsent() {
    assertEquals("{\"addr\":\"::1\",\"name\":\"::1\","
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}\n",
        line(record("::1", "::1", STATS), Optional.empty()));
  }

  @Test
  void aHostsLabelsFollowItsNameWhenItHasSomeAndComeBackFromTheEventBusForm() {
    MonitorRecord labelled = new MonitorRecord(
        new Target("web", "198.18.10.2", new TreeMap<>(Map.of("site", "eu-West", "rack", "r1"))), MEASURED, STATS);
    assertEquals("{\"addr\":\"198.18.10.2\",\"name\":\"web\",\"labels\":{\"rack\":\"r1\",\"site\":\"eu-West\"},"
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}\n",
        line(labelled, Optional.empty()));
    assertEquals(labelled.target(), RecordJsonReader.read(labelled.toJson()).target());
  }

  @Test
  void aHostsSourceAndInterfaceFollowWhenItsLineNamesThemAndComeBackFromTheEventBusForm() {
    MonitorRecord fromSource = new MonitorRecord(new Target("web", "198.18.10.2", new TreeMap<>(),
        Optional.of("198.18.0.1"), Optional.of("cmt1")), MEASURED, STATS);
    assertEquals("{\"addr\":\"198.18.10.2\",\"name\":\"web\",\"source\":\"198.18.0.1\",\"interface\":\"cmt1\","
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}\n",
        line(fromSource, Optional.empty()));
    assertEquals(fromSource.target(), RecordJsonReader.read(fromSource.toJson()).target());
  }

  @Test
  void everythingLost() {
    assertEquals("{\"addr\":\"192.0.2.7\",\"name\":\"example.net\","
            + "\"ping\":{\"min\":-1.0,\"avg\":-1.0,\"max\":-1.0,\"std\":-1.0,\"loss\":100.0}}\n",
        line(record("example.net", "192.0.2.7", PingStats.ALL_LOST), Optional.empty()));
  }

  @Test
  void oddNamesAreEscapedAndTheLineStaysOne() {
    String name = "a\"b\\c\td\ne\rf\u2028g\u2029h\u0085i\u0001j é 日本";
    String line = line(record(name, "192.0.2.7", STATS), Optional.empty());
    assertEquals("{\"addr\":\"192.0.2.7\",\"name\":"
            + "\"a\\\"b\\\\c\\td\\ne\\rf\\u2028g\\u2029h\\u0085i\\u0001j é 日本\","
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}\n", line);
    String body = line.substring(0, line.length() - 1);
    assertFalse(body.matches("(?s).*[\\n\\r\\u2028\\u2029\\u0085].*"), line);
    assertEquals(name, new JsonObject(body).getString("name"));
  }

  @Test
  void numbersAreWholeAndInPlainNotation() {
    PingStats stats = new PingStats(0.0001, 12345678.9, 1e21, 0.1 + 0.2, 1e-7);
    String line = line(record("h", "h", stats), Optional.empty());
    assertEquals("{\"addr\":\"h\",\"name\":\"h\",\"ping\":{\"min\":0.0001,\"avg\":12345678.9,"
        + "\"max\":1000000000000000000000.0,\"std\":0.30000000000000004,\"loss\":0.0000001}}\n", line);
    JsonObject ping = new JsonObject(line).getJsonObject("ping");
    assertEquals(stats, new PingStats(ping.getDouble("min"), ping.getDouble("avg"), ping.getDouble("max"),
        ping.getDouble("std"), ping.getDouble("loss")));
  }

  @Test
  void aValueJsonCannotHoldIsNull() {
    String line = line(record("h", "h", new PingStats(Double.NaN, 1, Double.POSITIVE_INFINITY, 0, 0)),
        Optional.empty());
    assertEquals("{\"addr\":\"h\",\"name\":\"h\",\"ping\":{\"min\":null,\"avg\":1.0,\"max\":null,\"std\":0.0,"
        + "\"loss\":0.0}}\n", line);
  }

  @Test
  void theTimestampIsExactNotADouble() {
    // 3.2e19 ms is far beyond the 53 bits of a double: only exact arithmetic keeps every digit.
    assertTrue(timestamp(Instant.ofEpochSecond(31556889864403199L, 999_999_999))
        .contains("\"timestamp\":31556889864403199999.999,"));
    assertTrue(timestamp(Instant.ofEpochSecond(1795000000, 120_000_000)).contains("\"timestamp\":1795000000120.0,"));
    assertTrue(timestamp(Instant.ofEpochSecond(-1, 500_000_000)).contains("\"timestamp\":-500.0,"));
    assertTrue(timestamp(Instant.ofEpochSecond(1795000000, 7_000)).contains("\"timestamp\":1795000000000.007,"));
  }

  private String timestamp(Instant printedAt) {
    return line(record("h", "h", STATS), Optional.of(printedAt));
  }

  @Test
  void aTraceIsAnArrayOfStepsWithAStarForASilentOne() {
    assertEquals("{\"addr\":\"2001:db8:0:10::2\",\"name\":\"web\","
            + "\"trace\":[[\"198.18.0.2\",0.412],[\"*\"],[\"2001:db8:0:10::2\",3.9015]]}\n",
        line(record("web", "2001:db8:0:10::2", SampleMeasurements.TRACE), Optional.empty()));
  }

  @Test
  void aScanHasAnObjectPerServiceOrNone() {
    assertEquals("{\"addr\":\"198.18.10.2\",\"name\":\"web\",\"timestamp\":1795000000123.456,"
            + "\"scan\":{\"http\":{\"rtt\":1.2345,\"response code\":\"200\",\"server\":\"nginx/1.22.1\"},"
            + "\"https\":\"None\",\"mysql\":{\"rtt\":0.5,\"version\":\"10.11.6-MariaDB-0+deb12u1\"}}}\n",
        line(record("web", "198.18.10.2", SampleMeasurements.SCAN),
            Optional.of(Instant.ofEpochSecond(1795000000, 123_456_789))));
    assertEquals("{\"addr\":\"198.18.10.2\",\"name\":\"web\","
            + "\"scan\":{\"http\":\"None\",\"https\":\"None\",\"mysql\":\"None\"}}\n",
        line(record("web", "198.18.10.2", SampleMeasurements.NOTHING_ANSWERED), Optional.empty()));
  }

  @Test
  void anHttpsAnswerCarriesItsTlsFacts() {
    assertEquals("{\"addr\":\"198.18.10.2\",\"name\":\"web\",\"scan\":{\"http\":\"None\","
            + "\"https\":{\"rtt\":3.5,\"response code\":\"200\",\"server\":\"nginx/1.22.1\","
            + "\"tls\":{\"version\":\"TLSv1.2\",\"expires\":1796000000000.0,\"verified\":false,"
            + "\"why\":\"self-signed certificate (CN=cmt-web) that the system does not trust\"}},"
            + "\"mysql\":\"None\"}}\n",
        line(record("web", "198.18.10.2", SampleMeasurements.TLS), Optional.empty()));
  }

  @Test
  void aTcpPingHasAnObjectPerPort() {
    assertEquals("{\"addr\":\"198.18.10.2\",\"name\":\"web\",\"tcp\":{"
            + "\"80\":{\"min\":0.125,\"avg\":0.2916666666666667,\"max\":0.5,\"std\":0.19094065395649332,"
            + "\"loss\":25.0,\"refused\":0},"
            + "\"443\":{\"min\":-1.0,\"avg\":-1.0,\"max\":-1.0,\"std\":-1.0,\"loss\":0.0,\"refused\":4},"
            + "\"3306\":{\"min\":-1.0,\"avg\":-1.0,\"max\":-1.0,\"std\":-1.0,\"loss\":100.0,\"refused\":0}}}\n",
        line(record("web", "198.18.10.2", SampleMeasurements.TCP), Optional.empty()));
  }

  @Test
  void hopStatisticsAreAnArrayOfHopsWithAStarWhereNothingAnswered() {
    assertEquals("{\"addr\":\"198.18.11.2\",\"name\":\"lossy\",\"hopstats\":["
            + "{\"hop\":1,\"addr\":\"198.18.0.2\",\"loss\":0.0,\"sent\":10,\"last\":0.025,\"avg\":0.0155,"
            + "\"best\":0.006,\"worst\":0.033,\"std\":0.0091},"
            + "{\"hop\":2,\"addr\":\"*\",\"loss\":100.0,\"sent\":10,\"last\":-1.0,\"avg\":-1.0,\"best\":-1.0,"
            + "\"worst\":-1.0,\"std\":-1.0},"
            + "{\"hop\":3,\"addr\":\"198.18.11.2\",\"loss\":30.0,\"sent\":10,\"last\":0.016,\"avg\":0.0125,"
            + "\"best\":0.008,\"worst\":0.022,\"std\":0.004}]}\n",
        line(record("lossy", "198.18.11.2", SampleMeasurements.HOPS), Optional.empty()));
    assertEquals("hopstats", record("lossy", "198.18.11.2", SampleMeasurements.HOPS).toJson().getString("kind"));
  }

  @Test
  void aServerNameIsEscaped() {
    Scan odd = new Scan(Optional.of(new HttpAnswer(1, "200", "a\"b\u2028c")), Optional.empty(), Optional.empty());
    String line = line(record("web", "198.18.10.2", odd), Optional.empty());
    assertEquals("a\"b\u2028c", new JsonObject(line).getJsonObject("scan").getJsonObject("http").getString("server"));
    assertEquals(line.length() - 1, line.indexOf('\n'));
    assertEquals(-1, line.indexOf('\u2028'));
  }

  @Test
  void theEventBusFormIsTheSameObjectWithTheKindFirstAndTheTimeOfMeasurement() {
    assertEquals("{\"kind\":\"ping\",\"addr\":\"127.0.0.1\",\"name\":\"localhost\",\"timestamp\":1793696706900.0,"
            + "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}}",
        RecordJson.message(record("localhost", "127.0.0.1", STATS)));
    assertEquals("{\"kind\":\"trace\",\"addr\":\"2001:db8:0:10::2\",\"name\":\"web\",\"timestamp\":1793696706900.0,"
            + "\"trace\":[[\"198.18.0.2\",0.412],[\"*\"],[\"2001:db8:0:10::2\",3.9015]]}",
        RecordJson.message(record("web", "2001:db8:0:10::2", SampleMeasurements.TRACE)));
  }

  @Test
  void toJsonIsTheEventBusForm() {
    MonitorRecord scan = record("web", "198.18.10.2", SampleMeasurements.SCAN);
    assertEquals(new JsonObject(RecordJson.message(scan)), scan.toJson());
    assertEquals("None", scan.toJson().getJsonObject("scan").getString("https"));
  }

  /** The line, once the schema has taken it. */
  private static String line(MonitorRecord record, Optional<Instant> printedAt) {
    String line = RecordJson.line(record, printedAt);
    RecordSchema.assertValid(line);
    return line;
  }

  private static MonitorRecord record(String name, String address, Measurement stats) {
    return new MonitorRecord(new Target(name, address), MEASURED, stats);
  }
}
