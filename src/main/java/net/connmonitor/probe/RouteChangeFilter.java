package net.connmonitor.probe;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hands a trace on only when the route changed: the first trace always, then a trace that contradicts the host's
 * known route. Confined to the context of its host.
 *
 * <p>The known route is, per hop number, the last address that answered there, and where the route ends (see
 * {@link KnownRoute}). Silence proves nothing (routers rate-limit their ICMP errors), so a silent step never
 * changes the known route, and an answer where nothing was known is learnt without a word. The route changed when
 * a hop answers with another address than the known one, or the end moved: it answers from another address, or at
 * hops where it cannot be given what is known (nearer, or farther, than the known range; a router answering at or
 * past it; the end before a known router). A trace that reaches no end (its last step silent: the destination did
 * not answer, or not within the hop limit) says nothing about the end; when no end was known, the first one seen
 * is learnt like any unknown hop. A changed trace is handed on and the known route starts again from it alone.
 * Round-trip times never count.
 *
 * <p>Every trace, handed on or not, goes to an observer with what it did to the known route.
 */
public final class RouteChangeFilter implements Consumer<Trace> {

  private final Consumer<? super Trace> sink;
  private final TraceObserver observer;
  private Optional<KnownRoute> known = Optional.empty();

  public RouteChangeFilter(Consumer<? super Trace> sink, TraceObserver observer) {
    this.sink = sink;
    this.observer = observer;
  }

  @Override
  public void accept(Trace trace) {
    KnownRoute shown = KnownRoute.of(trace);
    Optional<KnownRoute> learnt = known.flatMap(route -> route.with(shown));
    boolean first = known.isEmpty();
    known = Optional.of(learnt.orElse(shown));
    observer.trace(trace, learnt.isEmpty() && !first, known.get().endHop());
    if (learnt.isEmpty()) {
      sink.accept(trace);
    }
  }
}
