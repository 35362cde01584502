package net.connmonitor.metrics;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A cluster as a test says it is: its members, the hosts each one measures, the hosts that moved. */
final class FixedCluster implements ClusterView {

  private final String vantage;
  private volatile SortedSet<String> members;
  private volatile SortedMap<String, Integer> assignedHosts = new TreeMap<>();
  private volatile long reassignments;

  /** @param members the live members, {@code vantage} among them */
  FixedCluster(String vantage, String... members) {
    this.vantage = vantage;
    members(members);
  }

  void members(String... live) {
    members = new TreeSet<>(Arrays.asList(live));
  }

  void placed(SortedMap<String, Integer> hosts, long moved) {
    assignedHosts = new TreeMap<>(hosts);
    reassignments = moved;
  }

  @Override
  public String vantage() {
    return vantage;
  }

  @Override
  public SortedSet<String> members() {
    return members;
  }

  @Override
  public SortedMap<String, Integer> assignedHosts() {
    return assignedHosts;
  }

  @Override
  public long reassignments() {
    return reassignments;
  }
}
