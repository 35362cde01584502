package net.connmonitor.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code from=any} hosts as this node last placed them among the live members: which member measures each, how
 * many each measures, and how many moved from one member to another. A host that comes or goes with a configuration
 * did not move. Pure: no clock, no network.
 */
final class PlacedHosts {

  private Map<String, String> owners = Map.of();
  private SortedSet<String> members = new TreeSet<>();
  private long moved;

  /**
   * Places {@code hosts} among {@code live} with the {@link Assignment}.
   *
   * @return the owner of each host; none when no member is live
   */
  synchronized Map<String, String> place(Collection<String> hosts, SortedSet<String> live) {
    Map<String, String> placed = new HashMap<>();
    for (String host : hosts) {
      Assignment.owner(host, live).ifPresent(owner -> {
        placed.put(host, owner);
        String before = owners.get(host);
        if (before != null && !before.equals(owner)) {
          moved++;
        }
      });
    }
    owners = placed;
    members = new TreeSet<>(live);
    return placed;
  }

  /** Each member of the last placement, and how many hosts it measures; a member with none among them. */
  synchronized SortedMap<String, Integer> perMember() {
    SortedMap<String, Integer> counts = new TreeMap<>();
    members.forEach(member -> counts.put(member, 0));
    owners.values().forEach(owner -> counts.merge(owner, 1, Integer::sum));
    return counts;
  }

  /** Hosts that moved from one member to another, over every placement so far. */
  synchronized long moved() {
    return moved;
  }
}
