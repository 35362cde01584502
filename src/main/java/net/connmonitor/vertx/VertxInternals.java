package net.connmonitor.vertx;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

/**
 * The monitor's only use of Vert.x's internal API, for what Vert.x offers no public way to do: the Netty event loop
 * behind a context, on which a host's ICMP socket is registered so that its requests and answers never cross
 * threads, and new event-loop contexts, on which scan dialogues run apart from each other.
 */
public final class VertxInternals {

  private VertxInternals() {
  }

  /** The Netty event loop that runs {@code context}'s tasks. */
  public static EventLoop eventLoop(Context context) {
    return ((ContextInternal) context).nettyEventLoop();
  }

  /** A new event-loop context, on the next of Vert.x's event loops. */
  public static Context newEventLoopContext(Vertx vertx) {
    return ((VertxInternal) vertx).createEventLoopContext();
  }
}
