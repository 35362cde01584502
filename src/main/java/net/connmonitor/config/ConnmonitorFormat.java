package net.connmonitor.config;

import io.vertx.config.spi.ConfigProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The vertx-config format {@value #NAME}: the connmonitor configuration file, as {@link ParsedConfig#toJson()}.
 * Invalid content does not fail: its errors travel in the JSON, so that whoever applies the configuration can
 * report every one of them and keep what runs.
 */
public final class ConnmonitorFormat implements ConfigProcessor {

  public static final String NAME = "connmonitor";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<JsonObject> process(Vertx vertx, JsonObject configuration, Buffer input) {
    byte[] bytes = input == null ? new byte[0] : input.getBytes();
    return Future.succeededFuture(ConfigParser.parse(bytes).toJson());
  }
}
