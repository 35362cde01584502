package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.connmonitor.config.FamilyChoice;

/**
 * The address a host is measured at, IPv4 first unless the host line asks for a family, and when to look again: a
 * literal is its own address; a name's addresses come from the hosts file or from a name server, whose TTL says how
 * long they hold.
 */
final class HostResolver {

  /** How often a name found in the hosts file (which has no TTL) is looked up again; the longest wait for any name. */
  static final long REFRESH_MS = 5 * 60_000;
  /**
   * The shortest wait before a name is looked up again, however short its TTL: a TTL of 0 (answer only this query)
   * must not make the monitor ask the name server without pause.
   */
  static final long SHORTEST_REFRESH_MS = 1_000;

  /**
   * What a lookup found.
   *
   * @param measured   the address the host is measured at
   * @param candidates every address of the family asked for, in the resolver's order; the measured one among them
   * @param refreshMs  when to look the name up again
   */
  record Resolution(InetAddress measured, List<InetAddress> candidates, long refreshMs) {

    /**
     * When the name has several addresses, the line that says which one is measured and why: a name with many
     * addresses would otherwise be measured at one of them without a word.
     */
    Optional<String> choice(String host, FamilyChoice family) {
      if (candidates.size() < 2) {
        return Optional.empty();
      }
      String all = candidates.stream().map(NetUtil::toAddressString).collect(Collectors.joining(", "));
      String why = family != FamilyChoice.ANY || candidates.stream().allMatch(measured.getClass()::isInstance)
          ? "the first the resolver gave"
          : "the first IPv4 one the resolver gave (family=6 measures IPv6)";
      return Optional.of(host + " has " + candidates.size() + " addresses (" + all + "); measuring "
          + NetUtil.toAddressString(measured) + ", " + why + ", and only it");
    }
  }

  private HostResolver() {
  }

  /** A literal address, parsed: nothing is looked up. */
  static Resolution literal(String host, FamilyChoice family) throws UnknownHostException {
    return of(host, family, List.of(InetAddress.getAllByName(host)), REFRESH_MS);
  }

  /** A name found in the hosts file: looked up again at the usual period. */
  static Resolution fromHostsFile(String host, FamilyChoice family, List<InetAddress> addresses)
      throws UnknownHostException {
    return of(host, family, addresses, REFRESH_MS);
  }

  /** A name server's answer: looked up again when its TTL runs out, within the shortest and longest wait. */
  static Resolution fromNameServer(String host, FamilyChoice family, NameServers.Answer answer)
      throws UnknownHostException {
    long ttlMs = Math.min(answer.ttlSeconds(), REFRESH_MS / 1000) * 1000;
    return of(host, family, answer.addresses(), Math.max(SHORTEST_REFRESH_MS, ttlMs));
  }

  private static Resolution of(String host, FamilyChoice family, List<InetAddress> addresses, long refreshMs)
      throws UnknownHostException {
    List<InetAddress> candidates = new ArrayList<>();
    InetAddress measured = null;
    for (InetAddress address : addresses) {
      if (!family.admits(address)) {
        continue;
      }
      candidates.add(address);
      if (measured == null || address instanceof Inet4Address && !(measured instanceof Inet4Address)) {
        measured = address;
      }
    }
    if (measured == null) {
      throw new UnknownHostException(host + " has no " + (family == FamilyChoice.V4 ? "IPv4" : "IPv6") + " address");
    }
    return new Resolution(measured, List.copyOf(candidates), refreshMs);
  }
}
