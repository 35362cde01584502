package net.connmonitor.config;

import io.vertx.config.spi.ConfigStore;
import io.vertx.config.spi.ConfigStoreFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** The vertx-config store type {@value #NAME}: a configuration file read with a bound, {@code {"path": FILE}}. */
public final class BoundedFileStoreFactory implements ConfigStoreFactory {

  public static final String NAME = "connmonitor-file";
  static final String PATH_KEY = "path";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigStore create(Vertx vertx, JsonObject configuration) {
    return new BoundedFileStore(vertx, Path.of(configuration.getString(PATH_KEY)));
  }
}
