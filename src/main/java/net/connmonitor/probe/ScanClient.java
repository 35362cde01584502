package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.List;
import net.connmonitor.vertx.EventLoops;

/**
 * What every host's scans share: one TCP client, and an event-loop context on each of Vert.x's event loops. A scan
 * runs its three dialogues on three different loops, so that one service's work (a TLS handshake costs
 * milliseconds of CPU) does not stretch the time measured for another; hosts start on different loops, so that
 * thousands of scans spread over them all, and no host costs a context of its own.
 *
 * @param contexts at least one; as many as Vert.x has event loops
 */
public record ScanClient(NetClient client, List<Context> contexts) {

  public ScanClient {
    contexts = List.copyOf(contexts);
  }

  public static ScanClient create(Vertx vertx) {
    return new ScanClient(vertx.createNetClient(), EventLoops.contextOnEach(vertx));
  }

  /** The context of the {@code service}th dialogue (0, 1, 2) of a scan whose first dialogue runs on {@code first}. */
  Context context(int first, int service) {
    return contexts.get(Math.floorMod(first + service, contexts.size()));
  }

  public Future<Void> close() {
    return client.close();
  }
}
