package net.connmonitor.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a configuration says: its host lines in file order, and everything wrong with it. A configuration is only
 * applied when it is {@link #valid()}; the hosts of an invalid one are the lines that were right, for reference.
 *
 * @param hosts  one entry per correct host line, duplicates included
 * @param errors every error, in file order; empty when the configuration can be applied
 */
public record ParsedConfig(List<HostConfig> hosts, List<ConfigError> errors) {

  public ParsedConfig {
    hosts = List.copyOf(hosts);
    errors = List.copyOf(errors);
  }

  /** No error. The parser reports a text without any host as an error, so a valid parse has a host. */
  public boolean valid() {
    return errors.isEmpty();
  }

  /** {@code {"hosts": [HostConfig.toJson()...], "errors": [ConfigError.toJson()...]}}. */
  public JsonObject toJson() {
    JsonArray hostsJson = new JsonArray();
    hosts.forEach(host -> hostsJson.add(host.toJson()));
    JsonArray errorsJson = new JsonArray();
    errors.forEach(error -> errorsJson.add(error.toJson()));
    return new JsonObject().put("hosts", hostsJson).put("errors", errorsJson);
  }

  /** The inverse of {@link #toJson()}. */
  public static ParsedConfig fromJson(JsonObject json) {
    return new ParsedConfig(
        json.getJsonArray("hosts").stream().map(host -> HostConfig.fromJson((JsonObject) host)).toList(),
        json.getJsonArray("errors").stream().map(error -> ConfigError.fromJson((JsonObject) error)).toList());
  }
}
