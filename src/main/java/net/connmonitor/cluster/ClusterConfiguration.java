package net.connmonitor.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.connmonitor.config.HostConfig;
import net.connmonitor.log.Log;
import net.connmonitor.monitor.ConfigurationShare;

/**
 * The cluster's one configuration, kept in the cluster manager's shared data, where a joining node finds it; each
 * new version is also published on the event bus, as Vert.x's cluster-wide maps say nothing of their changes, and
 * the map is read again every {@value #CHECK_MS} ms: after a partition has healed, a node's subscription on the
 * event bus may be lost (each side removed the other's, and the larger side's set wins), and a version published
 * then would not reach it. A version replaces the stored one only if that is still the one it was made from
 * (compare and swap): of two reloads at once, one wins and the other is made again from the winner.
 */
final class ClusterConfiguration implements ConfigurationShare {

  static final String MAP = "connmonitor.configuration";
  static final String KEY = "current";
  /** Where each new version is published. */
  static final String ADDRESS = "connmonitor.configuration";
  static final long CHECK_MS = 2000;

  private final Vertx vertx;
  private final String vantage;
  private final List<Consumer<List<HostConfig>>> listeners = new CopyOnWriteArrayList<>();
  /** The version applied here last; empty until the first. */
  private volatile Optional<ConfigurationVersion> applied = Optional.empty();
  private boolean differenceSaid;

  private ClusterConfiguration(Vertx vertx, String vantage) {
    this.vertx = vertx;
    this.vantage = vantage;
  }

  static ClusterConfiguration follow(Vertx vertx, String vantage) {
    ClusterConfiguration share = new ClusterConfiguration(vertx, vantage);
    vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> share.received(
        ConfigurationVersion.fromJson(message.body())));
    vertx.setPeriodic(CHECK_MS, id -> vertx.sharedData().<String, JsonObject>getClusterWideMap(MAP)
        .compose(map -> map.get(KEY))
        .onSuccess(stored -> {
          // Only once this node has a configuration: the first one is its file's, or the cluster's, as offer says.
          if (stored != null && share.applied.isPresent()) {
            share.received(ConfigurationVersion.fromJson(stored));
          }
        }));
    return share;
  }

  @Override
  public Future<List<HostConfig>> offer(List<HostConfig> read, boolean reload) {
    return vertx.sharedData().<String, JsonObject>getClusterWideMap(MAP).compose(map -> offer(map, read, reload));
  }

  @Override
  public void onNewer(Consumer<List<HostConfig>> apply) {
    listeners.add(apply);
  }

  private Future<List<HostConfig>> offer(AsyncMap<String, JsonObject> map, List<HostConfig> read, boolean reload) {
    return map.get(KEY).compose(stored -> {
      if (stored == null) {
        ConfigurationVersion first = new ConfigurationVersion(1, vantage, read);
        return map.putIfAbsent(KEY, first.toJson()).compose(raced -> raced == null
            ? published(first).map(read) : offer(map, read, reload));
      }
      ConfigurationVersion current = ConfigurationVersion.fromJson(stored);
      if (current.holds(read)) {
        adopt(current);
        return Future.succeededFuture(read);
      }
      if (!reload) {
        // Joining with a file of its own: the cluster's configuration is the one a reload somewhere made last.
        if (!differenceSaid) {
          differenceSaid = true;
          Log.warn("cluster: this node's configuration differs from the cluster's (version " + current.counter()
              + ", from " + current.vantage() + "), which it applies; a reload here makes this node's the cluster's");
        }
        adopt(current);
        return Future.succeededFuture(current.hosts());
      }
      ConfigurationVersion next = current.next(vantage, read);
      return map.replaceIfPresent(KEY, stored, next.toJson()).compose(replaced -> replaced
          ? published(next).map(read) : offer(map, read, true));
    });
  }

  private Future<Void> published(ConfigurationVersion version) {
    adopt(version);
    vertx.eventBus().publish(ADDRESS, version.toJson());
    return Future.succeededFuture();
  }

  private synchronized boolean adopt(ConfigurationVersion version) {
    if (applied.isPresent() && applied.get().compareTo(version) >= 0) {
      return false;
    }
    applied = Optional.of(version);
    return true;
  }

  private void received(ConfigurationVersion version) {
    if (!version.vantage().equals(vantage) && adopt(version)) {
      Log.info("cluster: configuration version " + version.counter() + " from " + version.vantage());
      List<HostConfig> hosts = version.hosts();
      listeners.forEach(listener -> listener.accept(hosts));
    }
  }
}
