package net.connmonitor.view;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.connmonitor.record.MonitorRecord;

/**
 * Every host's history, keyed by whom its records are about: the host as typed, its address and labels, and the
 * vantage that measured it in a cluster (hosts that differ in any of them are different rows). A host that has published nothing for a day is forgotten, so the
 * hosts a reload removed do not stay for ever.
 */
final class Histories {

  /** A host silent for longer than this, and its history with it, is forgotten. */
  static final long FORGET_AFTER_MS = 24 * 3600_000L;

  private final Map<MeasuredHost, HostHistory> byHost = new ConcurrentHashMap<>();
  private final Map<Integer, HostHistory> byId = new ConcurrentHashMap<>();
  private final AtomicInteger lastId = new AtomicInteger();
  private final AtomicLong version = new AtomicLong();

  /** Called by the one record consumer. */
  void add(MonitorRecord record) {
    HostHistory host = byHost.computeIfAbsent(MeasuredHost.of(record), measured -> {
      HostHistory made = new HostHistory(lastId.incrementAndGet(), measured);
      byId.put(made.id(), made);
      return made;
    });
    host.add(record);
    version.incrementAndGet();
  }

  Optional<HostHistory> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  Collection<HostHistory> all() {
    return byHost.values();
  }

  /** Counts the records added to any host. */
  long version() {
    return version.get();
  }

  /** Forgets the hosts whose last record is older than {@link #FORGET_AFTER_MS} before {@code nowMs}. */
  void forgetSilent(long nowMs) {
    byHost.values().removeIf(host -> {
      boolean silent = host.updatedMs() < nowMs - FORGET_AFTER_MS;
      if (silent) {
        byId.remove(host.id());
        version.incrementAndGet();
      }
      return silent;
    });
  }
}
