package net.connmonitor.monitor;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.connmonitor.config.HostConfig;
import net.connmonitor.icmp.Departure;
import net.connmonitor.probe.ScanClient;

/**
 * Where a host's probes leave from, as its {@code source=} and {@code interface=} say, and with which TOS, as its
 * {@code tos=} says. ICMP requests carry all three, per datagram. TCP connections (Vert.x binds no device) leave from
 * the source, or else from the interface's own address of the target's family.
 *
 * @param departure the ICMP requests' source, interface and traffic class
 * @param tcpSource the local address of the scans' connections, or the system's choice
 */
record Egress(Departure departure, Optional<String> tcpSource) {

  static final Egress ANY = new Egress(Departure.ANY, Optional.empty());

  static Egress of(HostConfig config, InetAddress target) throws HostUnusableException {
    if (config.source().isEmpty() && config.interfaceName().isEmpty()) {
      return config.tos() == 0 ? ANY : new Egress(new Departure(Optional.empty(), 0, config.tos()), Optional.empty());
    }
    Optional<InetAddress> source = config.source().map(NetUtil::createInetAddressFromIpAddressString);
    int index = 0;
    Optional<String> tcpSource = config.source();
    if (config.interfaceName().isPresent()) {
      NetworkInterface network = network(config.interfaceName().get());
      index = network.getIndex();
      if (tcpSource.isEmpty()) {
        tcpSource = Optional.of(addressOf(network, target));
      }
    }
    return new Egress(new Departure(source, index, config.tos()), tcpSource);
  }

  /** How the scans' connections leave: from the TCP source, with the host's TOS. */
  ScanClient.Origin scanOrigin(HostConfig config) {
    return new ScanClient.Origin(tcpSource, config.tos());
  }

  /**
   * How scans of these hosts may leave: from their sources, or the named interfaces' addresses, or the system's
   * choice, each with the host's TOS.
   */
  static Set<ScanClient.Origin> scanOrigins(List<HostConfig> hosts) {
    Set<ScanClient.Origin> origins = new HashSet<>();
    for (HostConfig host : hosts) {
      Set<String> sources = new TreeSet<>();
      host.source().ifPresent(sources::add);
      host.interfaceName().ifPresent(name -> {
        try {
          NetworkInterface network = NetworkInterface.getByName(name);
          if (network != null) {
            Collections.list(network.getInetAddresses()).forEach(a -> sources.add(NetUtil.toAddressString(a)));
          }
        } catch (SocketException e) {
          // The host says so when it starts: its interface cannot be read.
        }
      });
      if (sources.isEmpty()) {
        origins.add(new ScanClient.Origin(Optional.empty(), host.tos()));
      }
      sources.forEach(source -> origins.add(new ScanClient.Origin(Optional.of(source), host.tos())));
    }
    return origins;
  }

  private static NetworkInterface network(String name) throws HostUnusableException {
    try {
      NetworkInterface network = NetworkInterface.getByName(name);
      if (network == null) {
        throw new HostUnusableException("no network interface " + name + " any more");
      }
      return network;
    } catch (SocketException e) {
      throw new HostUnusableException("cannot read the network interface " + name + " (" + e.getMessage() + ")");
    }
  }

  /** The interface's address of the target's family, a global one before a link-local one. */
  private static String addressOf(NetworkInterface network, InetAddress target) throws HostUnusableException {
    boolean v4 = target instanceof Inet4Address;
    InetAddress chosen = null;
    for (InetAddress address : Collections.list(network.getInetAddresses())) {
      boolean sameFamily = v4 ? address instanceof Inet4Address : address instanceof Inet6Address;
      if (sameFamily && (chosen == null || chosen.isLinkLocalAddress() && !address.isLinkLocalAddress())) {
        chosen = address;
      }
    }
    if (chosen == null) {
      throw new HostUnusableException("the network interface " + network.getName() + " has no "
          + (v4 ? "IPv4" : "IPv6") + " address for the scans to leave from");
    }
    return NetUtil.toAddressString(chosen);
  }
}
