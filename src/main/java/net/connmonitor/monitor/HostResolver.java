package net.connmonitor.monitor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.connmonitor.config.Family;

/**
 * The address a host is measured at: the literal itself, or the system resolver's answer, IPv4 first unless the
 * host line asks for a family.
 */
final class HostResolver {

  private HostResolver() {
  }

  /** Blocks on the system resolver for a name. */
  static InetAddress resolve(String host, Family family) throws UnknownHostException {
    InetAddress first = null;
    for (InetAddress address : InetAddress.getAllByName(host)) {
      if (!family.admits(address)) {
        continue;
      }
      if (address instanceof Inet4Address) {
        return address;
      }
      if (first == null) {
        first = address;
      }
    }
    if (first == null) {
      throw new UnknownHostException(host + " has no " + (family == Family.V4 ? "IPv4" : "IPv6") + " address");
    }
    return first;
  }
}
