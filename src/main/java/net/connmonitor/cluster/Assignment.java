package net.connmonitor.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

/**
 * Which live vantage measures a {@code from=any} host: the one with the highest weight for the pair (host,
 * vantage), rendezvous hashing. Every node computes the same answer from the same set of live vantages, without
 * talking; a vantage that leaves gives up only its own hosts, each to the vantage that was second for it, and one that
 * comes takes only the hosts for which it now weighs most, about 1/n of them. Pure: no clock, no network.
 */
public final class Assignment {

  private Assignment() {
  }

  /** @return the vantage that measures {@code host}; empty only when there is no live vantage */
  public static Optional<String> owner(String host, Collection<String> liveVantages) {
    String best = null;
    long bestWeight = 0;
    long hostHash = hash(host, 0xcbf29ce484222325L);
    for (String vantage : liveVantages) {
      long weight = mix(hash(vantage, hostHash));
      // Ties (all but impossible in 64 bits) go to the smaller name, so that every node agrees.
      if (best == null || Long.compareUnsigned(weight, bestWeight) > 0
          || weight == bestWeight && vantage.compareTo(best) < 0) {
        best = vantage;
        bestWeight = weight;
      }
    }
    return Optional.ofNullable(best);
  }

  /** FNV-1a over the UTF-8 bytes, continuing from {@code seed}: the same on every JVM, unlike String.hashCode's use. */
  private static long hash(String text, long seed) {
    long hash = seed;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** SplitMix64's finaliser: spreads FNV's weak low bits, so that weights are uniform across vantages. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
