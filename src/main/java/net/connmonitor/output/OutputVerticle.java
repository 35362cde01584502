package net.connmonitor.output;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordJson;
import net.connmonitor.record.Records;

/**
 * Prints every record published at {@link Records#ADDRESS} in the style its headers ask for. Deploy it as a worker:
 * writing may block. Each record is written with one write and flushed, so records never interleave or split. The
 * records arrive as the objects the hosts published: nothing is decoded on the way.
 */
public final class OutputVerticle extends VerticleBase {

  private final OutputStream sink;
  private final Clock clock;
  private final PlainTextFormatter plainText;
  private boolean sinkFailing;

  /**
   * @param sink  where records go, usually standard output
   * @param clock gives the print time, and its zone the zone of plain-text timestamps
   */
  public OutputVerticle(OutputStream sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
    this.plainText = new PlainTextFormatter(clock.getZone());
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().consumer(Records.ADDRESS, this::print).completion();
  }

  @Override
  public Future<?> stop() {
    try {
      sink.flush();
    } catch (IOException e) {
      reportFailure(e);
    }
    return Future.succeededFuture();
  }

  private void print(Message<Object> message) {
    if (!(message.body() instanceof MonitorRecord record)) {
      Object body = message.body();
      Log.warn("skipped a message on " + Records.ADDRESS + ": "
          + (body == null ? "an empty one" : "a " + body.getClass().getSimpleName()) + ", not a MonitorRecord");
      return;
    }
    OutputStyle style = OutputStyle.fromHeaders(message.headers());
    Optional<Instant> printedAt = style.timestamp() ? Optional.of(clock.instant()) : Optional.empty();
    String text = style.json() ? RecordJson.line(record, printedAt) : plainText.format(record, printedAt);
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) {
    try {
      sink.write(bytes);
      sink.flush();
      sinkFailing = false;
    } catch (IOException e) {
      reportFailure(e);
    }
  }

  /** Once per outage: a closed pipe would otherwise add an error line for every record. */
  private void reportFailure(IOException e) {
    if (!sinkFailing) {
      sinkFailing = true;
      Log.error("Output", "cannot write records (" + Problems.describe(e) + "); dropping them until it works again");
    }
  }
}
