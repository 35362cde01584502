package net.connmonitor.probe;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A host's hop statistics ({@code hopstats=N}): after each trace, each hop's figures over the last N traces go to an
 * observer (the metrics); after every N-th, they go out as a record too, so that consecutive records are over
 * traces of their own, as mtr's reports one after the other would be; none when no hop answered in those traces.
 * Sees every trace, printed or not, with where
 * the known route ends (see {@link RouteChangeFilter}). Confined to the context of its host.
 */
public final class HopReporter implements TraceObserver {

  private final int traces;
  private final HopStatistics window;
  private final HopObserver observer;
  private final Consumer<? super HopReport> sink;
  private int sinceReport;

  /**
   * @param traces   how many traces each record is over
   * @param observer sees the figures after every trace
   * @param sink     takes each record
   */
  public HopReporter(int traces, HopObserver observer, Consumer<? super HopReport> sink) {
    this.traces = traces;
    this.window = new HopStatistics(traces);
    this.observer = observer;
    this.sink = sink;
  }

  @Override
  public void trace(Trace trace, boolean changed, OptionalInt endHop) {
    window.add(trace);
    List<HopStats> hops = window.hops(endHop);
    observer.hops(hops);
    sinceReport++;
    if (sinceReport == traces) {
      sinceReport = 0;
      // Where no hop answered there are no hops to report, and a record has a body.
      if (!hops.isEmpty()) {
        sink.accept(new HopReport(hops));
      }
    }
  }
}
