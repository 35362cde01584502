package net.connmonitor.output;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import net.connmonitor.log.Log;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordJson;
import net.connmonitor.record.RecordSubscription;
import net.connmonitor.record.Records;

/**
 * Prints every record published at {@link Records#ADDRESS} in the style its headers ask for. Formatting happens
 * here, as records arrive; writing happens on a thread of its own ({@link OutputWriter}), so that a slow or stalled
 * reader never holds the event bus: records wait in a bounded {@link OutputQueue}, the oldest dropped and counted
 * (and said once a minute) when it is full. When the reader goes away (a closed pipe), {@link #fatal()} completes
 * with 1. The records arrive as the objects the hosts published: nothing is decoded on the way. In a cluster it
 * prints this node's own records, or, as the collector, every node's (those decoded from the wire). A record's
 * timestamp is the time it was measured, however long it waited to be printed.
 */
public final class OutputVerticle extends VerticleBase {

  static final int MAX_RECORDS = 65_536;
  static final long MAX_BYTES = 16 << 20;
  private static final long DROP_REPORT_MS = 60_000;
  /** How long a stop waits for the queued records to be written; a stalled reader gets no longer. */
  private static final long DRAIN_MS = 3_000;

  private final OutputStream sink;
  private final PlainTextFormatter plainText;
  private final Promise<Integer> fatal = Promise.promise();
  private final OutputQueue queue = new OutputQueue(MAX_RECORDS, MAX_BYTES);
  private final RecordSubscription subscription;
  private OutputWriter writer;

  /**
   * @param sink where records go, usually standard output
   * @param zone the time zone of plain-text timestamps
   */
  public OutputVerticle(OutputStream sink, ZoneId zone) {
    this(sink, zone, false);
  }

  /** @param everyNode in a cluster, print every node's records (the collector), not only this node's */
  public OutputVerticle(OutputStream sink, ZoneId zone, boolean everyNode) {
    this.sink = sink;
    this.plainText = new PlainTextFormatter(zone);
    this.subscription = new RecordSubscription(everyNode, this::print);
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
    return subscription.open(vertx);
  }

  /** For the collector, when the cluster's members change: see {@link RecordSubscription#renew()}. */
  public void subscribeAgain() {
    subscription.renew();
  }

  /** The records dropped since the start because standard output was read too slowly, for the metrics. */
  public long droppedRecords() {
    return queue.droppedSinceStart();
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
    if ("false".equals(message.headers().get(Records.HEADER_PRINTED))) {
      return;
    }
    OutputStyle style = OutputStyle.fromHeaders(message.headers());
    Optional<Instant> timestamp = style.timestamp() ? Optional.of(record.measuredAt()) : Optional.empty();
    String text = style.json() ? RecordJson.line(record, timestamp) : plainText.format(record, timestamp);
    queue.add(text.getBytes(StandardCharsets.UTF_8));
  }
}
