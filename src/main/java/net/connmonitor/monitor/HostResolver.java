package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.connmonitor.config.Family;

/**
 * The address a host is measured at: the literal itself, or the system resolver's answer, IPv4 first unless the
 * host line asks for a family.
 */
final class HostResolver {

  /**
   * What a lookup found.
   *
   * @param measured   the address the host is measured at
   * @param candidates every address of the family asked for, in the resolver's order; the measured one among them
   */
  record Resolution(InetAddress measured, List<InetAddress> candidates) {

    /**
     * When the name has several addresses, the line that says which one is measured and why: a name with many
     * addresses would otherwise be measured at one of them without a word.
     */
    Optional<String> choice(String host, Family family) {
      if (candidates.size() < 2) {
        return Optional.empty();
      }
      String all = candidates.stream().map(NetUtil::toAddressString).collect(Collectors.joining(", "));
      String why = family != Family.ANY || candidates.stream().allMatch(measured.getClass()::isInstance)
          ? "the first the resolver gave"
          : "the first IPv4 one the resolver gave (family=6 measures IPv6)";
      return Optional.of(host + " has " + candidates.size() + " addresses (" + all + "); measuring "
          + NetUtil.toAddressString(measured) + ", " + why + ", and only it");
    }
  }

  private HostResolver() {
  }

  /** Blocks on the system resolver for a name. */
  static Resolution resolve(String host, Family family) throws UnknownHostException {
    List<InetAddress> candidates = new ArrayList<>();
    InetAddress measured = null;
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (!family.admits(address)) {
        continue;
      }
      candidates.add(address);
      if (measured == null || address instanceof Inet4Address && !(measured instanceof Inet4Address)) {
        measured = address;
      }
    }
    if (measured == null) {
      throw new UnknownHostException(host + " has no " + (family == Family.V4 ? "IPv4" : "IPv6") + " address");
    }
    return new Resolution(measured, List.copyOf(candidates));
  }
}
