package net.connmonitor.monitor;

import net.connmonitor.config.HostConfig;

/** A host line, the verticle that measures it and its deployment. */
record RunningHost(HostConfig config, HostVerticle verticle, String deploymentId) {
}
