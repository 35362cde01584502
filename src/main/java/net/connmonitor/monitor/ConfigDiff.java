package net.connmonitor.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.connmonitor.config.HostConfig;

/**
 * What a new configuration changes. Host lines are compared as parsed, so reordering options or spacing changes
 * nothing; identical lines may appear more than once and are matched one to one.
 *
 * @param kept    running hosts whose line is still there: they go on without a gap
 * @param stopped running hosts whose line is gone
 * @param started lines with no running host yet
 */
record ConfigDiff(List<RunningHost> kept, List<RunningHost> stopped, List<HostConfig> started) {

  static ConfigDiff between(List<RunningHost> running, List<HostConfig> wanted) {
    Map<HostConfig, Deque<RunningHost>> available = new LinkedHashMap<>();
    for (RunningHost host : running) {
      available.computeIfAbsent(host.config(), c -> new ArrayDeque<>()).add(host);
    }
    List<RunningHost> kept = new ArrayList<>();
    List<HostConfig> started = new ArrayList<>();
    for (HostConfig line : wanted) {
      Deque<RunningHost> same = available.get(line);
      if (same != null && !same.isEmpty()) {
        kept.add(same.poll());
      } else {
        started.add(line);
      }
    }
    List<RunningHost> stopped = new ArrayList<>();
    available.values().forEach(stopped::addAll);
    return new ConfigDiff(kept, stopped, started);
  }
}
