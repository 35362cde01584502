package net.connmonitor.probe;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What traces have shown of a route: the router that answered at each hop number, and where the route ends.
 * Only answers are facts; a silent step ({@code *}) is no fact at all, since routers rate-limit their ICMP errors
 * and replies get lost.
 *
 * <p>The end is the last step of a trace when that step answered: the destination, a router that said
 * "unreachable", or the router at the hop limit, past which a trace cannot see. The end answers the first probe
 * that reaches it, so when the steps before it are silent, it may be nearer than it looks: a lost answer at hop 4
 * puts the destination's answer to the next probe at hop 5. So the end is known as a range of hops, from just past
 * the farthest router that answered before it up to where it answered.
 *
 * @param routers the address that answered at each hop number (1 is the nearest) before the end
 * @param end     where the route ends, if any trace has reached an end
 */
record KnownRoute(SortedMap<Integer, String> routers, Optional<End> end) {

  /**
   * The end of a route: who answered there and between which hop numbers it lies.
   *
   * @param nearest  the nearest hop number it can be at
   * @param farthest the farthest hop number it can be at
   */
  record End(String address, int nearest, int farthest) {
  }

  KnownRoute {
    routers = Collections.unmodifiableSortedMap(new TreeMap<>(routers));
  }

  /** The facts one trace shows. */
  static KnownRoute of(Trace trace) {
    List<TraceStep> steps = trace.steps();
    boolean ended = !steps.isEmpty() && steps.get(steps.size() - 1).answered();
    int routerSteps = ended ? steps.size() - 1 : steps.size();
    SortedMap<Integer, String> routers = new TreeMap<>();
    for (int i = 0; i < routerSteps; i++) {
      if (steps.get(i).answered()) {
        routers.put(i + 1, steps.get(i).address());
      }
    }
    Optional<End> end = ended
        ? Optional.of(new End(steps.get(steps.size() - 1).address(), farthestRouter(routers) + 1, steps.size()))
        : Optional.empty();
    return new KnownRoute(routers, end);
  }

  /**
   * The hop number at which the route ends, once a trace has reached an end: the farthest it can be, where the end
   * answered (it may be nearer when the answers before it were lost, but never farther).
   */
  OptionalInt endHop() {
    return end.map(known -> OptionalInt.of(known.farthest())).orElse(OptionalInt.empty());
  }

  /**
   * Both sets of facts together, or nothing when they contradict each other: another router at a hop number, another
   * address at the end, or an end that can no longer lie anywhere (it moved nearer or farther, or a router now
   * answers at or past where the route ended).
   */
  Optional<KnownRoute> with(KnownRoute other) {
    SortedMap<Integer, String> allRouters = new TreeMap<>(routers);
    for (Map.Entry<Integer, String> router : other.routers.entrySet()) {
      String known = allRouters.putIfAbsent(router.getKey(), router.getValue());
      if (known != null && !known.equals(router.getValue())) {
        return Optional.empty();
      }
    }
    if (end.isEmpty() || other.end.isEmpty()) {
      return narrowed(allRouters, end.or(() -> other.end));
    }
    End mine = end.get();
    End theirs = other.end.get();
    if (!mine.address().equals(theirs.address())) {
      return Optional.empty();
    }
    return narrowed(allRouters, Optional.of(new End(mine.address(), Math.max(mine.nearest(), theirs.nearest()),
        Math.min(mine.farthest(), theirs.farthest()))));
  }

  /** The facts, with the end's range narrowed to the hops past every router; nothing when no hop is left for it. */
  private static Optional<KnownRoute> narrowed(SortedMap<Integer, String> routers, Optional<End> end) {
    if (end.isEmpty()) {
      return Optional.of(new KnownRoute(routers, end));
    }
    End wide = end.get();
    int nearest = Math.max(wide.nearest(), farthestRouter(routers) + 1);
    return nearest <= wide.farthest()
        ? Optional.of(new KnownRoute(routers, Optional.of(new End(wide.address(), nearest, wide.farthest()))))
        : Optional.empty();
  }

  private static int farthestRouter(SortedMap<Integer, String> routers) {
    return routers.isEmpty() ? 0 : routers.lastKey();
  }
}
