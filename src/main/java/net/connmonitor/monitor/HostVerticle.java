package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.connmonitor.config.HostConfig;
import net.connmonitor.icmp.EchoSession;
import net.connmonitor.icmp.IcmpChannels;
import net.connmonitor.icmp.IcmpFamily;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.output.OutputStyle;
import net.connmonitor.probe.PingProbe;
import net.connmonitor.probe.ProbeLoop;
import net.connmonitor.probe.RouteChangeFilter;
import net.connmonitor.probe.ScanProbe;
import net.connmonitor.probe.TraceProbe;
import net.connmonitor.record.Target;
import net.connmonitor.vertx.VertxInternals;

/**
 * Measures one configured host: its ping, trace and scan loops, each on its own interval and starting at its own
 * phase. An event-loop verticle: its ICMP channel is registered on the same loop, and the scan's sockets deliver
 * their bytes there, so nothing it measures waits for a hop between threads. Only the system resolver blocks, for a
 * host given by name; it runs in {@code executeBlocking}. Stopping lets every probe in flight finish and publish its
 * record.
 */
public final class HostVerticle extends VerticleBase {

  private final HostConfig config;
  private final IcmpChannels icmp;
  private final NetClient scanClient;
  private final int configuredHosts;
  private final List<ProbeLoop<?>> loops = new ArrayList<>();
  private Optional<EchoSession> echoSession = Optional.empty();

  /**
   * @param icmp            the monitor's ICMP channels, shared by every host
   * @param scanClient      the monitor's TCP client for scans, shared by every host
   * @param configuredHosts how many hosts the configuration has: the loops' first runs spread over more time when
   *                        there are more of them
   */
  public HostVerticle(HostConfig config, IcmpChannels icmp, NetClient scanClient, int configuredHosts) {
    this.config = config;
    this.icmp = icmp;
    this.scanClient = scanClient;
    this.configuredHosts = configuredHosts;
  }

  @Override
  public Future<?> start() {
    return address().compose(address -> session(address).map(session -> {
      echoSession = session;
      startLoops(address);
      return null;
    }));
  }

  private Future<InetAddress> address() {
    String host = config.host();
    // A literal is parsed, not looked up: ten thousand of them must not queue for the blocking resolver.
    if (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host)) {
      try {
        return Future.succeededFuture(HostResolver.resolve(host));
      } catch (UnknownHostException e) {
        return Future.failedFuture(new HostUnusableException("not an address (" + e.getMessage() + ")"));
      }
    }
    return vertx.executeBlocking(() -> {
      try {
        return HostResolver.resolve(host);
      } catch (UnknownHostException e) {
        throw new HostUnusableException("cannot resolve it (" + e.getMessage() + ")");
      }
    });
  }

  /** The host's use of the ICMP channel of its address family on this verticle's event loop, when it pings or traces. */
  private Future<Optional<EchoSession>> session(InetAddress address) {
    if (config.pingIntervalMs() == 0 && config.traceIntervalMs() == 0) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.fromCompletionStage(icmp.channel(VertxInternals.eventLoop(context), IcmpFamily.of(address)), context)
        .map(channel -> Optional.of(channel.session(address)))
        .recover(e -> Future.failedFuture(new HostUnusableException(Problems.describe(e))));
  }

  private void startLoops(InetAddress address) {
    Target target = new Target(config.host(), NetUtil.toAddressString(address));
    RecordPublisher publisher =
        new RecordPublisher(vertx.eventBus(), target, new OutputStyle(config.json(), config.timestamp()));
    Duration timeout = Duration.ofNanos(Math.round(config.timeoutMs() * 1_000_000));
    String host = config.host();
    echoSession.ifPresent(session -> {
      if (config.pingIntervalMs() > 0) {
        PingProbe ping = new PingProbe(session, config.numPings(), config.payloadBytes(), timeout, context);
        start(new ProbeLoop<>(vertx, ping, config.pingIntervalMs(), publisher::publish, "ping of " + host),
            "ping", config.pingIntervalMs());
      }
      if (config.traceIntervalMs() > 0) {
        TraceProbe trace = new TraceProbe(session, config.maxHops(), timeout, context);
        start(new ProbeLoop<>(vertx, trace, config.traceIntervalMs(), new RouteChangeFilter(publisher::publish),
            "trace of " + host), "trace", config.traceIntervalMs());
      }
    });
    if (config.scanIntervalMs() > 0) {
      ScanProbe scan = new ScanProbe(vertx, scanClient, target, timeout);
      start(new ProbeLoop<>(vertx, scan, config.scanIntervalMs(), publisher::publish, "scan of " + host),
          "scan", config.scanIntervalMs());
    }
    if (loops.isEmpty()) {
      Log.warn(host + ": ping, trace and scan are all 0, so nothing is measured");
    }
  }

  private void start(ProbeLoop<?> loop, String kind, double intervalMs) {
    loops.add(loop);
    loop.start(StartPhase.delayMs(config.host(), kind, intervalMs, configuredHosts));
  }

  @Override
  public Future<?> stop() {
    return Future.join(loops.stream().map(ProbeLoop::stop).toList())
        .andThen(done -> echoSession.ifPresent(EchoSession::close));
  }
}
