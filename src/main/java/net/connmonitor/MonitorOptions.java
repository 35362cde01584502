package net.connmonitor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import net.connmonitor.config.ConfigSource;
import net.connmonitor.config.PingRecords;
import net.connmonitor.http.ListenAddress;
import net.connmonitor.metrics.RttBuckets;

/**
 * What the command line asks of a running monitor: {@code [--listen ADDRESS:PORT [--rtt-buckets N]]
 * [--ping-records MODE] [--cluster CLUSTER-FILE [--collect]] [FILE]}, the options in any order, each once, before the
 * FILE (standard input when absent).
 *
 * @param listen      where the HTTP endpoints are served, if at all
 * @param buckets     the classic round-trip time buckets of the metrics
 * @param pingRecords which ping records are printed for hosts whose line does not say
 * @param cluster     the cluster file, when this monitor is a node of a cluster
 * @param collect     whether this node prints every node's records, not only its own
 * @param source      where the host configuration is read
 */
record MonitorOptions(Optional<ListenAddress> listen, RttBuckets buckets, PingRecords pingRecords,
    Optional<Path> cluster, boolean collect, ConfigSource source) {

  /** A command line that is not understood, with the phrase that says why. */
  static final class UsageException extends Exception {
    UsageException(String problem) {
      // No stack trace: the problem is told to the operator, it is not a bug.
      super(problem, null, false, false);
    }
  }

  /** Every option that takes a value, with what the value is. */
  private enum Valued {
    LISTEN("--listen", "ADDRESS:PORT"),
    RTT_BUCKETS("--rtt-buckets", "a number of buckets a decade, 1 to " + RttBuckets.MAX_PER_DECADE),
    PING_RECORDS("--ping-records", PingRecords.ACCEPTED),
    CLUSTER("--cluster", "CLUSTER-FILE");

    final String flag;
    final String value;

    Valued(String flag, String value) {
      this.flag = flag;
      this.value = value;
    }

    static Optional<Valued> of(String argument) {
      return Arrays.stream(values()).filter(option -> option.flag.equals(argument)).findFirst();
    }
  }

  private static final String COLLECT = "--collect";

  static MonitorOptions parse(String[] args) throws UsageException {
    Optional<ListenAddress> listen = Optional.empty();
    Optional<RttBuckets> buckets = Optional.empty();
    Optional<PingRecords> pingRecords = Optional.empty();
    Optional<Path> cluster = Optional.empty();
    boolean collect = false;
    int next = 0;
    while (next < args.length && args[next].startsWith("--")) {
      String argument = args[next];
      if (argument.equals(COLLECT)) {
        if (collect) {
          throw new UsageException(COLLECT + " given twice");
        }
        collect = true;
        next++;
        continue;
      }
      Optional<Valued> known = Valued.of(argument);
      if (known.isEmpty()) {
        break;
      }
      Valued option = known.get();
      if (next + 1 == args.length) {
        throw new UsageException(option.flag + " takes " + option.value);
      }
      String value = args[next + 1];
      boolean again = switch (option) {
        case LISTEN -> listen.isPresent();
        case RTT_BUCKETS -> buckets.isPresent();
        case PING_RECORDS -> pingRecords.isPresent();
        case CLUSTER -> cluster.isPresent();
      };
      if (again) {
        throw new UsageException(option.flag + " given twice");
      }
      switch (option) {
        case LISTEN -> {
          try {
            listen = Optional.of(ListenAddress.parse(value));
          } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
          }
        }
        case RTT_BUCKETS -> buckets = Optional.of(rttBuckets(value, option));
        case PING_RECORDS -> pingRecords = Optional.of(PingRecords.written(value.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> refused(value, option)));
        case CLUSTER -> cluster = Optional.of(Path.of(value));
      }
      next += 2;
    }
    if (buckets.isPresent() && listen.isEmpty()) {
      throw new UsageException("--rtt-buckets is for the metrics of --listen, which is not given");
    }
    if (collect && cluster.isEmpty()) {
      throw new UsageException(COLLECT + " needs --cluster");
    }
    return new MonitorOptions(listen, buckets.orElse(RttBuckets.perDecade(RttBuckets.DEFAULT_PER_DECADE)),
        pingRecords.orElse(PingRecords.ALL), cluster, collect, source(Arrays.copyOfRange(args, next, args.length)));
  }

  private static ConfigSource source(String[] files) throws UsageException {
    if (files.length == 0) {
      return ConfigSource.standardInput();
    }
    if (files.length > 1) {
      throw new UsageException("expected at most one FILE, got " + files.length + " arguments");
    }
    if (files[0].startsWith("-")) {
      throw new UsageException("unknown option " + files[0]);
    }
    return ConfigSource.file(files[0]);
  }

  private static RttBuckets rttBuckets(String text, Valued option) throws UsageException {
    try {
      return RttBuckets.perDecade(Integer.parseInt(text));
    } catch (IllegalArgumentException notANumberOrOutOfRange) {
      throw refused(text, option);
    }
  }

  private static UsageException refused(String value, Valued option) {
    return new UsageException(option.flag + " \"" + value + "\": expected " + option.value);
  }
}
