package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.connmonitor.probe.Measurement;
import org.junit.jupiter.api.Test;

/** The schema itself: a valid JSON Schema that takes the layouts of the JSON output lines and nothing else. */
class RecordSchemaTest {

  private static final String HOP = "{\"hop\":1,\"addr\":\"::1\",\"loss\":0.0,\"sent\":10,\"last\":0.05,"
      + "\"avg\":0.05,\"best\":0.04,\"worst\":0.06,\"std\":0.01}";
  private static final String PING = "\"ping\":{\"min\":0.021,\"avg\":0.034,\"max\":0.051,\"std\":0.012,\"loss\":0.0}";

  @Test
  void isAValidDraft202012Schema() {
    assertEquals(Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(SchemaId.V202012)).validate(RecordSchema.text(), InputFormat.JSON));
  }

  @Test
  void takesTheSpecsExamples() {
    RecordSchema.assertValid("{\"addr\":\"192.0.2.7\",\"name\":\"example.net\",\"timestamp\":1795000000123.456,"
        + PING + "}");
    RecordSchema.assertValid("{\"addr\":\"192.0.2.7\",\"name\":\"example.net\",\"timestamp\":1795000000123.456,"
        + "\"trace\":[[\"198.51.100.1\",0.412],[\"*\"],[\"192.0.2.7\",3.901]]}");
    RecordSchema.assertValid("{\"addr\":\"192.0.2.7\",\"name\":\"example.net\",\"timestamp\":1795000000123.456,"
        + "\"scan\":{\"http\":{\"rtt\":1.5,\"response code\":\"200\",\"server\":\"nginx\"},\"https\":\"None\","
        + "\"mysql\":{\"rtt\":0.7,\"version\":\"10.11.6-MariaDB\"}}}");
    RecordSchema.assertValid("{\"addr\":\"::1\",\"name\":\"::1\"," + PING + "}");
    RecordSchema.assertValid("{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[" + HOP + "]}");
  }

  @Test
  void inAClusterARecordSaysItsVantage() {
    MonitorRecord measured = new MonitorRecord(new Target("web", "198.18.10.2"), Instant.ofEpochSecond(1795597507),
        SampleMeasurements.SCAN, Optional.of("site-b"));
    String line = RecordJson.line(measured, Optional.empty());
    assertTrue(line.startsWith("{\"addr\":\"198.18.10.2\",\"name\":\"web\",\"vantage\":\"site-b\",\"scan\":"), line);
    RecordSchema.assertValid(line.strip());
    assertEquals(measured.vantage(), RecordJsonReader.read(measured.toJson()).vantage());
    assertFalse(RecordSchema.problems("{\"addr\":\"::1\",\"name\":\"::1\",\"vantage\":\"\"," + PING + "}")
        .isEmpty());
  }

  /** What the host's line says of where its probes leave from goes into every kind of its records. */
  @Test
  void everyKindTakesTheVantageSourceAndInterface() {
    Target target = new Target("web", "198.18.10.2", new TreeMap<>(), Optional.of("198.18.0.1"),
        Optional.of("cmt1"));
    for (Measurement measurement : List.of(SampleMeasurements.TRACE, SampleMeasurements.SCAN, SampleMeasurements.TCP,
        SampleMeasurements.HOPS)) {
      RecordSchema.assertValid(RecordJson.line(new MonitorRecord(target, Instant.ofEpochSecond(1795597507),
          measurement, Optional.of("site-b")), Optional.empty()).strip());
    }
  }

  @Test
  void rejectsWhatTheSpecDoesNotSay() {
    for (String wrong : new String[] {
        "{\"kind\":\"ping\",\"addr\":\"::1\",\"name\":\"::1\"," + PING + "}",
        "{\"addr\":\"::1\"," + PING + "}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"timestamp\":\"now\"," + PING + "}",
        "{\"addr\":\"::1\",\"name\":\"::1\"," + PING + ",\"trace\":[[\"*\"]]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"ping\":{\"min\":1,\"avg\":1,\"max\":1,\"std\":0}}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"ping\":{\"min\":1,\"avg\":1,\"max\":1,\"std\":0,\"loss\":101}}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"trace\":[]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"trace\":[[\"*\",1.5]]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"trace\":[[\"::1\"]]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"scan\":{\"http\":\"none\",\"https\":\"None\",\"mysql\":\"None\"}}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"scan\":{\"http\":\"None\",\"https\":\"None\"}}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"scan\":{\"http\":{\"rtt\":1,\"response code\":\"20\",\"server\":\"x\"},"
            + "\"https\":\"None\",\"mysql\":\"None\"}}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"scan\":{\"http\":\"None\",\"https\":\"None\","
            + "\"mysql\":{\"rtt\":1}}}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[" + HOP.replace("\"sent\":10,", "") + "]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[" + HOP.replace("\"hop\":1", "\"hop\":0") + "]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[" + HOP.replace("\"loss\":0.0", "\"loss\":101") + "]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[" + HOP.replace("}", ",\"lost\":0}") + "]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[[\"::1\",0.5]]}",
        "{\"addr\":\"::1\",\"name\":\"::1\",\"hopstats\":[]}",
    }) {
      assertFalse(RecordSchema.problems(wrong).isEmpty(), wrong);
    }
  }
}
