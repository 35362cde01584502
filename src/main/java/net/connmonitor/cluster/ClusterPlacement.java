package net.connmonitor.cluster;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.NodeInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.Vantages;
import net.connmonitor.log.Log;
import net.connmonitor.metrics.ClusterView;
import net.connmonitor.monitor.HostPlacement;

/**
 * Which hosts this node measures, from the live members' vantage names as the cluster manager knows them: a
 * {@code from=all} host always, a {@code from=NAME,...} host when this node's vantage is named, a {@code from=any}
 * host when the {@link Assignment} gives it to this vantage. Each side of a partition sees only its own members and
 * so measures every {@code from=any} host it can (duplicates rather than gaps), and says so; once healed, each host is
 * measured once again.
 *
 * <p>The members are read from the cluster manager every {@value #CHECK_MS} ms: Vert.x keeps the manager's one
 * membership listener for itself (it removes a lost node's subscriptions), and reading the view is a local look-up.
 */
public final class ClusterPlacement implements HostPlacement {

  static final long CHECK_MS = 500;

  private final ClusterNode node;
  /** Node ids of the members whose vantage is known, and their vantage; empty for a member that measures nothing. */
  private final Map<String, Optional<String>> vantageOf = new ConcurrentHashMap<>();
  private final Set<String> asking = ConcurrentHashMap.newKeySet();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Set<String> sharedVantagesSaid = ConcurrentHashMap.newKeySet();
  private final PlacedHosts placed = new PlacedHosts();
  private volatile SortedSet<String> live;

  private ClusterPlacement(ClusterNode node) {
    this.node = node;
    this.live = new TreeSet<>(Set.of(node.vantage()));
  }

  /** Starts following the members of {@code node}'s cluster. */
  public static ClusterPlacement follow(ClusterNode node) {
    ClusterPlacement placement = new ClusterPlacement(node);
    placement.check();
    node.vertx().setPeriodic(CHECK_MS, id -> placement.check());
    return placement;
  }

  @Override
  public Optional<String> vantage() {
    return Optional.of(node.vantage());
  }

  @Override
  public List<HostConfig> measuredHere(List<HostConfig> configured) {
    String self = node.vantage();
    Map<String, String> owners = placed.place(configured.stream()
        .filter(host -> host.from().kind() == Vantages.Kind.ANY).map(HostConfig::host).toList(), live);
    return configured.stream().filter(host -> switch (host.from().kind()) {
      case ALL -> true;
      case LISTED -> host.from().names().contains(self);
      case ANY -> self.equals(owners.get(host.host()));
    }).toList();
  }

  /** The members and the placement of {@code from=any} hosts, for the metrics. */
  public ClusterView view() {
    return new ClusterView() {
      @Override
      public String vantage() {
        return node.vantage();
      }

      @Override
      public SortedSet<String> members() {
        return Collections.unmodifiableSortedSet(live);
      }

      @Override
      public SortedMap<String, Integer> assignedHosts() {
        return placed.perMember();
      }

      @Override
      public long reassignments() {
        return placed.moved();
      }
    };
  }

  @Override
  public void onChange(Runnable changed) {
    listeners.add(changed);
  }

  private void check() {
    List<String> nodes = node.manager().getNodes();
    vantageOf.keySet().retainAll(nodes);
    for (String id : nodes) {
      if (!vantageOf.containsKey(id) && asking.add(id)) {
        Promise<NodeInfo> info = Promise.promise();
        node.manager().getNodeInfo(id, info);
        // A node's information is written just after it joins: until then it is asked again at the next check.
        info.future().onComplete(answer -> {
          asking.remove(id);
          if (answer.succeeded() && answer.result() != null && nodes.contains(id)) {
            JsonObject metadata = answer.result().metadata();
            Optional<String> vantage = metadata.getBoolean(ClusterNode.MEASURES_METADATA, false)
                ? Optional.of(metadata.getString(ClusterNode.VANTAGE_METADATA)) : Optional.empty();
            if (vantage.isPresent() && vantageOf.containsValue(vantage) && sharedVantagesSaid.add(vantage.get())) {
              Log.warn("cluster: two members are both vantage " + vantage.get() + "; they measure the same from=any "
                  + "hosts, and their records cannot be told apart: give each node a vantage= of its own");
            }
            vantageOf.put(id, vantage);
            update();
          }
        });
      }
    }
    update();
  }

  private synchronized void update() {
    SortedSet<String> now = vantageOf.values().stream().flatMap(Optional::stream)
        .collect(Collectors.toCollection(TreeSet::new));
    now.add(node.vantage());
    SortedSet<String> before = live;
    if (now.equals(before)) {
      return;
    }
    live = now;
    SortedSet<String> left = new TreeSet<>(before);
    left.removeAll(now);
    SortedSet<String> joined = new TreeSet<>(now);
    joined.removeAll(before);
    if (!joined.isEmpty()) {
      Log.info("cluster: " + names(joined) + " joined; the members are now " + names(now));
    }
    if (!left.isEmpty()) {
      Log.warn("cluster: " + names(left) + " left (stopped, failed, or cut off from here); their from=any hosts "
          + "are measured by " + names(now) + ", and, if they are only cut off, by them too until the cluster heals");
    }
    listeners.forEach(Runnable::run);
  }

  private static String names(SortedSet<String> vantages) {
    return vantages.stream().collect(Collectors.joining(", "));
  }
}
