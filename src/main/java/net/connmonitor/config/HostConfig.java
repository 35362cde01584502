package net.connmonitor.config;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One host line of the configuration, parsed and validated: the host and the value of every {@link Option}. Two
 * lines that parse to equal records are the same line for a reload: the host keeps running without a gap. The
 * accessors below name what the code does with a value; each reads it through its option, which holds the name,
 * default and range.
 *
 * @param host    the host exactly as typed (case kept)
 * @param options the value of each option, the default where the line names none
 */
public record HostConfig(String host, OptionValues options) {

  private static final String HOST_KEY = "host";

  /** A line that names the host alone: every option at its default. */
  public static HostConfig of(String host) {
    return new HostConfig(host, OptionValues.defaults());
  }

  /** This line with {@code option} set to {@code value}. */
  public <T> HostConfig with(Option<T> option, T value) {
    return new HostConfig(host, options.with(option, value));
  }

  public <T> T get(Option<T> option) {
    return options.get(option);
  }

  /** Pause between ping bursts; 0 disables pings. */
  public double pingIntervalMs() {
    return get(Option.PING);
  }

  /** Echo requests per burst. */
  public int numPings() {
    return get(Option.NUMPINGS);
  }

  /** ICMP echo payload size. */
  public int payloadBytes() {
    return get(Option.PAYLOAD);
  }

  /** Pause between route traces; 0 disables traces. */
  public double traceIntervalMs() {
    return get(Option.TRACE);
  }

  /** Upper bound on hops in a trace. */
  public int maxHops() {
    return get(Option.HOPS);
  }

  /** Pause between port scans; 0 disables scans. */
  public double scanIntervalMs() {
    return get(Option.SCAN);
  }

  /** Records of this host are JSON, else plain text. */
  public boolean json() {
    return get(Option.JSON);
  }

  /** Records carry the time they were measured. */
  public boolean timestamp() {
    return get(Option.TIMESTAMP);
  }

  /** How long a probe waits for its answer. */
  public double timeoutMs() {
    return get(Option.TIMEOUT);
  }

  /** Names carried in the metrics and JSON records; empty when none. */
  public SortedMap<String, String> labels() {
    return get(Option.LABELS);
  }

  /** The local address the probes leave from (canonical text form), or the system's choice. */
  public Optional<String> source() {
    return get(Option.SOURCE);
  }

  /** The network interface the probes leave by, or the system's choice. */
  public Optional<String> interfaceName() {
    return get(Option.INTERFACE);
  }

  /** Which address of a name that has both is measured. */
  public FamilyChoice family() {
    return get(Option.FAMILY);
  }

  /** Where in a cluster the host is measured. */
  public Vantages from() {
    return get(Option.FROM);
  }

  /** Which of its ping records are printed, or the process's default. */
  public Optional<PingRecords> pingRecords() {
    return get(Option.PINGRECORDS);
  }

  /** The ports each ping burst also connects to, ascending; empty for none. */
  public List<Integer> tcpPorts() {
    return get(Option.TCP);
  }

  /** The IPv4 TOS or IPv6 traffic class byte of the host's probes; 0 is the system's own. */
  public int tos() {
    return get(Option.TOS);
  }

  /** How many traces each hop statistics record is over; 0 for no hop statistics. */
  public int hopStats() {
    return get(Option.HOPSTATS);
  }

  /** Which address of a name is measured: as {@code family=} says, else of the source's family, else either. */
  public FamilyChoice addressFamily() {
    if (family() != FamilyChoice.ANY || source().isEmpty()) {
      return family();
    }
    return IpLiteral.isIpv6(source().get()) ? FamilyChoice.V6 : FamilyChoice.V4;
  }

  /**
   * The lines measured for this one: itself, or for {@code family=both} one line per family, each a host of its own
   * with its own records and series, told apart by the address.
   */
  public List<HostConfig> perFamily() {
    if (family() != FamilyChoice.BOTH) {
      return List.of(this);
    }
    return List.of(with(Option.FAMILY, FamilyChoice.V4), with(Option.FAMILY, FamilyChoice.V6));
  }

  /**
   * {@code {"host": HOST, NAME: VALUE, ...}}: the options the line does not leave at their default, each value as a
   * host line names it. What carries a configuration between processes (a cluster's nodes) carries this.
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(HOST_KEY, host);
    options.written().forEach(json::put);
    return json;
  }

  /**
   * The inverse of {@link #toJson()}. The values are read by the options' own readers; the checks of a line against
   * this machine's network are not made again, as the line may be measured elsewhere.
   *
   * @throws IllegalArgumentException for JSON that {@link #toJson()} did not write
   */
  public static HostConfig fromJson(JsonObject json) {
    Map<String, String> written = new LinkedHashMap<>();
    json.forEach(entry -> {
      if (!entry.getKey().equals(HOST_KEY)) {
        written.put(entry.getKey(), (String) entry.getValue());
      }
    });
    return new HostConfig(json.getString(HOST_KEY), OptionValues.read(written));
  }
}
