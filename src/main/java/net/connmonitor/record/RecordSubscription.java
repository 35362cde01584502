package net.connmonitor.record;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A consumer of the records on {@link Records#ADDRESS}: this node's own, or, on a collector, every node's. Only a
 * consumer that is not local is known to the other nodes of a cluster, and so gets their records. Made with its
 * consumer, {@linkplain #open opened} when the consumer starts.
 */
public final class RecordSubscription {

  private final boolean everyNode;
  private final Handler<Message<Object>> handler;
  /** Set once open, after {@link #consumer}; both are then used on this context alone. */
  private volatile Context context;
  private MessageConsumer<Object> consumer;

  /**
   * @param everyNode in a cluster, every node's records (the collector), not only this node's
   * @param handler   what each record is handed to, on the context that opens the subscription
   */
  public RecordSubscription(boolean everyNode, Handler<Message<Object>> handler) {
    this.everyNode = everyNode;
    this.handler = handler;
  }

  /** Subscribes from the calling verticle's context, where the handler then runs; completes once subscribed. */
  public Future<Void> open(Vertx vertx) {
    Context here = vertx.getOrCreateContext();
    consumer = everyNode ? vertx.eventBus().consumer(Records.ADDRESS, handler)
        : vertx.eventBus().localConsumer(Records.ADDRESS, handler);
    context = here;
    return consumer.completion();
  }

  /**
   * For a collector, when the cluster's members change: subscribes again, then drops the old subscription. After a
   * partition has healed, the nodes of the side that was cut off may have lost this node's subscription (each side
   * removed the other's), and a new one is announced to every node; a record that arrives in between may be handled
   * twice, none is lost. Does nothing for a subscription to this node's own records, nor before it is open: the
   * first subscription is yet to come, and is new enough.
   */
  public void renew() {
    Context opened = context;
    if (!everyNode || opened == null) {
      return;
    }
    opened.runOnContext(now -> {
      MessageConsumer<Object> old = consumer;
      consumer = opened.owner().eventBus().consumer(Records.ADDRESS, handler);
      consumer.completion().onComplete(done -> old.unregister());
    });
  }
}
