package net.connmonitor.config;

import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Where the configuration comes from: a file, which is watched for changes, or standard input, read once.
 *
 * @param path the file as the operator named it, or null for standard input
 */
public record ConfigSource(String path) {

  private static final String PATH_KEY = "path";

  public ConfigSource {
    if (path != null && path.isEmpty()) {
      throw new IllegalArgumentException("the configuration file path is empty");
    }
  }

  public static ConfigSource file(String path) {
    return new ConfigSource(path);
  }

  public static ConfigSource standardInput() {
    return new ConfigSource(null);
  }

  /** {@code {"path": ...}} names a file; no path means standard input. */
  public static ConfigSource fromJson(JsonObject json) {
    return new ConfigSource(json == null ? null : json.getString(PATH_KEY));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (path != null) {
      json.put(PATH_KEY, path);
    }
    return json;
  }

  public boolean isFile() {
    return path != null;
  }

  /** For messages: the path, or "standard input". */
  public String describe() {
    return isFile() ? path : "standard input";
  }

  /**
   * Options for a retriever of this source alone, in the {@value ConnmonitorFormat#NAME} format.
   *
   * @param scanPeriodMs how often a file is checked for changes; standard input is never scanned again
   */
  public ConfigRetrieverOptions retrieverOptions(long scanPeriodMs) {
    ConfigStoreOptions store = new ConfigStoreOptions().setFormat(ConnmonitorFormat.NAME);
    if (isFile()) {
      // Absolute: the working directory is the process's, whoever reads the file.
      store.setType(BoundedFileStoreFactory.NAME)
          .setConfig(new JsonObject().put(BoundedFileStoreFactory.PATH_KEY, Path.of(path).toAbsolutePath().toString()));
    } else {
      store.setType(StdinConfigStoreFactory.NAME);
    }
    return new ConfigRetrieverOptions()
        .setIncludeDefaultStores(false)
        .setScanPeriod(isFile() ? scanPeriodMs : 0)
        .addStore(store);
  }
}
