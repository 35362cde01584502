package net.connmonitor.probe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;

/**
 * Each hop's loss and round-trip times over a host's last traces, as mtr shows them. Pure: no socket, no clock.
 *
 * <p>A hop is a hop number, whatever addresses answered there: a router that is replaced is the same hop, named by
 * the last address that answered. The hops counted are those up to where the known route ends; while no end is
 * known, up to the farthest hop that answered in these traces: the silent steps past the destination that a trace
 * without an answer from it runs to its hop limit are not hops of the route. A trace that did not probe a hop
 * number (it ended nearer) does not count for it, and a hop number no trace probed is left out.
 */
public final class HopStatistics {

  private final int traces;
  private final Deque<Trace> window = new ArrayDeque<>();

  /** @param traces how many traces the figures are over, the newest */
  public HopStatistics(int traces) {
    this.traces = traces;
  }

  /** Adds a trace, forgetting the oldest when there are more than the window holds. */
  public void add(Trace trace) {
    window.addLast(trace);
    if (window.size() > traces) {
      window.removeFirst();
    }
  }

  /**
   * @param endHop the hop number at which the known route ends, if a trace has reached an end
   * @return one entry per hop number, nearest first
   */
  public List<HopStats> hops(OptionalInt endHop) {
    int last = endHop.orElse(farthestAnswer());
    List<HopStats> hops = new ArrayList<>(last);
    for (int hop = 1; hop <= last; hop++) {
      HopStats stats = hop(hop);
      if (stats.sent() > 0) {
        hops.add(stats);
      }
    }
    return hops;
  }

  private int farthestAnswer() {
    int farthest = 0;
    for (Trace trace : window) {
      List<TraceStep> steps = trace.steps();
      for (int index = steps.size() - 1; index >= farthest; index--) {
        if (steps.get(index).answered()) {
          farthest = index + 1;
          break;
        }
      }
    }
    return farthest;
  }

  private HopStats hop(int hop) {
    int sent = 0;
    String address = null;
    List<Double> rtts = new ArrayList<>();
    for (Trace trace : window) {
      if (trace.steps().size() < hop) {
        continue;
      }
      sent++;
      TraceStep step = trace.steps().get(hop - 1);
      if (step.answered()) {
        address = step.address();
        rtts.add(step.rttMs());
      }
    }
    if (rtts.isEmpty()) {
      return new HopStats(hop, null, sent, sent, -1, -1, -1, -1, -1);
    }
    RttSummary summary = RttSummary.of(rtts);
    return new HopStats(hop, address, sent, sent - rtts.size(), rtts.get(rtts.size() - 1), summary.avg(),
        summary.min(), summary.max(), summary.std());
  }
}
