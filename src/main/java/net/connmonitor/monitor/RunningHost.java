package net.connmonitor.monitor;

import net.connmonitor.config.HostConfig;

/** A host line and the deployment of the verticle that measures it. */
record RunningHost(HostConfig config, String deploymentId) {
}
