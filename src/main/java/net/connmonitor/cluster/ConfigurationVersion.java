package net.connmonitor.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import net.connmonitor.config.HostConfig;

/**
 * One version of the cluster's configuration: the hosts, numbered by a counter that each replacement increments,
 * and the vantage that made it. Versions are ordered by counter, then by vantage: two nodes that publish at once
 * with the same counter are ordered the same way everywhere, so that an older version never replaces a newer one.
 * It is JSON only where it leaves the process (the event bus, the cluster's map), as {@link #toJson()}.
 *
 * @param counter 1 for the first version, one more for each that replaces it
 * @param vantage the node that published it
 * @param hosts   the host lines
 */
public record ConfigurationVersion(long counter, String vantage, List<HostConfig> hosts)
    implements Comparable<ConfigurationVersion> {

  private static final Comparator<ConfigurationVersion> ORDER = Comparator
      .comparingLong(ConfigurationVersion::counter).thenComparing(ConfigurationVersion::vantage);

  public ConfigurationVersion {
    hosts = List.copyOf(hosts);
  }

  /** The version that replaces this one, made by {@code vantage} from its file. */
  ConfigurationVersion next(String vantage, List<HostConfig> hosts) {
    return new ConfigurationVersion(counter + 1, vantage, hosts);
  }

  /** Whether {@code hosts} are the hosts of this version, line for line. */
  boolean holds(List<HostConfig> hosts) {
    return this.hosts.equals(hosts);
  }

  /** {@code {"counter": N, "vantage": NAME, "hosts": [HostConfig.toJson()...]}}. */
  JsonObject toJson() {
    JsonArray lines = new JsonArray();
    hosts.forEach(host -> lines.add(host.toJson()));
    return new JsonObject().put("counter", counter).put("vantage", vantage).put("hosts", lines);
  }

  /** The inverse of {@link #toJson()}. */
  static ConfigurationVersion fromJson(JsonObject json) {
    return new ConfigurationVersion(json.getLong("counter"), json.getString("vantage"),
        json.getJsonArray("hosts").stream().map(line -> HostConfig.fromJson((JsonObject) line)).toList());
  }

  @Override
  public int compareTo(ConfigurationVersion other) {
    return ORDER.compare(this, other);
  }
}
