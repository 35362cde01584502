package net.connmonitor.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a host token can be monitored: an IPv4 dotted quad, an IPv6 literal or a DNS name. Only the form is
 * checked here; whether a name resolves is known when it is looked up.
 */
final class HostSyntax {

  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern QUAD_PART = Pattern.compile("0|[1-9][0-9]{0,2}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final int MAX_NAME_LENGTH = 253;

  private HostSyntax() {
  }

  /** The error for a token that is not a host, or empty when it is one. */
  static Optional<ConfigError> check(int line, String token) {
    if (token.indexOf(':') >= 0) {
      return isIpv6(token) ? Optional.empty() : Optional.of(ConfigError.invalidIpv6(line, token));
    }
    // Java's resolver would take "1.2.3" or "10" for an address (inet_aton forms); an operator means a quad.
    if (DIGITS_AND_DOTS.matcher(token).matches()) {
      return isIpv4(token) ? Optional.empty() : Optional.of(ConfigError.invalidIpv4(line, token));
    }
    return isDnsName(token) ? Optional.empty() : Optional.of(ConfigError.invalidHostName(line, token));
  }

  /** Leading zeros are refused: some resolvers read "010" as octal 8, others as 10. */
  static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!QUAD_PART.matcher(part).matches() || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4291 text forms, with an optional trailing dotted quad and an optional {@code %zone}; no brackets. */
  static boolean isIpv6(String text) {
    String address = text;
    int percent = text.indexOf('%');
    if (percent >= 0) {
      if (!ZONE.matcher(text.substring(percent + 1)).matches()) {
        return false;
      }
      address = text.substring(0, percent);
    }
    int lastColon = address.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    String last = address.substring(lastColon + 1);
    if (last.indexOf('.') >= 0) {
      if (!isIpv4(last)) {
        return false;
      }
      // A dotted quad stands for the last two groups.
      address = address.substring(0, lastColon + 1) + "0:0";
    }
    int gap = address.indexOf("::");
    if (gap < 0) {
      return groups(address) == 8;
    }
    if (address.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int left = groups(address.substring(0, gap));
    int right = groups(address.substring(gap + 2));
    return left >= 0 && right >= 0 && left + right <= 7;
  }

  /** The number of colon-separated hex groups, 0 for none, -1 when one is not a hex group. */
  private static int groups(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    String[] groups = text.split(":", -1);
    for (String group : groups) {
      if (!HEX_GROUP.matcher(group).matches()) {
        return -1;
      }
    }
    return groups.length;
  }

  /** Underscores are allowed: they are common in real host names even though RFC 952 forbids them. */
  static boolean isDnsName(String text) {
    String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
