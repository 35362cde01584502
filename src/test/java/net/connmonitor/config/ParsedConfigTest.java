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
            + " integer from 1 to 255 (the largest IP time to live)\"}]}"),
        ConfigParser.parse("example.org\nb.example hops=0\n").toJson());
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
  void validMeansNoError() {
    assertTrue(new ParsedConfig(List.of(), List.of()).valid());
    assertFalse(ConfigParser.parse("").valid());
  }
}
