package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.PingRecords;
import net.connmonitor.icmp.Departure;
import net.connmonitor.icmp.EchoSession;
import net.connmonitor.icmp.IcmpChannels;
import net.connmonitor.icmp.IcmpFamily;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.metrics.HostLabels;
import net.connmonitor.metrics.HostMetrics;
import net.connmonitor.metrics.MonitorMetrics;
import net.connmonitor.metrics.NameMetrics;
import net.connmonitor.output.OutputStyle;
import net.connmonitor.probe.HopReporter;
import net.connmonitor.probe.PingProbe;
import net.connmonitor.probe.PingRecordFilter;
import net.connmonitor.probe.PingStats;
import net.connmonitor.probe.ProbeLoop;
import net.connmonitor.probe.RouteChangeFilter;
import net.connmonitor.probe.Scan;
import net.connmonitor.probe.ScanClient;
import net.connmonitor.probe.ScanProbe;
import net.connmonitor.probe.TcpPing;
import net.connmonitor.probe.TcpPingProbe;
import net.connmonitor.probe.TraceObserver;
import net.connmonitor.probe.TraceProbe;
import net.connmonitor.record.Target;
import net.connmonitor.vertx.EventLoops;

/**
 * Measures one configured host: its ping, TCP ping, trace and scan loops, each on its own interval and starting at
 * its own phase, at the address its {@link AddressWatch} finds, and again at each new one. An event-loop verticle:
 * its ICMP channel and its TCP pings' connections are registered on the same loop, and the scan's sockets deliver
 * their bytes there, so nothing it measures waits for a hop between threads. Stopping lets every probe in flight
 * finish and publish its record.
 */
public final class HostVerticle extends VerticleBase {

  private final HostConfig config;
  private final IcmpChannels icmp;
  private final ScanClient scanClient;
  private final int configuredHosts;
  private final MonitorMetrics metrics;
  private final Optional<String> vantage;
  private final PingRecords pingRecords;
  /** Whether its name resolves; closed when the host stops. */
  private NameMetrics name = NameMetrics.NONE;
  /** The series of the address measured now; closed with its loops, so that no series mixes two addresses. */
  private HostMetrics series = HostMetrics.NONE;
  private final List<ProbeLoop<?>> loops = new ArrayList<>();
  private Optional<EchoSession> echoSession = Optional.empty();
  private AddressWatch address;
  /** Moves from one address to the next, one after the other. */
  private Future<Void> moving = Future.succeededFuture();
  /** Once started, a failure to measure a new address is said here; before, it fails the deployment, which says it. */
  private boolean started;

  /**
   * @param icmp            the monitor's ICMP channels, shared by every host
   * @param scanClient      what every host's scans share
   * @param configuredHosts how many hosts the configuration has: the loops' first runs spread over more time when
   *                        there are more of them
   * @param metrics         where the measurements go besides the records
   * @param vantage         in a cluster, this node's name, which its records carry
   * @param pingRecords     which ping records are printed when the host line does not say
   */
  public HostVerticle(HostConfig config, IcmpChannels icmp, ScanClient scanClient, int configuredHosts,
      MonitorMetrics metrics, Optional<String> vantage, PingRecords pingRecords) {
    this.config = config;
    this.icmp = icmp;
    this.scanClient = scanClient;
    this.configuredHosts = configuredHosts;
    this.metrics = metrics;
    this.vantage = vantage;
    this.pingRecords = pingRecords;
  }

  /**
   * Fails when the host cannot be measured at all (no ICMP socket); a name that does not resolve yet is no
   * failure: it is tried again.
   */
  @Override
  public Future<?> start() {
    name = metrics.name(HostLabels.of(config));
    address = new AddressWatch(vertx, context, config.host(), config.addressFamily(), this::measureAt, name);
    // A host that cannot start is never stopped: its name's series goes here.
    return address.start().compose(looked -> moving).onSuccess(done -> started = true).onFailure(e -> name.close());
  }

  /** Looks the host's name up again, as a reload asks. */
  void refreshAddress() {
    address.refresh();
  }

  /** Whether the host has an address to measure. */
  boolean resolved() {
    return address != null && address.resolved();
  }

  private void measureAt(InetAddress target) {
    moving = moving.transform(previous -> stopLoops())
        .compose(stopped -> egress(target))
        .compose(egress -> session(target, egress.departure()).map(session -> {
          echoSession = session;
          startLoops(target, egress);
          return null;
        }));
    if (started) {
      moving.onFailure(e -> Log.error("Host", config.host() + ": " + Problems.describe(e)));
    }
  }

  private Future<Egress> egress(InetAddress target) {
    try {
      return Future.succeededFuture(Egress.of(config, target));
    } catch (HostUnusableException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The host's use of the ICMP channel of its address family on this verticle's event loop, when it pings or traces.
   */
  private Future<Optional<EchoSession>> session(InetAddress target, Departure departure) {
    if (config.pingIntervalMs() == 0 && config.traceIntervalMs() == 0) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.fromCompletionStage(icmp.channel(EventLoops.of(context), IcmpFamily.of(target)), context)
        .map(channel -> Optional.of(channel.session(target, departure)))
        .recover(e -> Future.failedFuture(new HostUnusableException(Problems.describe(e))));
  }

  private void startLoops(InetAddress address, Egress egress) {
    Target target = new Target(config.host(), NetUtil.toAddressString(address), config.labels(), config.source(),
        config.interfaceName());
    series = metrics.host(HostLabels.of(config), target.address());
    HostMetrics measured = series;
    RecordPublisher publisher =
        new RecordPublisher(vertx.eventBus(), target, new OutputStyle(config.json(), config.timestamp()), vantage);
    Duration timeout = Duration.ofNanos(Math.round(config.timeoutMs() * 1_000_000));
    String host = config.host();
    echoSession.ifPresent(session -> {
      if (config.pingIntervalMs() > 0) {
        PingProbe ping = new PingProbe(session, config.numPings(), config.payloadBytes(), timeout, context, measured);
        PingRecordFilter printed = new PingRecordFilter(config.pingRecords().orElse(pingRecords));
        Consumer<PingStats> sink = burst -> {
          burst.replyTtl().flatMap(ttl -> ttl.changedFrom().isPresent() ? Optional.of(ttl) : Optional.empty())
              .ifPresent(ttl -> Log.info(host + " " + target.address() + ": replies arrive with TTL " + ttl.ttl()
                  + " instead of " + ttl.changedFrom().getAsInt() + ": the path back, or the host, changed"));
          publisher.publish(burst, printed.printed(burst));
        };
        start(new ProbeLoop<>(vertx, ping, config.pingIntervalMs(), sink, "ping of " + host), "ping",
            config.pingIntervalMs());
      }
      if (config.traceIntervalMs() > 0) {
        TraceProbe trace = new TraceProbe(session, config.maxHops(), timeout, context);
        TraceObserver observer = measured;
        if (config.hopStats() > 0) {
          HopReporter hops = new HopReporter(config.hopStats(), measured, publisher::publish);
          observer = (traced, changed, endHop) -> {
            measured.trace(traced, changed, endHop);
            hops.trace(traced, changed, endHop);
          };
        }
        RouteChangeFilter changes = new RouteChangeFilter(publisher::publish, observer);
        start(new ProbeLoop<>(vertx, trace, config.traceIntervalMs(), changes, "trace of " + host), "trace",
            config.traceIntervalMs());
      }
    });
    if (!config.tcpPorts().isEmpty()) {
      TcpPingProbe tcp = new TcpPingProbe(context, address, config.tcpPorts(), config.numPings(), timeout,
          egress.tcpSource(), config.tos());
      Consumer<TcpPing> sink = burst -> {
        measured.tcp(burst);
        publisher.publish(burst);
      };
      start(new ProbeLoop<>(vertx, tcp, config.pingIntervalMs(), sink, "TCP ping of " + host), "tcp",
          config.pingIntervalMs());
    }
    if (config.scanIntervalMs() > 0) {
      ScanProbe scan = new ScanProbe(vertx, scanClient, target.name(), target.address(), egress.scanOrigin(config),
          timeout);
      Consumer<Scan> sink = measurement -> {
        measured.scan(measurement);
        publisher.publish(measurement);
      };
      start(new ProbeLoop<>(vertx, scan, config.scanIntervalMs(), sink, "scan of " + host), "scan",
          config.scanIntervalMs());
    }
    if (loops.isEmpty()) {
      Log.warn(host + ": ping, trace and scan are all 0, so nothing is measured");
    }
  }

  private void start(ProbeLoop<?> loop, String kind, double intervalMs) {
    loops.add(loop);
    loop.start(StartPhase.delayMs(config.host(), kind, intervalMs, configuredHosts));
  }

  /** Lets the probes in flight finish and publish, then releases the ICMP session and the address's series. */
  private Future<Void> stopLoops() {
    List<Future<Void>> stopping = loops.stream().map(ProbeLoop::stop).toList();
    loops.clear();
    Optional<EchoSession> session = echoSession;
    echoSession = Optional.empty();
    HostMetrics measured = series;
    series = HostMetrics.NONE;
    return Future.join(stopping).<Void>mapEmpty().otherwiseEmpty().andThen(done -> {
      session.ifPresent(EchoSession::close);
      measured.close();
    });
  }

  @Override
  public Future<?> stop() {
    address.stop();
    return moving.transform(done -> stopLoops()).andThen(done -> name.close());
  }
}
