package net.connmonitor.monitor;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import net.connmonitor.config.ConfigSource;
import net.connmonitor.config.ConnmonitorFormat;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.PingRecords;
import net.connmonitor.config.ParsedConfig;
import net.connmonitor.icmp.IcmpChannels;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.metrics.MonitorMetrics;
import net.connmonitor.os.MemoryLimit;
import net.connmonitor.probe.Punctuality;
import net.connmonitor.probe.ScanClient;
import net.connmonitor.warmup.ScanWarmUp;

/**
 * The main verticle: loads the configuration through vertx-config, deploys one {@link HostVerticle} per host line,
 * and applies every later version of the file (saved, or asked for on {@link #RELOAD_ADDRESS}) as a diff. What the
 * hosts measure also goes to its {@link MonitorMetrics}. Its {@link HostPlacement} says which of the hosts it runs:
 * in a cluster, a change of the members is applied as a diff too; its {@link ConfigurationShare} makes a file read
 * here the cluster's configuration, and applies the one another node read.
 *
 * <p>Deployment config: {@code {"path": FILE}} (absent: standard input) and optionally {@code "watchPeriodMs"}
 * (how often the file is checked for changes, default 1000; 0 turns watching off).
 */
public final class MonitorVerticle extends VerticleBase {

  /**
   * Any message sent here re-reads the configuration, as SIGHUP does; the reply is the {@link ReloadOutcome} as
   * JSON.
   */
  public static final String RELOAD_ADDRESS = "connmonitor.reload";

  private static final long DEFAULT_WATCH_PERIOD_MS = 1000;
  /** The key of the deployment's configuration that says which ping records are printed when a line does not. */
  public static final String PING_RECORDS = "pingRecords";
  private static final long PUNCTUALITY_REPORT_MS = 60_000;
  /** How soon a reload that found no file descriptor free is tried again. */
  private static final long RELOAD_RETRY_MS = 1000;
  private static final int DEPLOY_BATCH = 500;

  private final Promise<Integer> fatal = Promise.promise();
  private final IcmpChannels icmp = new IcmpChannels();
  private final MonitorMetrics metrics;
  private final HostPlacement placement;
  private final ConfigurationShare share;
  private final MemoryLimit memory;
  /** How many hosts the memory was last checked for: a configuration with more is checked again. */
  private int hostsChecked;
  /** The hosts of the configuration applied last, before placement; null until the first. */
  private List<HostConfig> configured;
  /** Shared by every host's scans; Vert.x closes it when this verticle is undeployed, after the hosts. */
  private ScanClient scanClient;
  private ConfigSource source;
  private ConfigRetriever retriever;
  private List<RunningHost> running = List.of();
  /** Configurations are applied one after the other, in the order they were read. */
  private Future<Void> applying = Future.succeededFuture();
  private boolean unreadableReported;
  private PingRecords pingRecords = PingRecords.ALL;
  /** Reloads asked for (SIGHUP, POST /-/reload) while one runs are answered by one more after it. */
  private final CoalescedTask<ReloadOutcome> reloads = new CoalescedTask<>(this::reload);
  /** A reload waits for a file descriptor to come free; it has been said once. */
  private boolean reloadRetrying;
  /** The timer of the next try of such a reload, or -1: one, however many reloads were asked meanwhile. */
  private long reloadRetry = -1;

  public MonitorVerticle() {
    this(MonitorMetrics.NONE);
  }

  public MonitorVerticle(MonitorMetrics metrics) {
    this(metrics, HostPlacement.ALONE, ConfigurationShare.ALONE, MemoryLimit.ofProcess(false));
  }

  /** @param memory says when the hosts measured here need more memory than the process has */
  public MonitorVerticle(MonitorMetrics metrics, HostPlacement placement, ConfigurationShare share,
      MemoryLimit memory) {
    this.metrics = metrics;
    this.placement = placement;
    this.share = share;
    this.memory = memory;
  }

  /**
   * Completes with an exit status when the monitor cannot go on: 1 when the configuration file could not be read
   * again on reload. Whoever deployed the monitor then undeploys it.
   */
  public Future<Integer> fatal() {
    return fatal.future();
  }

  @Override
  public Future<?> start() {
    source = ConfigSource.fromJson(config());
    pingRecords = PingRecords.written(config().getString(PING_RECORDS, "")).orElse(PingRecords.ALL);
    scanClient = ScanClient.create(vertx, ScanWarmUp::ofProcess);
    metrics.countDroppedAnswers(icmp::droppedAnswers);
    metrics.countLateRuns(Punctuality.ofProcess()::late, Punctuality.ofProcess()::skipped,
        Punctuality.ofProcess()::startDelays);
    vertx.setPeriodic(PUNCTUALITY_REPORT_MS, id -> Punctuality.ofProcess().report());
    long watchPeriod = source.isFile() ? config().getLong("watchPeriodMs", DEFAULT_WATCH_PERIOD_MS) : 0;
    retriever = ConfigRetriever.create(vertx, source.retrieverOptions(watchPeriod));
    // Before the first configuration is applied: members that come while it is are placed again once it is.
    placement.onChange(() -> context.runOnContext(changed -> {
      if (configured != null) {
        apply(configured, false);
      }
    }));
    return retriever.getConfig()
        .recover(e -> startFailure("cannot read " + source.describe() + " (" + reason(e) + ")"))
        .compose(json -> {
          ParsedConfig parsed = ConnmonitorFormat.parsed(json);
          if (!parsed.valid()) {
            logErrors(parsed);
            return startFailure(source.describe() + " has errors");
          }
          warnDuplicates(parsed);
          return share.offer(parsed.hosts(), false).compose(hosts -> apply(hosts, false))
              .onSuccess(notice -> metrics.configurationRead(true));
        })
        .compose(applied -> running.isEmpty() && placement.vantage().isEmpty()
            ? startFailure("no usable host in " + source.describe())
            : Future.succeededFuture())
        .onSuccess(started -> {
          retriever.listen(change -> {
            unreadableReported = false;
            reconcile(change.getNewConfiguration());
          });
          retriever.configStream().exceptionHandler(this::watchFailed);
          // Local: a reload asked here reads this node's file, whichever node of a cluster asks.
          vertx.eventBus().localConsumer(RELOAD_ADDRESS,
              message -> reloads.request().onSuccess(outcome -> message.reply(outcome.toJson())));
          share.onNewer(hosts -> context.runOnContext(newer -> apply(hosts, true)));
        });
  }

  /** Children (the host verticles) are undeployed by Vert.x before this runs, each finishing its probes first. */
  @Override
  public Future<?> stop() {
    return retriever.close()
        .eventually(() -> Future.fromCompletionStage(icmp.close(), context));
  }

  private Future<ReloadOutcome> reload() {
    if (!source.isFile()) {
      String problem = "the configuration came from standard input, which cannot be read again; "
          + "the running configuration stays";
      Log.error("Reload", problem);
      metrics.configurationRead(false);
      return Future.succeededFuture(new ReloadOutcome(ReloadOutcome.Result.NOT_A_FILE, List.of(problem)));
    }
    return retriever.getConfig()
        .compose(json -> {
          unreadableReported = false;
          reloadRetrying = false;
          return reconcile(json);
        }, e -> {
          if (Problems.isOutOfDescriptors(e)) {
            return Future.succeededFuture(retryReload(e));
          }
          reloadRetrying = false;
          String problem = "cannot read " + source.describe() + " (" + reason(e) + "); stopping";
          Log.error("Reload", problem);
          fatal.tryComplete(1);
          return Future.succeededFuture(new ReloadOutcome(ReloadOutcome.Result.UNREADABLE, List.of(problem)));
        });
  }

  /**
   * The process ran out of file descriptors (too many connections or probes at once, say): that is not the file
   * being unreadable, so the monitor keeps running as it is and reads the file again once a descriptor is free.
   */
  private ReloadOutcome retryReload(Throwable e) {
    String problem = "cannot read " + source.describe() + " now (" + reason(e) + "); the running configuration "
        + "stays and the reload is tried again every second";
    if (!reloadRetrying) {
      reloadRetrying = true;
      Log.warn("Reload: " + problem);
    }
    if (reloadRetry < 0) {
      reloadRetry = vertx.setTimer(RELOAD_RETRY_MS, retry -> {
        reloadRetry = -1;
        reloads.request();
      });
    }
    return new ReloadOutcome(ReloadOutcome.Result.RETRYING, List.of(problem));
  }

  private void watchFailed(Throwable e) {
    if (!unreadableReported) {
      unreadableReported = true;
      Log.warn("cannot read " + source.describe() + " (" + reason(e) + "); the running configuration stays");
    }
  }

  private Future<ReloadOutcome> reconcile(JsonObject json) {
    ParsedConfig parsed = ConnmonitorFormat.parsed(json);
    if (parsed.valid()) {
      warnDuplicates(parsed);
      return share.offer(parsed.hosts(), true).compose(hosts -> apply(hosts, true))
          .map(notice -> {
            metrics.configurationRead(true);
            return new ReloadOutcome(ReloadOutcome.Result.APPLIED, List.of(notice));
          });
    }
    List<String> lines = new ArrayList<>(logErrors(parsed));
    String conclusion = source.describe() + " has errors; the running configuration stays";
    Log.error("Reload", conclusion);
    lines.add(conclusion);
    metrics.configurationRead(false);
    return Future.succeededFuture(new ReloadOutcome(ReloadOutcome.Result.INVALID, lines));
  }

  /** @return completes with the notice of what was applied */
  private Future<String> apply(List<HostConfig> wanted, boolean reload) {
    configured = wanted;
    Future<String> applied = applying.transform(previous -> applyNow(placement.measuredHere(wanted), reload));
    applying = applied.mapEmpty();
    return applied;
  }

  private Future<String> applyNow(List<HostConfig> lines, boolean reload) {
    // A family=both line is measured as two hosts, one per family; a line naming one of them too is the same host.
    List<HostConfig> wanted = lines.stream().flatMap(line -> line.perFamily().stream()).distinct().toList();
    if (wanted.size() > hostsChecked) {
      memory.shortfall(wanted.size()).ifPresent(Log::warn);
    }
    hostsChecked = wanted.size();
    icmp.expectAnswersPerSecond(wanted.stream().mapToDouble(MonitorVerticle::icmpRequestsPerSecond).sum());
    scanClient.prepare(Egress.scanOrigins(wanted));
    // Every host of the configuration, wherever it is measured: the label names of a family are those of them all.
    metrics.configure(configured);
    ConfigDiff diff = ConfigDiff.between(running, wanted);
    List<RunningHost> next = new ArrayList<>(diff.kept());
    // A reload looks names up again: an operator who edits a hosts file or DNS expects the change to take effect.
    diff.kept().forEach(host -> host.verticle().refreshAddress());
    List<Future<?>> work = new ArrayList<>();
    for (RunningHost gone : diff.stopped()) {
      work.add(vertx.undeploy(gone.deploymentId())
          .onFailure(e -> Log.error("Host", gone.config().host() + ": stopping failed (" + reason(e) + ")")));
    }
    work.add(deployAll(diff.started(), wanted.size(), next));
    return Future.join(work).otherwiseEmpty().map(done -> {
      running = next;
      int added = next.size() - diff.kept().size();
      int skipped = diff.started().size() - added;
      String notice = source.describe() + " applied: " + added + " added, " + diff.stopped().size() + " removed, "
          + diff.kept().size() + " unchanged" + (skipped > 0 ? ", " + skipped + " skipped" : "");
      if (reload) {
        Log.info(notice);
      }
      if (!next.isEmpty() && next.stream().noneMatch(host -> host.verticle().resolved())) {
        Log.warn("no host of " + source.describe() + " resolves yet; the monitor keeps trying them");
      }
      return notice;
    });
  }

  /**
   * Deploys the hosts a batch at a time, each batch a task of the event loop of its own: a hundred thousand
   * deployments in one task would hold the loop, and the hosts that run on it, for seconds.
   *
   * @return completes once every deployment has, successful or not; the successful ones are added to {@code next}
   */
  private Future<Void> deployAll(List<HostConfig> lines, int configuredHosts, List<RunningHost> next) {
    Promise<Void> all = Promise.promise();
    deployFrom(lines, 0, configuredHosts, next, new ArrayList<>(), all);
    return all.future();
  }

  private void deployFrom(List<HostConfig> lines, int first, int configuredHosts, List<RunningHost> next,
      List<Future<?>> deploying, Promise<Void> all) {
    int end = Math.min(lines.size(), first + DEPLOY_BATCH);
    for (HostConfig line : lines.subList(first, end)) {
      deploying.add(deploy(line, configuredHosts).onSuccess(next::add));
    }
    if (end < lines.size()) {
      context.runOnContext(later -> deployFrom(lines, end, configuredHosts, next, deploying, all));
    } else {
      Future.join(deploying).onComplete(done -> all.complete());
    }
  }

  /** What a host sends at most: a burst per ping interval, and a request per hop per trace interval. */
  private static double icmpRequestsPerSecond(HostConfig host) {
    double pings = host.pingIntervalMs() > 0 ? host.numPings() * 1000 / host.pingIntervalMs() : 0;
    double traces = host.traceIntervalMs() > 0 ? host.maxHops() * 1000 / host.traceIntervalMs() : 0;
    return pings + traces;
  }

  private Future<RunningHost> deploy(HostConfig line, int configuredHosts) {
    HostVerticle verticle =
        new HostVerticle(line, icmp, scanClient, configuredHosts, metrics, placement.vantage(), pingRecords);
    return vertx.deployVerticle(verticle)
        .map(id -> new RunningHost(line, verticle, id))
        .onFailure(e -> Log.error("Host", line.host() + ": " + reason(e) + "; skipped"));
  }

  /** @return the lines said */
  private List<String> logErrors(ParsedConfig parsed) {
    List<String> lines = parsed.errorReport().stream().map(line -> source.describe() + ": " + line).toList();
    lines.forEach(line -> Log.error("Config", line));
    return lines;
  }

  private void warnDuplicates(ParsedConfig parsed) {
    parsed.duplicateReport().forEach(line -> Log.warn(source.describe() + ": " + line));
  }

  private <T> Future<T> startFailure(String message) {
    Log.error("Config", message);
    return Future.failedFuture(new MonitorStartException(message));
  }

  private static String reason(Throwable e) {
    return Problems.describe(e);
  }
}
