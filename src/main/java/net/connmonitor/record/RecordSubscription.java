package net.connmonitor.record;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A consumer of the records on {@link Records#ADDRESS}: this node's own, or, on a collector, every node's. Only a
 * consumer that is not local is known to the other nodes of a cluster, and so gets their records.
 */
public final class RecordSubscription {

  private final Vertx vertx;
  private final Context context;
  private final boolean everyNode;
  private final Handler<Message<Object>> handler;
  private MessageConsumer<Object> consumer;

  private RecordSubscription(Vertx vertx, boolean everyNode, Handler<Message<Object>> handler) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.everyNode = everyNode;
    this.handler = handler;
  }

  /**
   * Subscribes from the calling verticle's context, where {@code handler} then runs.
   *
   * @param everyNode in a cluster, every node's records (the collector), not only this node's
   */
  public static Future<RecordSubscription> open(Vertx vertx, boolean everyNode, Handler<Message<Object>> handler) {
    RecordSubscription subscription = new RecordSubscription(vertx, everyNode, handler);
    subscription.consumer = everyNode ? vertx.eventBus().consumer(Records.ADDRESS, handler)
        : vertx.eventBus().localConsumer(Records.ADDRESS, handler);
    return subscription.consumer.completion().map(subscription);
  }

  /**
   * For a collector, when the cluster's members change: subscribes again, then drops the old subscription. After a
   * partition has healed, the nodes of the side that was cut off may have lost this node's subscription (each side
   * removed the other's), and a new one is announced to every node; a record that arrives in between may be handled
   * twice, none is lost. Does nothing for a subscription to this node's own records.
   */
  public void renew() {
    if (!everyNode) {
      return;
    }
    context.runOnContext(now -> {
      MessageConsumer<Object> old = consumer;
      consumer = vertx.eventBus().consumer(Records.ADDRESS, handler);
      consumer.completion().onComplete(done -> old.unregister());
    });
  }
}
