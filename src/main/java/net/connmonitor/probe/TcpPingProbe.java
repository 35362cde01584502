package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import net.connmonitor.vertx.EventLoops;

/**
 * A burst of TCP pings to one host: {@code count} handshakes to each of its ports, all at once as a ping burst sends
 * its echo requests, summed up per port as {@link TcpPortStats}.
 */
public final class TcpPingProbe implements Probe<TcpPing> {

  private final InetAddress target;
  private final List<Integer> ports;
  private final int count;
  private final Context context;
  private final TcpHandshake handshake;

  /**
   * @param context      the host verticle's context: the connections live on its event loop
   * @param localAddress the address the connections leave from, or the system's choice
   * @param tos          the TOS or traffic class byte of their packets; 0 leaves the system's
   */
  public TcpPingProbe(Context context, InetAddress target, List<Integer> ports, int count, Duration timeout,
      Optional<String> localAddress, int tos) {
    this(context, target, ports, count, new TcpHandshake(EventLoops.of(context), localAddress, tos, timeout,
        ConnectionSlots.ofProcess()));
  }

  TcpPingProbe(Context context, InetAddress target, List<Integer> ports, int count, TcpHandshake handshake) {
    this.target = target;
    this.ports = List.copyOf(ports);
    this.count = count;
    this.context = context;
    this.handshake = handshake;
  }

  @Override
  public Future<TcpPing> run() {
    List<CompletableFuture<TcpHandshake.Result>> attempts = new ArrayList<>(ports.size() * count);
    for (int port : ports) {
      InetSocketAddress server = new InetSocketAddress(target, port);
      for (int i = 0; i < count; i++) {
        attempts.add(handshake.attempt(server).toCompletableFuture());
      }
    }
    CompletableFuture<TcpPing> burst = CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
        .thenApply(all -> summary(attempts));
    return Future.fromCompletionStage(burst, context);
  }

  private TcpPing summary(List<CompletableFuture<TcpHandshake.Result>> attempts) {
    SortedMap<Integer, TcpPortStats> stats = new TreeMap<>();
    for (int p = 0; p < ports.size(); p++) {
      List<Double> rtts = new ArrayList<>(count);
      int refused = 0;
      for (CompletableFuture<TcpHandshake.Result> attempt : attempts.subList(p * count, (p + 1) * count)) {
        TcpHandshake.Result result = attempt.join();
        switch (result.outcome()) {
          case ANSWERED -> rtts.add(result.rttMs());
          case REFUSED -> refused++;
          case LOST -> { }
        }
      }
      stats.put(ports.get(p), TcpPortStats.of(count, rtts, refused));
    }
    return new TcpPing(stats);
  }
}
