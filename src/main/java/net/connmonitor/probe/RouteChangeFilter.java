package net.connmonitor.probe;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a trace on only when its route differs from the last one handed on (SPEC §3): the first trace always,
 * then only changes, round-trip times and silent steps aside. Confined to the context of its host.
 */
public final class RouteChangeFilter implements Consumer<Trace> {

  private final Consumer<? super Trace> sink;
  private List<String> lastRoute;

  public RouteChangeFilter(Consumer<? super Trace> sink) {
    this.sink = sink;
  }

  @Override
  public void accept(Trace trace) {
    List<String> route = trace.route();
    if (!route.equals(lastRoute)) {
      lastRoute = route;
      sink.accept(trace);
    }
  }
}
