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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.connmonitor.config.ConfigFile;
import net.connmonitor.config.ConfigParser;
import net.connmonitor.config.ConfigSource;
import net.connmonitor.config.Option;
import net.connmonitor.config.ParsedConfig;
import net.connmonitor.http.HttpEndpoints;
import net.connmonitor.http.ListenAddress;
import net.connmonitor.log.JulBridge;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.metrics.MonitorMetrics;
import net.connmonitor.metrics.PrometheusMetrics;
import net.connmonitor.monitor.MonitorStartException;
import net.connmonitor.monitor.MonitorVerticle;
import net.connmonitor.os.NativeSupport;
import net.connmonitor.output.OutputVerticle;

/**
 * The command line: {@code connmonitor [--listen ADDRESS:PORT] [FILE]}, {@code --version}, {@code --help},
 * {@code --check FILE}.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = """
      Usage: connmonitor [--listen ADDRESS:PORT] [FILE]
                                         monitor the hosts listed in FILE (standard input when absent)
             connmonitor --check FILE    validate FILE: print its errors, exit 0 when valid, 1 when not
             connmonitor -v | --version  print the version
             connmonitor --help          print this help

      FILE has one host per line: HOST [NAME=VALUE ...], '#' starting a comment; the options:
      %s.
      Records go to standard output, errors to standard error. SIGHUP re-reads FILE (it is also watched);
      SIGTERM or SIGINT stops after printing what is in flight.

      --listen serves HTTP on ADDRESS:PORT (127.0.0.1:9100, [::1]:9100, or :9100 for every address):
      GET /metrics for Prometheus, GET /-/healthy, GET /-/ready, POST /-/reload (as SIGHUP).
      """.formatted(Option.keywords());

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
      return monitor(ConfigSource.standardInput(), Optional.empty());
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
        return args.length == 2 ? check(Path.of(args[1])) : usageError("--check takes exactly one FILE");
      }
      case "--listen" -> {
        if (args.length < 2) {
          return usageError("--listen takes ADDRESS:PORT");
        }
        ListenAddress listen;
        try {
          listen = ListenAddress.parse(args[1]);
        } catch (IllegalArgumentException e) {
          return usageError(e.getMessage());
        }
        return monitor(Arrays.copyOfRange(args, 2, args.length), Optional.of(listen));
      }
      default -> {
        return monitor(args, Optional.empty());
      }
    }
  }

  private static int monitor(String[] files, Optional<ListenAddress> listen) {
    if (files.length == 0) {
      return monitor(ConfigSource.standardInput(), listen);
    }
    if (files.length > 1) {
      return usageError("expected at most one FILE, got " + files.length + " arguments");
    }
    if (files[0].startsWith("-")) {
      return usageError("unknown option " + files[0]);
    }
    return monitor(ConfigSource.file(files[0]), listen);
  }

  private static int usageError(String problem) {
    System.err.println("connmonitor: " + problem + " (try connmonitor --help)");
    return USAGE;
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

  private static int monitor(ConfigSource source, Optional<ListenAddress> listen) {
    CompletableFuture<Integer> stopRequested = new CompletableFuture<>();
    AtomicReference<Runnable> reload = new AtomicReference<>(() -> { });
    ProcessSignals.install(() -> stopRequested.complete(OK), () -> reload.get().run());
    JulBridge.install();
    Optional<String> unsupported = NativeSupport.problem();
    if (unsupported.isPresent()) {
      Log.error("Runtime", unsupported.get());
      return FAILED;
    }
    // An event loop per core, not Vert.x's two: the loops, the output writer and the collector share the cores, and
    // with fewer threads than runnable work the scheduler preempts a loop that has a burst to start (at 10,000
    // hosts: bursts late by up to 20 ms with four loops on two cores, 12 ms with two, and less CPU).
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()))
        .withTransport(Transport.EPOLL)
        .build();
    Optional<PrometheusMetrics> metrics = listen.map(address -> new PrometheusMetrics(Clock.systemUTC()));
    MonitorVerticle monitor = new MonitorVerticle(metrics.<MonitorMetrics>map(m -> m).orElse(MonitorMetrics.NONE));
    OutputVerticle printer = new OutputVerticle(new FileOutputStream(FileDescriptor.out), ZoneId.systemDefault());
    AtomicBoolean applied = new AtomicBoolean();

    Future<String> output = vertx.deployVerticle(printer);
    // Before the monitor, so that /-/ready says "not yet" while the configuration is read and applied.
    Future<String> listening = listen.isEmpty() ? output : output.compose(id -> vertx.deployVerticle(
            new HttpEndpoints(listen.get(), metrics.get(), applied::get),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .recover(e -> {
          String problem = "cannot listen on " + listen.get() + " (" + Problems.describe(e) + ")";
          Log.error("Listen", problem);
          return Future.failedFuture(new MonitorStartException(problem));
        }));
    Future<String> monitoring = listening.compose(id ->
        vertx.deployVerticle(monitor, new DeploymentOptions().setConfig(source.toJson())));

    monitoring.onSuccess(id -> {
      applied.set(true);
      reload.set(() -> vertx.eventBus().send(MonitorVerticle.RELOAD_ADDRESS, null));
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
    vertx.close().await();
    return status;
  }
}
