package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import net.connmonitor.config.FamilyChoice;
import net.connmonitor.config.IpLiteral;
import net.connmonitor.log.Log;
import net.connmonitor.metrics.NameMetrics;

/**
 * Keeps a host's address true over months. A literal is its own address, once. A name is looked up in the hosts
 * file first and, when it is not there, at the name servers; it is looked up again when the name server's TTL runs
 * out (a hosts file entry: every few minutes) and on every reload; when its address changes, that is said and the
 * host measures the new one. A name that does not resolve is tried again soon, then less and less often; its
 * failure is said once, and its return once. Confined to the host's context.
 */
final class AddressWatch {

  /** The first retry of a name that does not resolve, doubled at each failure up to the longest wait. */
  static final long FIRST_RETRY_MS = 2_000;

  private final Vertx vertx;
  private final Context context;
  private final String host;
  private final FamilyChoice family;
  private final Consumer<InetAddress> measure;
  private final NameMetrics name;
  /** A name's name servers; none for a literal. */
  private final NameServers nameServers;
  private volatile InetAddress address;
  /** The failure last said, or null while the name resolves. */
  private String failing;
  private long refreshMs = HostResolver.REFRESH_MS;
  private long retryMs = FIRST_RETRY_MS;
  private long timer = -1;
  private boolean stopped;

  /**
   * @param family  which address of a name that has both
   * @param measure told the host's first address and every new one, on the host's context
   * @param name    told the outcome of every look-up
   */
  AddressWatch(Vertx vertx, Context context, String host, FamilyChoice family, Consumer<InetAddress> measure,
      NameMetrics name) {
    this.vertx = vertx;
    this.context = context;
    this.host = host;
    this.family = family;
    this.measure = measure;
    this.name = name;
    this.nameServers = IpLiteral.isAddress(host) ? null : new NameServers(context);
  }

  /** @return completes after the first lookup, whether it found an address or not */
  Future<Void> start() {
    return lookUp();
  }

  /** Looks the name up now: the configuration was reloaded. */
  void refresh() {
    if (!IpLiteral.isAddress(host)) {
      context.runOnContext(now -> {
        cancelTimer();
        lookUp();
      });
    }
  }

  void stop() {
    stopped = true;
    cancelTimer();
    if (nameServers != null) {
      nameServers.close();
    }
  }

  /** Whether the host has an address to measure. */
  boolean resolved() {
    return address != null;
  }

  private Future<Void> lookUp() {
    if (IpLiteral.isAddress(host)) {
      // A literal is parsed, not looked up: ten thousand of them must not queue for the blocking resolver.
      try {
        found(HostResolver.literal(host, family));
      } catch (UnknownHostException e) {
        failed("not an address (" + e.getMessage() + ")");
      }
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> HostsFile.addresses(host, family), false)
        .compose(listed -> listed.isEmpty()
            ? nameServers.look(host, family).compose(answer -> judged(
                () -> HostResolver.fromNameServer(host, family, answer)))
            : judged(() -> HostResolver.fromHostsFile(host, family, listed)))
        .onSuccess(this::found)
        .onFailure(e -> failed("cannot resolve it (" + e.getMessage() + ")"))
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .andThen(done -> schedule());
  }

  private static Future<HostResolver.Resolution> judged(Callable<HostResolver.Resolution> resolution) {
    try {
      return Future.succeededFuture(resolution.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  private void found(HostResolver.Resolution resolution) {
    if (stopped) {
      return;
    }
    name.resolved();
    refreshMs = resolution.refreshMs();
    InetAddress resolved = resolution.measured();
    if (address == null) {
      resolution.choice(host, family).ifPresent(Log::info);
    }
    if (failing != null) {
      failing = null;
      retryMs = FIRST_RETRY_MS;
      Log.warn(host + " resolves again, to " + NetUtil.toAddressString(resolved));
    }
    if (Objects.equals(resolved, address)) {
      return;
    }
    if (address != null) {
      Log.warn(host + ": its address changed from " + NetUtil.toAddressString(address) + " to "
          + NetUtil.toAddressString(resolved) + "; measuring the new one");
    }
    address = resolved;
    measure.accept(resolved);
  }

  private void failed(String reason) {
    if (stopped) {
      return;
    }
    name.unresolved();
    if (!reason.equals(failing)) {
      failing = reason;
      Log.error("Host", host + ": " + reason + (address == null
          ? "; trying again, it is not measured until then"
          : "; trying again, measuring " + NetUtil.toAddressString(address) + " until then"));
    }
  }

  private void schedule() {
    // A reload's look-up may overlap the scheduled one: one timer only.
    cancelTimer();
    if (stopped) {
      return;
    }
    long delay = failing == null ? refreshMs : retryMs;
    if (failing != null) {
      retryMs = Math.min(HostResolver.REFRESH_MS, retryMs * 2);
    }
    timer = vertx.setTimer(delay, fired -> {
      timer = -1;
      lookUp();
    });
  }

  private void cancelTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
