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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import net.connmonitor.vertx.EventLoops;

/**
 * What every host's scans share: a TCP client per local address the probes leave from, and an event-loop context on
 * each of Vert.x's event loops. A scan runs its three dialogues on three different loops, so that one service's
 * work (a TLS handshake costs milliseconds of CPU) does not stretch the time measured for another; hosts start on
 * different loops, so that thousands of scans spread over them all, and no host costs a context of its own. And what
 * the first scan waits for: a {@link WarmUp}; and the judge of the servers' certificate chains, whose trust store a
 * worker reads from disk while the first scan waits for the warm-up (only a monitor that scans pays for it), so that
 * no event loop waits for the disk.
 */
public final class ScanClient {

  private final Vertx vertx;
  private final List<Context> contexts;
  private final WarmUp warmUp;
  private final Callable<ChainCheck> readChains;
  /** Made by the first scan; guarded by {@code this}. */
  private CompletionStage<ChainCheck> chains;
  private final Map<Origin, NetClient> clients = new ConcurrentHashMap<>();

  /**
   * What a scan waits for before it runs, so that a first scan reads as later ones do: the work a fresh process
   * spends on its first scan, paid beforehand. It is asked at every scan, and answers each time with the same stage
   * once it has begun.
   */
  @FunctionalInterface
  public interface WarmUp {

    /** Completes when the scans may run, however the warm-up went; never fails. */
    CompletionStage<Void> of(Vertx vertx, ScanClient scanner);
  }

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

  private ScanClient(Vertx vertx, List<Context> contexts, WarmUp warmUp, Callable<ChainCheck> readChains) {
    this.vertx = vertx;
    this.contexts = List.copyOf(contexts);
    this.warmUp = warmUp;
    this.readChains = readChains;
    clients.put(Origin.ANY, vertx.createNetClient());
  }

  /**
   * Call it on the context that owns the scans (the monitor's): Vert.x closes its clients with that context.
   *
   * @param warmUp what every scan waits for
   */
  public static ScanClient create(Vertx vertx, WarmUp warmUp) {
    return create(vertx, warmUp, ChainCheck::ofSystem);
  }

  /** @param readChains makes the judge of certificate chains; run on a worker */
  static ScanClient create(Vertx vertx, WarmUp warmUp, Callable<ChainCheck> readChains) {
    return new ScanClient(vertx, EventLoops.contextOnEach(vertx), warmUp, readChains);
  }

  /** What a scan waits for before it runs; the trust store is read meanwhile. */
  CompletionStage<Void> warmedUp() {
    chains();
    return warmUp.of(vertx, this);
  }

  /**
   * The judge of certificate chains, once a worker has read the trust store (the first call has it read); fails if
   * it could not be.
   */
  synchronized CompletionStage<ChainCheck> chains() {
    if (chains == null) {
      // Unordered: it waits for no other blocking work of the caller's context, nor holds any up.
      chains = vertx.executeBlocking(readChains, false).toCompletionStage();
    }
    return chains;
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

  /**
   * The context of the {@code service}th dialogue (0, 1, 2) of a scan whose first dialogue runs on {@code first}: an
   * event loop's, which lives as long as the owner of the scans, not as long as one host.
   */
  public Context context(int first, int service) {
    return contexts.get(Math.floorMod(first + service, contexts.size()));
  }

  public Future<Void> close() {
    return Future.join(clients.values().stream().map(NetClient::close).toList()).mapEmpty();
  }
}
