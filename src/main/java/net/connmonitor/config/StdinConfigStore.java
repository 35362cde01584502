package net.connmonitor.config;

import io.vertx.config.spi.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * A vertx-config store over an input stream, standard input in production: the stream is read to its end once,
 * and every {@link #get()} returns those same bytes, since standard input cannot be read twice.
 */
public final class StdinConfigStore implements ConfigStore {

  private final Vertx vertx;
  private final InputStream input;
  private Future<Buffer> content;

  /** Reads {@code input}, which this store does not close: standard input belongs to the process. */
  public StdinConfigStore(Vertx vertx, InputStream input) {
    this.vertx = vertx;
    this.input = input;
  }

  @Override
  public synchronized Future<Buffer> get() {
    if (content == null) {
      // Standard input may stay open for as long as whoever writes it likes (a terminal, a slow pipe): a pool
      // of its own with no time limit keeps the shared worker pool free and the blocked-thread checker quiet.
      WorkerExecutor reader =
          vertx.createSharedWorkerExecutor("connmonitor-stdin", 1, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
      content = reader.executeBlocking(() -> Buffer.buffer(input.readAllBytes()), false)
          .andThen(done -> reader.close());
    }
    return content;
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
