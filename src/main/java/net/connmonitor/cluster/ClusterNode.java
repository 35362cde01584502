package net.connmonitor.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import io.vertx.ext.cluster.infinispan.InfinispanClusterManager;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.connmonitor.record.RecordCodec;
import org.jgroups.JChannel;

/**
 * This JVM as a member of the cluster: a clustered Vert.x whose membership protocol (JGroups, under Infinispan's
 * cluster manager) is encrypted with the cluster's key and whose event bus speaks TLS, each end showing the
 * cluster's certificate and trusting no other. What a monitor runs on with {@code --cluster}, and what an embedding
 * application uses to receive every node's records:
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.join(file, ClusterKey.load(file.key()), new VertxOptions()).await();
 * node.vertx().eventBus().<MonitorRecord>consumer(Records.ADDRESS, message -> ...);
 * }</pre>
 */
public final class ClusterNode {

  /**
   * Notices that are not the operator's business: Infinispan's, that it keeps no state on disk, which a monitor
   * does not want; that vertx-infinispan's view listener failed, which it does for the views that come while
   * Vert.x joins, before Vert.x has given it the listener it calls; and JGroups's line for every message that
   * does not decrypt, which a node without the key would make a flood of (that node says itself that it could not
   * join). Held here because java.util.logging keeps loggers only weakly.
   */
  private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.infinispan.CONFIG"),
      Logger.getLogger("org.infinispan.notifications.cachemanagerlistener.CacheManagerNotifierImpl"),
      Logger.getLogger("org.jgroups.protocols.SYM_ENCRYPT"), Logger.getLogger("org.jgroups.protocols.Encrypt"));

  /** The key of this node's vantage name in the metadata the cluster manager keeps for each node. */
  static final String VANTAGE_METADATA = "vantage";
  /** The key saying whether the node measures hosts: a consumer of records is a member that does not. */
  static final String MEASURES_METADATA = "measures";

  private final Vertx vertx;
  private final InfinispanClusterManager manager;
  private final ClusterFile file;

  private ClusterNode(Vertx vertx, InfinispanClusterManager manager, ClusterFile file) {
    this.vertx = vertx;
    this.manager = manager;
    this.file = file;
  }

  /**
   * Joins the cluster (or starts it, when no member of {@code join=} answers) as a node that measures nothing, so
   * that no host is given to it: an application that receives the monitors' records. The records' codec is
   * registered on its event bus.
   *
   * @param options the Vert.x options but for the event bus's, which come from the cluster file and key
   */
  public static Future<ClusterNode> join(ClusterFile file, ClusterKey key, VertxOptions options) {
    return join(file, key, options, Transport.NIO, false);
  }

  /** @param measures whether this node is a monitor, which the other monitors give hosts to */
  static Future<ClusterNode> join(ClusterFile file, ClusterKey key, VertxOptions options, Transport transport,
      boolean measures) {
    QUIETED.forEach(logger -> logger.setLevel(Level.OFF));
    InfinispanClusterManager manager;
    EventBusOptions bus;
    try {
      JChannel channel = JGroupsStack.channel(file, key.encryptionKey());
      manager = InfinispanManager.create(channel, file.vantage());
      bus = new EventBusOptions()
          .setHost(file.listen().host())
          .setPort(file.listen().eventBusPort())
          // Vert.x trusts every certificate unless told otherwise: a node with any certificate would get every record.
          .setSsl(true)
          .setTrustAll(false)
          .setClientAuth(ClientAuth.REQUIRED)
          .setKeyCertOptions(key.eventBusIdentity())
          .setTrustOptions(key.eventBusTrust())
          .setClusterNodeMetadata(
              new JsonObject().put(VANTAGE_METADATA, file.vantage()).put(MEASURES_METADATA, measures));
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    return Vertx.builder()
        .with(new VertxOptions(options).setEventBusOptions(bus))
        .withClusterManager(manager)
        .withTransport(transport)
        .buildClustered()
        .map(vertx -> {
          // Before any consumer of records: once a node subscribes to every node's records (a collector), the others
          // send theirs at once, and a record that arrives before its codec is known is dropped with an error ("No
          // message codec registered"), as a restarted collector's were while its own hosts were still being set up.
          RecordCodec.registerOn(vertx.eventBus());
          return new ClusterNode(vertx, manager, file);
        });
  }

  public Vertx vertx() {
    return vertx;
  }

  /** This node's vantage name. */
  public String vantage() {
    return file.vantage();
  }

  InfinispanClusterManager manager() {
    return manager;
  }

  /**
   * Leaves the cluster and closes Vert.x, then stops the cache manager, which Vert.x leaves running as it did not
   * make it. Blocks: call it from a thread of the application's, not an event loop.
   */
  public void close() {
    try {
      vertx.close().await();
    } finally {
      manager.getCacheContainer().stop();
    }
  }
}
