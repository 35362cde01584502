package net.connmonitor.output;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import net.connmonitor.log.Log;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordJson;
import net.connmonitor.record.Records;

/**
 * Prints every record published at {@link Records#ADDRESS} in the style its headers ask for. Formatting happens
 * here, as records arrive; writing happens on a thread of its own ({@link OutputWriter}), so that a slow or stalled
 * reader never holds the event bus: records wait in a bounded {@link OutputQueue}, the oldest dropped and counted
 * (and said once a minute) when it is full. When the reader goes away (a closed pipe), {@link #fatal()} completes
 * with 1. The records arrive as the objects the hosts published: nothing is decoded on the way. In a cluster it
 * prints this node's own records, or, as the collector, every node's (those decoded from the wire).
 */
public final class OutputVerticle extends VerticleBase {

  static final int MAX_RECORDS = 65_536;
  static final long MAX_BYTES = 16 << 20;
  private static final long DROP_REPORT_MS = 60_000;
  /** How long a stop waits for the queued records to be written; a stalled reader gets no longer. */
  private static final long DRAIN_MS = 3_000;

  private final OutputStream sink;
  private final Clock clock;
  private final PlainTextFormatter plainText;
  private final Promise<Integer> fatal = Promise.promise();
  private final OutputQueue queue = new OutputQueue(MAX_RECORDS, MAX_BYTES);
  private final boolean everyNode;
  private OutputWriter writer;
  private MessageConsumer<Object> consumer;

  /**
   * @param sink  where records go, usually standard output
   * @param clock gives the print time, and its zone the zone of plain-text timestamps
   */
  public OutputVerticle(OutputStream sink, Clock clock) {
    this(sink, clock, false);
  }

  /** @param everyNode in a cluster, print every node's records (the collector), not only this node's */
  public OutputVerticle(OutputStream sink, Clock clock, boolean everyNode) {
    this.sink = sink;
    this.clock = clock;
    this.plainText = new PlainTextFormatter(clock.getZone());
    this.everyNode = everyNode;
  }

  /** Completes with exit status 1 when nobody reads the records any more. */
  public Future<Integer> fatal() {
    return fatal.future();
  }

  @Override
  public Future<?> start() {
    writer = new OutputWriter(queue, sink, () -> fatal.tryComplete(1));
    writer.start();
    vertx.setPeriodic(DROP_REPORT_MS, id -> reportDropped());
    // Only a consumer that is not local is known to the other nodes, and so gets their records.
    consumer = everyNode ? vertx.eventBus().consumer(Records.ADDRESS, this::print)
        : vertx.eventBus().localConsumer(Records.ADDRESS, this::print);
    return consumer.completion();
  }

  /**
   * For the collector, when the cluster's members change: subscribes again, then drops the old subscription. After a
   * partition has healed, the nodes of the side that was cut off may have lost this node's subscription (each side
   * removed the other's), and a new one is announced to every node; a record that arrives in between may be
   * printed twice, none is lost.
   */
  public void subscribeAgain() {
    context.runOnContext(now -> {
      MessageConsumer<Object> old = consumer;
      consumer = vertx.eventBus().consumer(Records.ADDRESS, this::print);
      consumer.completion().onComplete(done -> old.unregister());
    });
  }

  /** Writes what is queued, for as long as the reader takes it, up to a few seconds. */
  @Override
  public Future<?> stop() {
    queue.close();
    return vertx.executeBlocking(() -> writer.awaitDone(DRAIN_MS), false).andThen(done -> reportDropped());
  }

  private void reportDropped() {
    long dropped = queue.takeDropped();
    if (dropped > 0) {
      Log.warn("standard output is read too slowly: " + dropped + " records were dropped in the last minute, "
          + "the oldest first");
    }
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
    queue.add(text.getBytes(StandardCharsets.UTF_8));
  }
}
