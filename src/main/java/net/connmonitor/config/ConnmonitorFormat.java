package net.connmonitor.config;

import io.vertx.config.spi.ConfigProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * The vertx-config format {@value #NAME}: the connmonitor configuration file, as {@link ParsedConfig#toJson()}.
 * Invalid content does not fail: its errors travel in the JSON, so that whoever applies the configuration can
 * report every one of them and keep what runs.
 */
public final class ConnmonitorFormat implements ConfigProcessor {

  public static final String NAME = "connmonitor";

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

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<JsonObject> process(Vertx vertx, JsonObject configuration, Buffer input) {
    byte[] bytes = input == null ? new byte[0] : input.getBytes();
    Processed previous = last;
    if (previous != null && Arrays.equals(previous.input(), bytes)
        && previous.output().getJsonArray("errors").isEmpty()) {
      return Future.succeededFuture(previous.output());
    }
    JsonObject output = ConfigParser.parse(bytes).toJson();
    last = new Processed(bytes, output);
    return Future.succeededFuture(output);
  }
}
