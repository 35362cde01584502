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
import net.connmonitor.icmp.IcmpUnavailableException;
import net.connmonitor.log.Log;
import net.connmonitor.output.OutputStyle;
import net.connmonitor.probe.PingProbe;
import net.connmonitor.probe.ProbeLoop;
import net.connmonitor.probe.RouteChangeFilter;
import net.connmonitor.probe.ScanProbe;
import net.connmonitor.probe.TraceProbe;
import net.connmonitor.record.Target;

/**
 * Measures one configured host: its ping, trace and scan loops, each on its own interval. An event-loop verticle:
 * the scan's sockets then deliver their bytes on the thread that reads them, so round-trip times are not
 * stretched by a hop to a worker thread; what blocks (resolving the host, opening the ICMP channel) runs in
 * {@code executeBlocking}. Stopping lets every probe in flight finish and publish its record.
 */
public final class HostVerticle extends VerticleBase {

  private final HostConfig config;
  private final IcmpChannels icmp;
  private final NetClient scanClient;
  private final List<ProbeLoop<?>> loops = new ArrayList<>();
  private Optional<EchoSession> echoSession = Optional.empty();

  /** What {@link #start()} needs that may block to get. */
  private record Resolved(InetAddress address, Optional<EchoSession> echoSession) {
  }

  /**
   * @param icmp       the monitor's ICMP channels, shared by every host
   * @param scanClient the monitor's TCP client for scans, shared by every host
   */
  public HostVerticle(HostConfig config, IcmpChannels icmp, NetClient scanClient) {
    this.config = config;
    this.icmp = icmp;
    this.scanClient = scanClient;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(this::resolve).onSuccess(this::startLoops);
  }

  private Resolved resolve() throws HostUnusableException {
    InetAddress address;
    try {
      address = HostResolver.resolve(config.host());
    } catch (UnknownHostException e) {
      throw new HostUnusableException("cannot resolve it (" + e.getMessage() + ")");
    }
    if (config.pingIntervalMs() == 0 && config.traceIntervalMs() == 0) {
      return new Resolved(address, Optional.empty());
    }
    try {
      return new Resolved(address, Optional.of(icmp.channel(IcmpFamily.of(address)).session(address)));
    } catch (IcmpUnavailableException e) {
      throw new HostUnusableException(e.getMessage());
    }
  }

  private void startLoops(Resolved resolved) {
    echoSession = resolved.echoSession();
    Target target = new Target(config.host(), NetUtil.toAddressString(resolved.address()));
    RecordPublisher publisher =
        new RecordPublisher(vertx.eventBus(), target, new OutputStyle(config.json(), config.timestamp()));
    Duration timeout = Duration.ofNanos(Math.round(config.timeoutMs() * 1_000_000));
    String host = config.host();
    echoSession.ifPresent(session -> {
      if (config.pingIntervalMs() > 0) {
        PingProbe ping = new PingProbe(session, config.numPings(), config.payloadBytes(), timeout, context);
        loops.add(new ProbeLoop<>(vertx, ping, config.pingIntervalMs(), publisher::publish, "ping of " + host));
      }
      Optional<String> untraceable = session.traceUnavailableReason();
      if (config.traceIntervalMs() > 0 && untraceable.isPresent()) {
        Log.warn(host + ": not traced: " + untraceable.get());
      } else if (config.traceIntervalMs() > 0) {
        TraceProbe trace = new TraceProbe(session, config.maxHops(), timeout, context);
        loops.add(new ProbeLoop<>(vertx, trace, config.traceIntervalMs(), new RouteChangeFilter(publisher::publish),
            "trace of " + host));
      }
    });
    if (config.scanIntervalMs() > 0) {
      ScanProbe scan = new ScanProbe(vertx, scanClient, target, timeout);
      loops.add(new ProbeLoop<>(vertx, scan, config.scanIntervalMs(), publisher::publish, "scan of " + host));
    }
    if (config.pingIntervalMs() == 0 && config.traceIntervalMs() == 0 && config.scanIntervalMs() == 0) {
      Log.warn(host + ": ping, trace and scan are all 0, so nothing is measured");
    }
    loops.forEach(ProbeLoop::start);
  }

  @Override
  public Future<?> stop() {
    return Future.join(loops.stream().map(ProbeLoop::stop).toList())
        .andThen(done -> echoSession.ifPresent(EchoSession::close));
  }
}
