package net.connmonitor.probe;

import java.util.List;

/**
 * The periodic hop statistics of a host ({@code hopstats=}): each hop's loss and round-trip times over its last
 * traces, as mtr's report gives them.
 *
 * @param hops one entry per hop number, nearest first
 */
public record HopReport(List<HopStats> hops) implements Measurement {

  public HopReport {
    hops = List.copyOf(hops);
  }

  @Override
  public String kind() {
    return "hopstats";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.hopStats(this);
  }
}
