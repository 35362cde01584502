package net.connmonitor.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a host token can be monitored: an IPv4 dotted quad, an IPv6 literal or a DNS name. Only the form is
 * checked here; whether a name resolves is known when it is looked up.
 */
final class HostSyntax {

  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final int MAX_NAME_LENGTH = 253;

  private HostSyntax() {
  }

  /** The error for a token that is not a host, or empty when it is one. */
  static Optional<ConfigError> check(int line, String token) {
    if (token.indexOf(':') >= 0) {
      return IpLiteral.isIpv6(token) ? Optional.empty() : Optional.of(ConfigError.invalidIpv6(line, token));
    }
    // Java's resolver would take "1.2.3" or "10" for an address (inet_aton forms); an operator means a quad.
    if (DIGITS_AND_DOTS.matcher(token).matches()) {
      return IpLiteral.isIpv4(token) ? Optional.empty() : Optional.of(ConfigError.invalidIpv4(line, token));
    }
    return isDnsName(token) ? Optional.empty() : Optional.of(ConfigError.invalidHostName(line, token));
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
