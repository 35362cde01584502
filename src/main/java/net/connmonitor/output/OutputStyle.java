package net.connmonitor.output;

import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import net.connmonitor.record.Records;

/** How one host's records are printed; travels with each record as event-bus headers. */
public record OutputStyle(boolean json, boolean timestamp) {

  public DeliveryOptions toDeliveryOptions() {
    return new DeliveryOptions()
        .addHeader(Records.HEADER_JSON, Boolean.toString(json))
        .addHeader(Records.HEADER_TIMESTAMP, Boolean.toString(timestamp));
  }

  /** Headers missing (a record published by someone else) mean the defaults: plain text with a timestamp. */
  public static OutputStyle fromHeaders(MultiMap headers) {
    String timestamp = headers.get(Records.HEADER_TIMESTAMP);
    return new OutputStyle(
        Boolean.parseBoolean(headers.get(Records.HEADER_JSON)),
        timestamp == null || Boolean.parseBoolean(timestamp));
  }
}
