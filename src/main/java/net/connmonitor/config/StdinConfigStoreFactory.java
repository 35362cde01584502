package net.connmonitor.config;

import io.vertx.config.spi.ConfigStore;
import io.vertx.config.spi.ConfigStoreFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** The vertx-config store type {@value #NAME}: the configuration is read from standard input. */
public final class StdinConfigStoreFactory implements ConfigStoreFactory {

  public static final String NAME = "stdin";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigStore create(Vertx vertx, JsonObject configuration) {
    return new StdinConfigStore(vertx, System.in);
  }
}
