package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.connmonitor.config.HostConfig;
import net.connmonitor.icmp.EchoSession;
import net.connmonitor.icmp.IcmpChannels;
import net.connmonitor.icmp.IcmpFamily;
import net.connmonitor.icmp.IcmpUnavailableException;
import net.connmonitor.log.Log;
import net.connmonitor.output.OutputStyle;
import net.connmonitor.probe.PingProbe;
import net.connmonitor.probe.ProbeLoop;
import net.connmonitor.record.Target;

/**
 * Measures one configured host: its probe loops, each on its own interval. Deployed as a worker verticle, so
 * resolving the host and opening the ICMP channel may block in {@link #start()}. Stopping lets every probe in
 * flight finish and publish its record.
 */
public final class HostVerticle extends VerticleBase {

  private final HostConfig config;
  private final IcmpChannels icmp;
  private final List<ProbeLoop<?>> loops = new ArrayList<>();
  private EchoSession echoSession;

  public HostVerticle(HostConfig config, IcmpChannels icmp) {
    this.config = config;
    this.icmp = icmp;
  }

  @Override
  public Future<?> start() {
    InetAddress address;
    try {
      address = HostResolver.resolve(config.host());
    } catch (UnknownHostException e) {
      return Future.failedFuture(new HostUnusableException("cannot resolve it (" + e.getMessage() + ")"));
    }
    Target target = new Target(config.host(), NetUtil.toAddressString(address));
    RecordPublisher publisher =
        new RecordPublisher(vertx.eventBus(), target, new OutputStyle(config.json(), config.timestamp()));
    Duration timeout = Duration.ofNanos(Math.round(config.timeoutMs() * 1_000_000));
    if (config.pingIntervalMs() > 0) {
      try {
        echoSession = icmp.channel(IcmpFamily.of(address)).session(address);
      } catch (IcmpUnavailableException e) {
        return Future.failedFuture(new HostUnusableException(e.getMessage()));
      }
      PingProbe ping = new PingProbe(echoSession, config.numPings(), config.payloadBytes(), timeout, context);
      loops.add(new ProbeLoop<>(vertx, ping, config.pingIntervalMs(), publisher::publish, "ping of " + config.host()));
    }
    if (config.traceIntervalMs() > 0 || config.scanIntervalMs() > 0) {
      // Accepted so that files written for connvitals-monitor keep working; the operator should know.
      Log.warn(config.host() + ": trace and scan are not measured by this version, only ping");
    } else if (loops.isEmpty()) {
      Log.warn(config.host() + ": ping, trace and scan are all 0, so nothing is measured");
    }
    loops.forEach(ProbeLoop::start);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return Future.join(loops.stream().map(ProbeLoop::stop).toList())
        .andThen(done -> {
          if (echoSession != null) {
            echoSession.close();
          }
        });
  }
}
