package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import net.connmonitor.icmp.EchoSession;

/**
 * A route trace to one host: ICMP echo requests with hop limits 1 to {@code maxHops}, all sent at once, so that a
 * trace takes about one timeout at most rather than one per hop.
 */
public final class TraceProbe implements Probe<Trace> {

  /** Traceroute's own size for ICMP probes (60-byte IPv4 packets): routers treat small packets alike. */
  static final int PAYLOAD_BYTES = 32;

  private final EchoSession session;
  private final int maxHops;
  private final Duration timeout;
  private final Context context;

  public TraceProbe(EchoSession session, int maxHops, Duration timeout, Context context) {
    this.session = session;
    this.maxHops = maxHops;
    this.timeout = timeout;
    this.context = context;
  }

  @Override
  public Future<Trace> run() {
    return Future.fromCompletionStage(session.trace(maxHops, PAYLOAD_BYTES, timeout), context).map(Trace::of);
  }
}
