package net.connmonitor.config;

import io.netty.util.NetUtil;
import java.util.regex.Pattern;

/**
 * Whether a text is an IP address literal: the one answer for host lines, {@code source=}, {@code --listen}, cluster
 * files and the probes. Netty's {@link NetUtil} reads the forms; the guards here refuse what it lets through and an
 * operator cannot mean: a dotted quad part with a leading zero (some resolvers read "010" as octal 8, others as
 * 10), an IPv6 address in brackets (the brackets belong to a port's syntax, not to the address), and a zone that is
 * empty or not an interface's name or index; and it takes a trailing dotted quad wherever RFC 4291 does, where
 * Netty takes one only in the IPv4-mapped and -compatible forms.
 */
public final class IpLiteral {

  private static final Pattern LEADING_ZERO = Pattern.compile("(?:^|[.:])0[0-9]");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9._-]+");

  private IpLiteral() {
  }

  /** A dotted quad of four numbers from 0 to 255, none with a leading zero. */
  public static boolean isIpv4(String text) {
    return NetUtil.isValidIpV4Address(text) && !LEADING_ZERO.matcher(text).find();
  }

  /**
   * An RFC 4291 text form without brackets, with an optional trailing dotted quad (no leading zeros) and an optional
   * {@code %zone}.
   */
  public static boolean isIpv6(String text) {
    int percent = text.indexOf('%');
    String address = percent < 0 ? text : text.substring(0, percent);
    if (percent >= 0 && !ZONE.matcher(text.substring(percent + 1)).matches()) {
      return false;
    }
    if (address.startsWith("[")) {
      return false;
    }
    int quad = address.lastIndexOf(':') + 1;
    if (quad > 0 && address.indexOf('.', quad) >= 0) {
      // A dotted quad stands for the last two groups anywhere RFC 4291 allows one; NetUtil takes it only after
      // ::ffff: or ::, so the groups are asked about with the quad written as two of them.
      return isIpv4(address.substring(quad)) && NetUtil.isValidIpV6Address(address.substring(0, quad) + "0:0");
    }
    return NetUtil.isValidIpV6Address(address);
  }

  /** An IPv4 or an IPv6 literal. */
  public static boolean isAddress(String text) {
    return isIpv4(text) || isIpv6(text);
  }

  /** The canonical text of a literal ({@link #isAddress}), as the system lists its own addresses; no zone. */
  public static String canonical(String literal) {
    return NetUtil.toAddressString(NetUtil.createInetAddressFromIpAddressString(literal));
  }
}
