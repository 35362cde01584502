package net.connmonitor.config;

import io.vertx.config.spi.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;

/**
 * A vertx-config store over a configuration file, read through {@link ConfigFile} at every {@link #get()}: the
 * store of type {@code file} reads a file whole, whatever its size.
 */
final class BoundedFileStore implements ConfigStore {

  private final Vertx vertx;
  private final Path file;

  BoundedFileStore(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  @Override
  public Future<Buffer> get() {
    return vertx.executeBlocking(() -> Buffer.buffer(ConfigFile.read(file)), false);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
