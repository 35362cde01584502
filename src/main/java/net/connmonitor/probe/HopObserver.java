package net.connmonitor.probe;

import java.util.List;

/** Sees a host's per-hop statistics after each of its traces, over its last traces (the metrics hold the newest). */
@FunctionalInterface
public interface HopObserver {

  /** @param hops one entry per hop number, nearest first, as {@link HopStatistics#hops} gives them */
  void hops(List<HopStats> hops);
}
