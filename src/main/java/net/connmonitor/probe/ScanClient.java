package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.connmonitor.vertx.EventLoops;

/**
 * What every host's scans share: a TCP client per local address the probes leave from, and an event-loop context on
 * each of Vert.x's event loops. A scan runs its three dialogues on three different loops, so that one service's
 * work (a TLS handshake costs milliseconds of CPU) does not stretch the time measured for another; hosts start on
 * different loops, so that thousands of scans spread over them all, and no host costs a context of its own.
 */
public final class ScanClient {

  private final Vertx vertx;
  private final List<Context> contexts;
  private final Map<Origin, NetClient> clients = new ConcurrentHashMap<>();

  /**
   * How a scan's connections leave: from which local address, with which TOS or traffic class byte.
   *
   * @param localAddress the address, or the system's choice
   * @param tos          the byte; 0 leaves the system's
   */
  public record Origin(Optional<String> localAddress, int tos) {
    /** The system's choice of both. */
    public static final Origin ANY = new Origin(Optional.empty(), 0);
  }

  private ScanClient(Vertx vertx, List<Context> contexts) {
    this.vertx = vertx;
    this.contexts = List.copyOf(contexts);
    clients.put(Origin.ANY, vertx.createNetClient());
  }

  /** Call it on the context that owns the scans (the monitor's): Vert.x closes its clients with that context. */
  public static ScanClient create(Vertx vertx) {
    return new ScanClient(vertx, EventLoops.contextOnEach(vertx));
  }

  /**
   * Makes the clients of these origins, on the owner's context: a client made on a host's context would be closed
   * with that host, under the others that share it.
   */
  public void prepare(Collection<Origin> origins) {
    origins.forEach(origin -> clients.computeIfAbsent(origin, wanted -> {
      NetClientOptions options = new NetClientOptions();
      wanted.localAddress().ifPresent(options::setLocalAddress);
      if (wanted.tos() != 0) {
        options.setTrafficClass(wanted.tos());
      }
      return vertx.createNetClient(options);
    }));
  }

  /** The client whose connections leave as {@code origin} says ({@linkplain #prepare prepared}), or the system's. */
  NetClient client(Origin origin) {
    return clients.getOrDefault(origin, clients.get(Origin.ANY));
  }

  /** The context of the {@code service}th dialogue (0, 1, 2) of a scan whose first dialogue runs on {@code first}. */
  Context context(int first, int service) {
    return contexts.get(Math.floorMod(first + service, contexts.size()));
  }

  public Future<Void> close() {
    return Future.join(clients.values().stream().map(NetClient::close).toList()).mapEmpty();
  }
}
