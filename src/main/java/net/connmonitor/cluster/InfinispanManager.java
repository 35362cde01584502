package net.connmonitor.cluster;

import io.vertx.ext.cluster.infinispan.InfinispanClusterManager;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.conflict.MergePolicy;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.partitionhandling.PartitionHandling;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.JChannel;

/**
 * Vert.x's Infinispan cluster manager on our own JGroups channel: the caches its {@code default-infinispan.xml}
 * declares, in code, because that file names a JGroups stack from a file and ours is made from the cluster file.
 *
 * <p>One change to them: when a partition heals, entries that one side removed and the other kept are kept. During
 * a partition each side removes the other side's nodes' information and event bus subscriptions, as it would a dead
 * node's, and vertx-infinispan does not write them again on the merge; with Infinispan's default merge policy
 * (the larger side's entries win) the smaller side's nodes would stay unknown to the others, and receive nothing.
 */
final class InfinispanManager {

  private static final String CLUSTER_NAME = "connmonitor";
  /** What vertx-infinispan looks these up by. */
  private static final String DEFAULT_CACHE = "distributed-cache";
  private static final String[] REPLICATED_CACHES = {"__vertx.subs", "__vertx.haInfo", "__vertx.nodeInfo"};
  private static final String MAP_TEMPLATE = "__vertx.distributed.cache.configuration";

  private InfinispanManager() {
  }

  /** The cache manager is started, and so the channel connected, when Vert.x joins the cluster. */
  static InfinispanClusterManager create(JChannel channel, String vantage) {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder();
    global.transport().transport(new JGroupsTransport(channel)).clusterName(CLUSTER_NAME).nodeName(vantage);
    global.defaultCacheName(DEFAULT_CACHE);
    DefaultCacheManager caches = new DefaultCacheManager(global.build(), cache(CacheMode.DIST_SYNC).build(), false);
    Configuration replicated = cache(CacheMode.REPL_SYNC).build();
    for (String name : REPLICATED_CACHES) {
      caches.defineConfiguration(name, replicated);
    }
    caches.defineConfiguration(MAP_TEMPLATE, cache(CacheMode.DIST_SYNC).template(true).build());
    return new InfinispanClusterManager(caches);
  }

  private static ConfigurationBuilder cache(CacheMode mode) {
    ConfigurationBuilder cache = new ConfigurationBuilder();
    cache.clustering().cacheMode(mode).partitionHandling()
        .whenSplit(PartitionHandling.ALLOW_READ_WRITES).mergePolicy(MergePolicy.PREFERRED_NON_NULL);
    return cache;
  }
}
