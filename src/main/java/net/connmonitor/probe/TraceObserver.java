package net.connmonitor.probe;

import java.util.OptionalInt;

/**
 * Sees every trace of a host, printed or not: only a trace whose route changed is handed on as a record, and the
 * metrics and the hop statistics need them all.
 */
@FunctionalInterface
public interface TraceObserver {

  TraceObserver NONE = (trace, changed, hops) -> { };

  /**
   * @param changed whether the trace changed the known route (the first trace of a host changes nothing: there was
   *                no route before it)
   * @param hops    the hop number at which the known route ends, once a trace has reached an end
   */
  void trace(Trace trace, boolean changed, OptionalInt hops);
}
