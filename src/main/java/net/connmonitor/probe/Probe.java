package net.connmonitor.probe;

import io.vertx.core.Future;

/** One kind of measurement of one host: ping, TCP ping, trace or scan. */
public interface Probe<M extends Measurement> {

  /** Measures once; the future completes on the context of the verticle that called it. */
  Future<M> run();
}
