package net.connmonitor.http;

import net.connmonitor.config.IpLiteral;

/**
 * Where the HTTP endpoints listen, as {@code --listen} gives it: {@code ADDRESS:PORT}, {@code [IPv6]:PORT}, or
 * {@code :PORT} for every address of the machine, IPv4 and IPv6.
 *
 * @param host the address to bind, {@code ::} for every address
 * @param port 1 to 65535
 * @param text as the operator wrote it, for messages
 */
public record ListenAddress(String host, int port, String text) {

  /** An IPv6 socket bound to the unspecified address takes IPv4 connections as well (Linux's bindv6only=0). */
  private static final String EVERY_ADDRESS = "::";

  /** @throws IllegalArgumentException with a one-line message saying what is accepted */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw invalid(text, "no :PORT");
    }
    int port = port(text, text.substring(colon + 1));
    String host = text.substring(0, colon);
    if (host.isEmpty()) {
      return new ListenAddress(EVERY_ADDRESS, port, text);
    }
    String bracketed = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : "";
    if (IpLiteral.isIpv6(bracketed)) {
      return new ListenAddress(bracketed, port, text);
    }
    if (IpLiteral.isIpv4(host)) {
      return new ListenAddress(host, port, text);
    }
    throw invalid(text, "\"" + host + "\" is not an IPv4 address or an IPv6 address in brackets");
  }

  private static int port(String text, String digits) {
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(text, "the port \"" + digits + "\" is not a number");
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw invalid(text, "the port " + port + " is outside 1..65535");
    }
    return port;
  }

  private static IllegalArgumentException invalid(String text, String problem) {
    return new IllegalArgumentException("--listen \"" + text + "\": " + problem
        + "; expected ADDRESS:PORT, [IPv6-ADDRESS]:PORT or :PORT");
  }

  @Override
  public String toString() {
    return text;
  }
}
