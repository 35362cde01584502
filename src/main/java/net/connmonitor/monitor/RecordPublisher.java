package net.connmonitor.monitor;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Instant;
import java.util.Optional;
import net.connmonitor.output.OutputStyle;
import net.connmonitor.probe.Measurement;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.RecordCodec;
import net.connmonitor.record.Records;
import net.connmonitor.record.Target;

/** Publishes one host's measurements on the event bus, with the host's output style as headers. */
final class RecordPublisher {

  private final EventBus eventBus;
  private final Target target;
  private final DeliveryOptions delivery;
  private final Optional<String> vantage;
  private final DeliveryOptions unprinted;

  RecordPublisher(EventBus eventBus, Target target, OutputStyle style, Optional<String> vantage) {
    RecordCodec.registerOn(eventBus);
    this.eventBus = eventBus;
    this.target = target;
    this.delivery = style.toDeliveryOptions();
    this.vantage = vantage;
    this.unprinted = style.toDeliveryOptions().addHeader(Records.HEADER_PRINTED, "false");
  }

  void publish(Measurement measurement) {
    publish(measurement, true);
  }

  /** @param printed whether the output prints it; every consumer gets it all the same */
  void publish(Measurement measurement, boolean printed) {
    eventBus.publish(Records.ADDRESS, new MonitorRecord(target, Instant.now(), measurement, vantage),
        printed ? delivery : unprinted);
  }
}
