package net.connmonitor.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.connmonitor.probe.Trace;

/**
 * A host's last {@value #KEPT} routes as the monitor published them: the first trace, then every trace that changed
 * the known route. Every route after the first is a route change. Not thread-safe: its owner locks.
 */
final class RouteHistory {

  static final int KEPT = 16;

  /**
   * @param atMs   when the trace was measured
   * @param change false for the first route the monitor published, true for every later one
   */
  record Route(long atMs, Trace trace, boolean change) {
  }

  private final Deque<Route> routes = new ArrayDeque<>();
  private long traces;

  void add(long atMs, Trace trace) {
    if (routes.size() == KEPT) {
      routes.removeFirst();
    }
    routes.addLast(new Route(atMs, trace, traces > 0));
    traces++;
  }

  /** Oldest first. */
  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Route changes since the monitor started: every published trace but the first. */
  long changes() {
    return Math.max(0, traces - 1);
  }

  /** When the route last changed, in milliseconds since the Unix epoch; 0 when it never did. */
  long lastChangeMs() {
    return changes() == 0 ? 0 : routes.getLast().atMs();
  }
}
