package net.connmonitor;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Security;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import net.connmonitor.cluster.ClusterMonitor;
import net.connmonitor.config.ConfigFile;
import net.connmonitor.config.ConfigParser;
import net.connmonitor.config.ConfigSource;
import net.connmonitor.config.Option;
import net.connmonitor.config.ParsedConfig;
import net.connmonitor.config.PingRecords;
import net.connmonitor.http.HttpEndpoints;
import net.connmonitor.http.ListenAddress;
import net.connmonitor.log.JulBridge;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.metrics.ClusterView;
import net.connmonitor.metrics.MonitorMetrics;
import net.connmonitor.metrics.PrometheusMetrics;
import net.connmonitor.monitor.ConfigurationShare;
import net.connmonitor.monitor.HostPlacement;
import net.connmonitor.metrics.RttBuckets;
import net.connmonitor.metrics.VantageFeed;
import net.connmonitor.monitor.MonitorStartException;
import net.connmonitor.monitor.MonitorVerticle;
import net.connmonitor.os.MemoryLimit;
import net.connmonitor.os.NativeSupport;
import net.connmonitor.output.OutputVerticle;
import net.connmonitor.view.Page;

/**
 * The command line: {@code connmonitor [OPTIONS] [FILE]} (see {@link MonitorOptions}), {@code --version},
 * {@code --help}, {@code --check [--cluster FILE] [FILE]}, {@code --make-cluster-key PATH}.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = """
      Usage: connmonitor [--listen ADDRESS:PORT [--rtt-buckets N]] [--ping-records MODE]
                         [--cluster CLUSTER-FILE [--collect]] [FILE]
                                         monitor the hosts listed in FILE (standard input when absent)
             connmonitor --check [--cluster CLUSTER-FILE] [FILE]
                                         validate FILE and CLUSTER-FILE with its key: print their errors,
                                         exit 0 when valid, 1 when not
             connmonitor --make-cluster-key PATH
                                         write new key material for a cluster to PATH (mode 0600)
             connmonitor -v | --version  print the version
             connmonitor --help          print this help

      FILE has one host per line: HOST [NAME=VALUE ...], '#' starting a comment; the options:
      %s.
      Records go to standard output, errors to standard error. SIGHUP re-reads FILE (it is also watched);
      SIGTERM or SIGINT stops after printing what is in flight.

      --listen serves HTTP on ADDRESS:PORT (127.0.0.1:9124, [::1]:9124, or :9124 for every address):
      GET / the operator's page (every host, live), GET /metrics for Prometheus, GET /-/healthy,
      GET /-/ready, POST /-/reload (as SIGHUP).
      --rtt-buckets sets the classic round-trip time histogram's buckets a decade, from 10 us to 10 s (1 to %d,
      default %d; 26 keeps every quantile within 10 %%); Prometheus with native histograms needs none.
      --ping-records all|changes|none: which ping records are printed for hosts whose line has no pingrecords=
      (default all; changes: those whose loss or mean round-trip time changed; the metrics get every burst).

      --cluster joins the monitors named in CLUSTER-FILE (lines vantage=NAME, listen=ADDRESS:PORT,
      join=HOST:PORT,..., key=PATH): each host is measured from=all (every node, the default), from=any (one live
      node) or from=NAME,... (those vantages); records and metrics carry the vantage that measured them.
      --collect prints every node's records, and with --listen serves every node's series; without it a node
      prints its own.
      """.formatted(Option.keywords(), RttBuckets.MAX_PER_DECADE, RttBuckets.DEFAULT_PER_DECADE);

  /** How long the exit waits for the last lines on standard error: a reader that stalled gets no longer. */
  private static final long LAST_WORDS_MS = 1000;

  private Main() {
  }

  public static void main(String[] args) {
    // Names are looked up again on the monitor's own schedule; the JVM's cache would answer with stale addresses.
    Security.setProperty("networkaddress.cache.ttl", "0");
    Security.setProperty("networkaddress.cache.negative.ttl", "0");
    int status = run(args);
    Log.awaitWritten(LAST_WORDS_MS);
    System.exit(status);
  }

  static int run(String[] args) {
    if (args.length == 0) {
      return monitor(new String[0]);
    }
    switch (args[0]) {
      case "-v", "--version" -> {
        System.out.println("connmonitor " + Version.current());
        return OK;
      }
      case "-h", "--help" -> {
        System.out.print(USAGE_TEXT);
        return OK;
      }
      case "--check" -> {
        return check(Arrays.copyOfRange(args, 1, args.length));
      }
      case "--make-cluster-key" -> {
        return args.length == 2 ? makeClusterKey(Path.of(args[1])) : usageError("--make-cluster-key takes one PATH");
      }
      default -> {
        return monitor(args);
      }
    }
  }

  private static int monitor(String[] args) {
    MonitorOptions options;
    try {
      options = MonitorOptions.parse(args);
    } catch (MonitorOptions.UsageException e) {
      return usageError(e.getMessage());
    }
    return monitor(options);
  }

  private static int usageError(String problem) {
    System.err.println("connmonitor: " + problem + " (try connmonitor --help)");
    return USAGE;
  }

  /** {@code [--cluster CLUSTER-FILE] [FILE]}, at least one of them. */
  private static int check(String[] args) {
    boolean cluster = args.length >= 2 && args[0].equals("--cluster");
    int files = args.length - (cluster ? 2 : 0);
    if (files > 1 || files == 0 && !cluster || files == 1 && args[args.length - 1].startsWith("-")) {
      return usageError("--check takes [--cluster CLUSTER-FILE] and FILE, at least one of them");
    }
    int status = OK;
    if (cluster) {
      status = checkCluster(Path.of(args[1]));
    }
    if (files == 1) {
      status = Math.max(status, check(Path.of(args[args.length - 1])));
    }
    return status;
  }

  private static int checkCluster(Path file) {
    List<String> problems = ClusterMonitor.check(file);
    problems.forEach(System.err::println);
    if (!problems.isEmpty()) {
      return FAILED;
    }
    System.out.println(file + ": valid, with its key");
    return OK;
  }

  private static int makeClusterKey(Path path) {
    Optional<String> problem = ClusterMonitor.makeKey(path);
    if (problem.isPresent()) {
      System.err.println("connmonitor: " + problem.get());
      return FAILED;
    }
    System.out.println(path + ": new cluster key written, readable by its owner only; copy it to every node");
    return OK;
  }

  private static int check(Path file) {
    byte[] content;
    try {
      content = ConfigFile.read(file);
    } catch (IOException e) {
      System.err.println("connmonitor: cannot read " + file + " (" + Problems.describe(e) + ")");
      return FAILED;
    }
    ParsedConfig parsed = ConfigParser.parse(content);
    parsed.errorReport().forEach(line -> System.err.println(file + ": " + line));
    if (!parsed.valid()) {
      return FAILED;
    }
    // As when the monitor applies a configuration: a file with errors is not applied, so nothing repeats in it.
    parsed.duplicateReport().forEach(line -> System.err.println(file + ": warning: " + line));
    System.out.println(file + ": valid, " + parsed.hosts().size() + (parsed.hosts().size() == 1 ? " host" : " hosts"));
    return OK;
  }

  private static int monitor(MonitorOptions options) {
    Optional<ListenAddress> listen = options.listen();
    CompletableFuture<Integer> stopRequested = new CompletableFuture<>();
    StartupReload reload = new StartupReload();
    ProcessSignals.install(() -> stopRequested.complete(OK), reload::ask);
    JulBridge.install();
    Optional<String> unsupported = NativeSupport.problem();
    if (unsupported.isPresent()) {
      Log.error("Runtime", unsupported.get());
      return FAILED;
    }
    // An event loop per core, not Vert.x's two: the loops, the output writer and the collector share the cores, and
    // with fewer threads than runnable work the scheduler preempts a loop that has a burst to start (at 10,000
    // hosts: bursts late by up to 20 ms with four loops on two cores, 12 ms with two, and less CPU).
    VertxOptions vertxOptions = new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors());
    Vertx vertx;
    HostPlacement placement;
    ConfigurationShare share;
    Optional<ClusterView> clusterView;
    Runnable close;
    if (options.cluster().isPresent()) {
      Optional<ClusterMonitor> cluster = ClusterMonitor.start(options.cluster().get(), vertxOptions);
      if (cluster.isEmpty()) {
        return FAILED;
      }
      vertx = cluster.get().vertx();
      placement = cluster.get().placement();
      share = cluster.get().configuration();
      clusterView = Optional.of(cluster.get().view());
      close = cluster.get()::close;
    } else {
      vertx = Vertx.builder().with(vertxOptions).withTransport(Transport.EPOLL).build();
      placement = HostPlacement.ALONE;
      share = ConfigurationShare.ALONE;
      clusterView = Optional.empty();
      close = () -> vertx.close().await();
    }
    Optional<PrometheusMetrics> metrics = listen.map(address -> new PrometheusMetrics(Clock.systemUTC(),
        options.buckets(), clusterView));
    MonitorVerticle monitor = new MonitorVerticle(metrics.<MonitorMetrics>map(m -> m).orElse(MonitorMetrics.NONE),
        placement, share, MemoryLimit.ofProcess(listen.isPresent()));
    OutputVerticle printer = new OutputVerticle(new FileOutputStream(FileDescriptor.out), ZoneId.systemDefault(),
        options.collect());
    metrics.ifPresent(m -> m.countDroppedRecords(printer::droppedRecords));
    AtomicBoolean applied = new AtomicBoolean();

    Future<String> output = vertx.deployVerticle(printer);
    // Only with --listen; deployed before the monitor, so that it sees the first records.
    Optional<Page> page = listen.map(address -> new Page(Clock.systemUTC(), options.collect()));
    // The collector's metrics serve every vantage's series, from the records.
    Optional<VantageFeed> feed = metrics.filter(served -> options.collect()).map(VantageFeed::new);
    if (options.collect()) {
      output.onSuccess(id -> placement.onChange(printer::subscribeAgain));
      page.ifPresent(shown -> placement.onChange(shown::subscribeAgain));
      feed.ifPresent(fed -> placement.onChange(fed::subscribeAgain));
    }
    // Before the monitor, so that /-/ready says "not yet" while the configuration is read and applied.
    Future<String> feeding = feed.isEmpty() ? output : output.compose(id -> vertx.deployVerticle(feed.get()));
    Future<String> listening = listen.isEmpty() ? feeding : feeding.compose(id -> vertx.deployVerticle(page.get()))
        .compose(id -> vertx.deployVerticle(
            new HttpEndpoints(listen.get(), metrics.get(), applied::get, page.get().routes()),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .recover(e -> {
          String problem = "cannot listen on " + listen.get() + " (" + Problems.describe(e) + ")";
          Log.error("Listen", problem);
          return Future.failedFuture(new MonitorStartException(problem));
        }));
    Future<String> monitoring = listening.compose(id ->
        vertx.deployVerticle(monitor, new DeploymentOptions()
            .setConfig(options.source().toJson()
                .put(MonitorVerticle.PING_RECORDS, options.pingRecords().written()))));

    monitoring.onSuccess(id -> {
      applied.set(true);
      reload.started(() -> vertx.eventBus().send(MonitorVerticle.RELOAD_ADDRESS, null));
    });
    monitoring.onFailure(e -> {
      // The monitor, or the endpoints, have said why they cannot start; anything else (the output failing to start)
      // is said here.
      if (!(e instanceof MonitorStartException)) {
        Log.error("Runtime", "cannot start (" + Problems.describe(e) + ")");
      }
      stopRequested.complete(FAILED);
    });
    monitor.fatal().onSuccess(stopRequested::complete);
    printer.fatal().onSuccess(stopRequested::complete);
    int status = stopRequested.join();
    if (!monitoring.isComplete()) {
      // Still starting (reading a configuration that may never come, a FIFO say): nothing is measured yet.
      return status;
    }
    StopDeadline.arm(status);
    // Hosts first, so that their in-flight records reach the output before it stops.
    monitoring.transform(m -> m.succeeded() ? vertx.undeploy(m.result()) : Future.succeededFuture())
        .transform(m -> output.succeeded() ? vertx.undeploy(output.result()) : Future.succeededFuture())
        .onFailure(e -> Log.error("Runtime", "stopping the output: " + Problems.describe(e)))
        .otherwiseEmpty()
        .await();
    // Awaited from this thread: once Vert.x is closed, no context is left to run a completion handler.
    close.run();
    return status;
  }
}
