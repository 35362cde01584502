package net.connmonitor.monitor;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import net.connmonitor.config.HostConfig;

/**
 * Where a monitor's configuration comes from besides its own file. Alone, from the file only; in a cluster, the
 * cluster has one configuration, which a reload on any node replaces and every node applies.
 */
public interface ConfigurationShare {

  /** A monitor outside a cluster: its file is its configuration. */
  ConfigurationShare ALONE = new ConfigurationShare() {
    @Override
    public Future<List<HostConfig>> offer(List<HostConfig> read, boolean reload) {
      return Future.succeededFuture(read);
    }

    @Override
    public void onNewer(Consumer<List<HostConfig>> apply) {
    }
  };

  /**
   * Offers the hosts of this node's file, read at start or on a reload.
   *
   * @return completes with the hosts to apply: those offered, or, when a node joins with a file that differs, the
   *         cluster's
   */
  Future<List<HostConfig>> offer(List<HostConfig> read, boolean reload);

  /** Has {@code apply} called, on any thread, with every configuration that another node makes the cluster's. */
  void onNewer(Consumer<List<HostConfig>> apply);
}
