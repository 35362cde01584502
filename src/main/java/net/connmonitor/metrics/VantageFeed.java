package net.connmonitor.metrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordSubscription;
import net.connmonitor.record.Records;

/**
 * On a cluster's collector with a metrics endpoint: every node's records on {@link Records#ADDRESS} into the metrics,
 * where those of the other vantages become their series. Exists only with {@code --collect} and {@code --listen}.
 */
public final class VantageFeed extends VerticleBase {

  private final PrometheusMetrics metrics;
  private final RecordSubscription subscription = new RecordSubscription(true, this::feed);

  public VantageFeed(PrometheusMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    return subscription.open(vertx);
  }

  private void feed(Message<Object> message) {
    if (message.body() instanceof MonitorRecord record) {
      metrics.record(record);
    }
  }

  /** When the cluster's members change: see {@link RecordSubscription#renew()}. */
  public void subscribeAgain() {
    subscription.renew();
  }
}
