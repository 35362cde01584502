package net.connmonitor.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * @param timestamp       records carry the time they were measured
 * @param timeoutMs       how long a probe waits for its answer
 * @param labels          names carried in the metrics and JSON records; empty when none
 * @param source          the local address the probes leave from (canonical text form), or the system's choice
 * @param interfaceName   the network interface the probes leave by, or the system's choice
 * @param family          which address of a name that has both is measured
 * @param from            where in a cluster the host is measured
 * @param pingRecords     which of its ping records are printed, or the process's default
 * @param tcpPorts        the ports each ping burst also connects to, ascending; empty for none
 * @param tos             the IPv4 TOS or IPv6 traffic class byte of the host's probes; 0 is the system's own
 * @param hopStats        how many traces each hop statistics record is over; 0 for no hop statistics
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
    double timeoutMs,
    SortedMap<String, String> labels,
    Optional<String> source,
    Optional<String> interfaceName,
    Family family,
    Vantages from,
    Optional<PingRecords> pingRecords,
    List<Integer> tcpPorts,
    int tos,
    int hopStats) {

  public HostConfig {
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    tcpPorts = List.copyOf(tcpPorts);
  }

  /**
   * A line that chooses neither where in a cluster it is measured, its ping records, TCP ports, TOS nor hop
   * statistics.
   */
  public HostConfig(String host, double pingIntervalMs, int numPings, int payloadBytes, double traceIntervalMs,
      int maxHops, double scanIntervalMs, boolean json, boolean timestamp, double timeoutMs,
      SortedMap<String, String> labels, Optional<String> source, Optional<String> interfaceName, Family family) {
    this(host, pingIntervalMs, numPings, payloadBytes, traceIntervalMs, maxHops, scanIntervalMs, json, timestamp,
        timeoutMs, labels, source, interfaceName, family, Vantages.ALL, Optional.empty(), List.of(), 0, 0);
  }

  /** A line without labels, source, interface, family, from, ping records, TCP ports, TOS or hop statistics. */
  public HostConfig(String host, double pingIntervalMs, int numPings, int payloadBytes, double traceIntervalMs,
      int maxHops, double scanIntervalMs, boolean json, boolean timestamp, double timeoutMs) {
    this(host, pingIntervalMs, numPings, payloadBytes, traceIntervalMs, maxHops, scanIntervalMs, json, timestamp,
        timeoutMs, Collections.emptySortedMap(), Optional.empty(), Optional.empty(), Family.ANY, Vantages.ALL,
        Optional.empty(), List.of(), 0, 0);
  }

  /** Which address of a name is measured: as {@code family=} says, else of the source's family, else either. */
  public Family addressFamily() {
    if (family != Family.ANY || source.isEmpty()) {
      return family;
    }
    return source.get().indexOf(':') >= 0 ? Family.V6 : Family.V4;
  }

  /**
   * The lines measured for this one: itself, or for {@code family=both} one line per family, each a host of its own
   * with its own records and series, told apart by the address.
   */
  public List<HostConfig> perFamily() {
    if (family != Family.BOTH) {
      return List.of(this);
    }
    return List.of(withFamily(Family.V4), withFamily(Family.V6));
  }

  private HostConfig withFamily(Family only) {
    return new HostConfig(host, pingIntervalMs, numPings, payloadBytes, traceIntervalMs, maxHops, scanIntervalMs, json,
        timestamp, timeoutMs, labels, source, interfaceName, only, from, pingRecords, tcpPorts, tos, hopStats);
  }

  public JsonObject toJson() {
    JsonObject line = new JsonObject()
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
    // What a line does not name stays out, as it does from the line.
    if (!labels.isEmpty()) {
      line.put("labels", new JsonObject(new TreeMap<String, Object>(labels)));
    }
    source.ifPresent(address -> line.put("source", address));
    interfaceName.ifPresent(name -> line.put("interface", name));
    if (family != Family.ANY) {
      line.put("family", family.written());
    }
    if (from != Vantages.ALL) {
      line.put("from", from.written());
    }
    pingRecords.ifPresent(mode -> line.put("pingrecords", mode.written()));
    if (!tcpPorts.isEmpty()) {
      line.put("tcp", new JsonArray(List.copyOf(tcpPorts)));
    }
    if (tos != 0) {
      line.put("tos", tos);
    }
    if (hopStats != 0) {
      line.put("hopstats", hopStats);
    }
    return line;
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
        json.getDouble("timeout"),
        labels(json.getJsonObject("labels", new JsonObject())),
        Optional.ofNullable(json.getString("source")),
        Optional.ofNullable(json.getString("interface")),
        Family.written(json.getString("family", "")),
        Vantages.written(json.getString("from", "all")),
        Optional.ofNullable(json.getString("pingrecords")).flatMap(PingRecords::written),
        ports(json.getJsonArray("tcp", new JsonArray())),
        json.getInteger("tos", 0),
        json.getInteger("hopstats", 0));
  }

  private static List<Integer> ports(JsonArray json) {
    return json.stream().map(port -> ((Number) port).intValue()).toList();
  }

  private static SortedMap<String, String> labels(JsonObject json) {
    SortedMap<String, String> labels = new TreeMap<>();
    json.forEach(entry -> labels.put(entry.getKey(), (String) entry.getValue()));
    return labels;
  }
}
