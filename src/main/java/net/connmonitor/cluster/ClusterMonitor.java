package net.connmonitor.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.connmonitor.log.Log;
import net.connmonitor.log.Problems;
import net.connmonitor.metrics.ClusterView;
import net.connmonitor.monitor.ConfigurationShare;
import net.connmonitor.monitor.HostPlacement;

/**
 * What {@code --cluster FILE} adds to a monitor: the cluster file read and its key loaded, the node joined, and the
 * placement of hosts that follows the members. The only way into this package from the command line, so that a
 * monitor without {@code --cluster} loads nothing of the cluster manager.
 */
public final class ClusterMonitor {

  /** Linux's own record of the host name: no look-up, unlike InetAddress.getLocalHost(). */
  private static final Path HOST_NAME = Path.of("/proc/sys/kernel/hostname");

  private final ClusterNode node;
  private final ClusterPlacement placement;
  private final ClusterConfiguration configuration;

  private ClusterMonitor(ClusterNode node) {
    this.node = node;
    this.placement = ClusterPlacement.follow(node);
    this.configuration = ClusterConfiguration.follow(node.vertx(), node.vantage());
  }

  /**
   * Reads the cluster file and its key, and joins; whatever fails is said ({@code EE:}) here.
   *
   * @return empty when the monitor cannot start
   */
  public static Optional<ClusterMonitor> start(Path clusterFile, VertxOptions options) {
    List<String> problems = new ArrayList<>();
    Optional<ClusterFile> file = read(clusterFile, problems);
    Optional<ClusterKey> key = file.flatMap(read -> key(read, problems));
    problems.forEach(problem -> Log.error("Cluster", problem));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    ClusterNode node;
    try {
      node = ClusterNode.join(file.get(), key.get(), options, Transport.EPOLL, true).await();
    } catch (Exception e) {
      Log.error("Cluster", "cannot join the cluster as " + file.get().vantage() + " on " + file.get().listen() + " ("
          + Problems.describe(e) + ")");
      return Optional.empty();
    }
    return Optional.of(new ClusterMonitor(node));
  }

  /**
   * What {@code --check --cluster FILE} says of a cluster file and its key.
   *
   * @return the problems, each a line with the file's name first; none when both are valid
   */
  public static List<String> check(Path clusterFile) {
    List<String> problems = new ArrayList<>();
    read(clusterFile, problems).ifPresent(file -> key(file, problems));
    return problems;
  }

  /**
   * {@code --make-cluster-key PATH}.
   *
   * @return why no key was written; empty when it was
   */
  public static Optional<String> makeKey(Path path) {
    try {
      ClusterKey.make(path);
      return Optional.empty();
    } catch (ClusterKey.KeyFileException e) {
      return Optional.of(e.getMessage());
    }
  }

  public Vertx vertx() {
    return node.vertx();
  }

  public HostPlacement placement() {
    return placement;
  }

  /** What the metrics say of the cluster. */
  public ClusterView view() {
    return placement.view();
  }

  public ConfigurationShare configuration() {
    return configuration;
  }

  /** Leaves the cluster; blocks. */
  public void close() {
    node.close();
  }

  private static Optional<ClusterFile> read(Path path, List<String> problems) {
    byte[] content;
    String hostName;
    try {
      content = Files.readAllBytes(path);
      hostName = Files.readString(HOST_NAME, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      problems.add("cannot read " + path + " (" + Problems.describe(e) + ")");
      return Optional.empty();
    }
    ClusterFile.Parsed parsed = ClusterFile.parse(content, hostName);
    parsed.errors().forEach(error -> problems.add(path + ": " + error.message()));
    return parsed.file();
  }

  private static Optional<ClusterKey> key(ClusterFile file, List<String> problems) {
    try {
      return Optional.of(ClusterKey.load(file.key()));
    } catch (ClusterKey.KeyFileException e) {
      problems.add(e.getMessage());
      return Optional.empty();
    }
  }
}
