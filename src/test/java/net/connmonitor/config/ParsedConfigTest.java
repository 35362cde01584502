package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedConfigTest {

  @Test
  void jsonLayout() {
    assertEquals(
        new JsonObject("{\"hosts\":[{\"host\":\"example.org\",\"ping\":500.0,\"numpings\":10,\"payload\":41,"
            + "\"trace\":0.0,\"hops\":30,\"scan\":0.0,\"json\":false,\"timestamp\":true,\"timeout\":2000.0}],"
            + "\"errors\":[{\"line\":2,\"token\":\"hops=0\",\"problem\":\"value out of range for hops; expected an"
            + " integer from 1 to 255 (the largest IP time to live)\"}],\"moreErrors\":0,"
            + "\"duplicates\":[{\"line\":3,\"firstLine\":1,\"host\":\"example.org\"}],\"moreDuplicates\":0}"),
        ConfigParser.parse("example.org\nb.example hops=0\nexample.org\n").toJson());
  }

  @Test
  void jsonRoundTrips() {
    ParsedConfig config = ConfigParser.parse("example.org ping=2.5 json=1\nexample.org ping=2.5 json=1\n"
        + "b.example hops=0 x\n\n# nothing\n");
    assertEquals(config, ParsedConfig.fromJson(config.toJson()));
    assertEquals(config, ParsedConfig.fromJson(new JsonObject(config.toJson().encode())));
    ParsedConfig empty = ConfigParser.parse("");
    assertEquals(empty, ParsedConfig.fromJson(new JsonObject(empty.toJson().encode())));
  }

  @Test
  void whatIsOnlyCountedSurvivesTheJsonToo() {
    ParsedConfig config = ConfigParser.parse("a.example\n".repeat(150) + "b.example ping=x\n".repeat(150));
    assertEquals(50, config.moreErrors());
    assertEquals(49, config.moreDuplicates());
    assertEquals(config, ParsedConfig.fromJson(new JsonObject(config.toJson().encode())));
  }

  @Test
  void validMeansNoError() {
    assertTrue(new ParsedConfig(List.of(), List.of(), 0, List.of(), 0).valid());
    assertTrue(ConfigParser.parse("example.org\nexample.org\n").valid());
    assertFalse(ConfigParser.parse("").valid());
  }

  @Test
  void reportsListWhatIsListedThenCountTheRest() {
    ConfigError error = new ConfigError(1, "x", "problem");
    DuplicateHost duplicate = new DuplicateHost(3, 1, "example.org");
    ParsedConfig config = new ParsedConfig(List.of(), List.of(error), 2, List.of(duplicate), 1);
    assertEquals(List.of("line 1: \"x\": problem", "… and 2 more errors"), config.errorReport());
    assertEquals(List.of("line 3: \"example.org\" repeats line 1 (the same host and options); measured once",
        "… and 1 more repeated host line"), config.duplicateReport());
    assertEquals(List.of(), new ParsedConfig(List.of(), List.of(), 0, List.of(), 0).errorReport());
  }
}
