package net.connmonitor.metrics;

import java.util.SortedMap;
import java.util.SortedSet;

/** What a node of a cluster knows of it, for the metrics: read at every scrape. */
public interface ClusterView {

  /** This node's name in the cluster, which every series it serves carries. */
  String vantage();

  /** The vantages of the live members that measure, this node's among them. */
  SortedSet<String> members();

  /**
   * How many {@code from=any} hosts each live member measures, as this node last placed them (every node computes the
   * same placement from the same members); a member with none is there with 0.
   */
  SortedMap<String, Integer> assignedHosts();

  /** {@code from=any} hosts that moved from one member to another since this node started. */
  long reassignments();
}
