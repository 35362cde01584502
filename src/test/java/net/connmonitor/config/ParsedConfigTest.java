package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedConfigTest {

  @Test
  void whatAConfigurationSays() {
    ParsedConfig config = ConfigParser.parse("example.org\nb.example hops=0\nexample.org\n");
    assertEquals(List.of(HostConfig.of("example.org")), config.hosts());
    assertEquals(List.of(new ConfigError(2, "hops=0", "value out of range for hops; expected an integer from 1 to 255"
        + " (the largest IP time to live)")), config.errors());
    assertEquals(0, config.moreErrors());
    assertEquals(List.of(new DuplicateHost(3, 1, "example.org")), config.duplicates());
    assertEquals(0, config.moreDuplicates());
  }

  /** vertx-config carries the configuration inside its JSON and copies that JSON: a copy is the configuration. */
  @Test
  void aCopyIsItself() {
    ParsedConfig config = ConfigParser.parse("example.org ping=2.5 json=1\nexample.org ping=2.5 json=1\n"
        + "b.example hops=0 x\n\n# nothing\n");
    assertSame(config, config.copy());
    assertSame(config, new JsonObject().put("parsed", config).copy().getValue("parsed"));
    ParsedConfig empty = ConfigParser.parse("");
    assertSame(empty, new JsonObject().put("parsed", empty).copy().getValue("parsed"));
  }

  @Test
  void whatIsOnlyCountedIsKept() {
    ParsedConfig config = ConfigParser.parse("a.example\n".repeat(150) + "b.example ping=x\n".repeat(150));
    assertEquals(50, config.moreErrors());
    assertEquals(49, config.moreDuplicates());
    assertEquals(config, ConfigParser.parse("a.example\n".repeat(150) + "b.example ping=x\n".repeat(150)));
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
