package net.connmonitor.monitor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a host is measured at: the literal itself, or the system resolver's answer, IPv4 first. */
final class HostResolver {

  private HostResolver() {
  }

  /** Blocks on the system resolver. */
  static InetAddress resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
    for (InetAddress address : addresses) {
      if (address instanceof Inet4Address) {
        return address;
      }
    }
    return addresses[0];
  }
}
