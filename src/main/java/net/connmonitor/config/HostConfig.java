package net.connmonitor.config;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.SortedMap;

/**
 * One host line of the configuration, parsed and validated. Two lines that parse to equal
 * records are the same line for a reload: the host keeps running without a gap.
 *
 * @param host            the host exactly as typed (case kept)
 * @param pingIntervalMs  pause between ping bursts; 0 disables pings
 * @param numPings        echo requests per burst
 * @param payloadBytes    ICMP echo payload size
 * @param traceIntervalMs pause between route traces; 0 disables traces
 * @param maxHops         upper bound on hops in a trace
 * @param scanIntervalMs  pause between port scans; 0 disables scans
 * @param json            records of this host are JSON, else plain text
 * @param timestamp       records carry the time they were printed
 * @param timeoutMs       how long a probe waits for its answer
 */
public record HostConfig(
    String host,
    double pingIntervalMs,
    int numPings,
    int payloadBytes,
    double traceIntervalMs,
    int maxHops,
    double scanIntervalMs,
    boolean json,
    boolean timestamp,
    double timeoutMs) {

  // merged with the options work: the host's labels= option, which that work adds as a record component.
  public SortedMap<String, String> labels() {
    return Collections.emptySortedMap();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("host", host)
        .put("ping", pingIntervalMs)
        .put("numpings", numPings)
        .put("payload", payloadBytes)
        .put("trace", traceIntervalMs)
        .put("hops", maxHops)
        .put("scan", scanIntervalMs)
        .put("json", json)
        .put("timestamp", timestamp)
        .put("timeout", timeoutMs);
  }

  /** The inverse of {@link #toJson()}; the JSON comes from our own parser, so it is not validated again. */
  public static HostConfig fromJson(JsonObject json) {
    return new HostConfig(
        json.getString("host"),
        json.getDouble("ping"),
        json.getInteger("numpings"),
        json.getInteger("payload"),
        json.getDouble("trace"),
        json.getInteger("hops"),
        json.getDouble("scan"),
        json.getBoolean("json"),
        json.getBoolean("timestamp"),
        json.getDouble("timeout"));
  }
}
