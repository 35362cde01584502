package net.connmonitor.config;

import io.vertx.config.spi.ConfigProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * The vertx-config format {@value #NAME}: the connmonitor configuration file, parsed once into a {@link ParsedConfig}
 * that the JSON vertx-config asks for carries as it is ({@link #parsed}). vertx-config compares two readings of a
 * watched file by that JSON, so by the parsed configurations' equality, and nothing is written as JSON and read
 * back. Invalid content does not fail: its errors travel with it, so that whoever applies the configuration can
 * report every one of them and keep what runs.
 */
public final class ConnmonitorFormat implements ConfigProcessor {

  public static final String NAME = "connmonitor";
  private static final String PARSED_KEY = "parsed";

  /** A file's bytes and what they say. */
  private record Processed(byte[] input, JsonObject output) {
  }

  /**
   * The last file processed. vertx-config reads a watched file every scan period and compares what it says with
   * the previous reading: for an unchanged file, the very same object makes both the parse and the comparison
   * free, where they would cost tens of milliseconds a second with thousands of hosts. A file with errors is read
   * again: one may be an interface or address that this machine gains later.
   */
  private volatile Processed last;

  /** The configuration a JSON of this format carries. */
  public static ParsedConfig parsed(JsonObject json) {
    return (ParsedConfig) json.getValue(PARSED_KEY);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<JsonObject> process(Vertx vertx, JsonObject configuration, Buffer input) {
    byte[] bytes = input == null ? new byte[0] : input.getBytes();
    Processed previous = last;
    if (previous != null && Arrays.equals(previous.input(), bytes) && parsed(previous.output()).valid()) {
      return Future.succeededFuture(previous.output());
    }
    JsonObject output = new JsonObject().put(PARSED_KEY, ConfigParser.parse(bytes));
    last = new Processed(bytes, output);
    return Future.succeededFuture(output);
  }
}
