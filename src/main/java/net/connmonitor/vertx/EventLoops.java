package net.connmonitor.vertx;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's only use of Vert.x's internal API, for what Vert.x offers no public way to do: the Netty event loop
 * behind a context, on which a host's ICMP socket is registered so that its requests and answers never cross
 * threads, and event-loop contexts on chosen loops, on which scan dialogues run apart from each other.
 */
public final class EventLoops {

  private EventLoops() {
  }

  /** The Netty event loop that runs {@code context}'s tasks. */
  public static EventLoop of(Context context) {
    return ((ContextInternal) context).nettyEventLoop();
  }

  /** A new event-loop context on each of Vert.x's event loops. */
  public static List<Context> contextOnEach(Vertx vertx) {
    VertxInternal internal = (VertxInternal) vertx;
    List<Context> contexts = new ArrayList<>();
    // Each new context takes the next loop in turn: as many contexts as loops take each loop once.
    internal.nettyEventLoopGroup().forEach(loop -> contexts.add(internal.createEventLoopContext()));
    return contexts;
  }
}
