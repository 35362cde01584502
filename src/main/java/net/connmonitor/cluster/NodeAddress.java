package net.connmonitor.cluster;

import java.util.Optional;
import net.connmonitor.config.IpLiteral;

/**
 * A cluster node's address as a cluster file writes it: {@code HOST:PORT}, an IPv6 address in brackets. The
 * membership protocol listens on the port, the event bus on the port after it.
 *
 * @param host an IP address (canonical text form) or, for {@code join=}, a host name
 * @param port 1 to 65534, so that the event bus's port exists too
 */
public record NodeAddress(String host, int port) {

  /** How far the event bus's port is from the membership protocol's: the next one. */
  static final int EVENT_BUS_PORT_OFFSET = 1;

  /** @return empty when {@code text} is not {@code HOST:PORT} (with {@code literalOnly}, HOST an IP address) */
  static Optional<NodeAddress> parse(String text, boolean literalOnly) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String digits = text.substring(colon + 1);
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535 - EVENT_BUS_PORT_OFFSET) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    String bracketed = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
    if (IpLiteral.isIpv6(bracketed)) {
      return Optional.of(new NodeAddress(IpLiteral.canonical(bracketed), port));
    }
    if (IpLiteral.isIpv4(host)) {
      return Optional.of(new NodeAddress(host, port));
    }
    boolean name = !literalOnly && host.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
    return name ? Optional.of(new NodeAddress(host, port)) : Optional.empty();
  }

  /** Where this node's event bus listens. */
  int eventBusPort() {
    return port + EVENT_BUS_PORT_OFFSET;
  }

  @Override
  public String toString() {
    return IpLiteral.isIpv6(host) ? "[" + host + "]:" + port : host + ":" + port;
  }
}
