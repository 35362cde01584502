package net.connmonitor.config;

import io.netty.util.NetUtil;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * This machine's network interfaces and their addresses, which {@code source=} and {@code interface=} must name:
 * checked when a configuration is read, so that a wrong value is an error of its line, at start and on reload.
 *
 * @param addresses the machine's addresses, in canonical text form
 * @param interfaces the names of its network interfaces
 */
public record LocalNetwork(Set<String> addresses, Set<String> interfaces) {

  public LocalNetwork {
    addresses = Collections.unmodifiableSet(new TreeSet<>(addresses));
    interfaces = Collections.unmodifiableSet(new TreeSet<>(interfaces));
  }

  /** What the system says now. */
  public static LocalNetwork system() {
    Set<String> addresses = new TreeSet<>();
    Set<String> interfaces = new TreeSet<>();
    try {
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        interfaces.add(network.getName());
        Collections.list(network.getInetAddresses()).forEach(a -> addresses.add(NetUtil.toAddressString(a)));
      }
    } catch (SocketException e) {
      // No interface can be listed: every source= and interface= is then refused, which says what is known.
    }
    return new LocalNetwork(addresses, interfaces);
  }
}
