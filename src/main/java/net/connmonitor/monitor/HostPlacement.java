package net.connmonitor.monitor;

import java.util.List;
import java.util.Optional;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.Vantages;
import net.connmonitor.log.Log;

/**
 * Which of the configured hosts this monitor measures. Alone, every one; in a cluster, as each host's {@code from=}
 * and the live members decide, which changes as members come and go.
 */
public interface HostPlacement {

  /** A monitor outside a cluster: it measures every host, and says once per configuration that from= is ignored. */
  HostPlacement ALONE = new HostPlacement() {
    @Override
    public Optional<String> vantage() {
      return Optional.empty();
    }

    @Override
    public List<HostConfig> measuredHere(List<HostConfig> configured) {
      if (configured.stream().anyMatch(host -> host.from() != Vantages.ALL)) {
        Log.warn("from= is ignored outside a cluster (--cluster): this monitor measures every host");
      }
      return configured;
    }

    @Override
    public void onChange(Runnable changed) {
    }
  };

  /** This node's name in the cluster, which its records carry; empty outside one. */
  Optional<String> vantage();

  /** The hosts of {@code configured} that this node measures now. */
  List<HostConfig> measuredHere(List<HostConfig> configured);

  /** Runs {@code changed} (on any thread) whenever {@link #measuredHere} may answer differently. */
  void onChange(Runnable changed);
}
