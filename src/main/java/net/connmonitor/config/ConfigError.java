package net.connmonitor.config;

import java.util.Locale;

/**
 * One thing wrong with a configuration, worded for the operator: what is wrong, then what would be accepted.
 * The factories below are the only place where the wording lives.
 *
 * @param line    1-based line number, or 0 when the error is about the whole configuration
 * @param token   the offending token exactly as typed, or null when the error is not about one token
 * @param problem what is wrong and what is expected, e.g. {@code unknown option; expected one of ping, ...}
 */
public record ConfigError(int line, String token, String problem) {

  private static final String LINE_FORM = "HOST [NAME=VALUE ...]";
  /** Enough to recognise any token an operator typed; what is longer is not read by anyone anyway. */
  static final int SHOWN_TOKEN_CHARS = 60;

  public ConfigError {
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more: " + line);
    }
    if (problem == null) {
      throw new NullPointerException("problem");
    }
  }

  /**
   * The error on one line: {@code line 3: "pings=5": unknown option; expected one of ...}. The line and the
   * token are left out when they are 0 or null; the token is quoted with JSON escapes so that quotes, control
   * characters and invisible formatting characters in it stay visible and cannot break the line. A token whose
   * quoted form would run past {@value #SHOWN_TOKEN_CHARS} characters (a line of binary garbage, a megabyte
   * without white space) is cut there and followed by its length: {@code "aaaa…" (1048576 characters)}.
   */
  public String message() {
    StringBuilder message = new StringBuilder();
    if (line > 0) {
      message.append("line ").append(line).append(": ");
    }
    if (token != null) {
      appendQuoted(message, token);
      message.append(": ");
    }
    return message.append(problem).toString();
  }

  @Override
  public String toString() {
    return message();
  }

  static ConfigError unknownOption(int line, String token) {
    return new ConfigError(line, token, "unknown option; expected one of " + Option.keywords());
  }

  static ConfigError missingOptionName(int line, String token) {
    return new ConfigError(line, token,
        "missing option name; expected NAME=VALUE with NAME one of " + Option.keywords());
  }

  static ConfigError notAnOption(int line, String token) {
    return new ConfigError(line, token,
        "not an option; expected NAME=VALUE (only the first token of a line is a host)");
  }

  static ConfigError repeatedOption(int line, String token, Option<?> option) {
    return new ConfigError(line, token,
        "option " + option.keyword() + " repeated; expected each option at most once per line");
  }

  static ConfigError emptyValue(int line, String token, Option<?> option) {
    return new ConfigError(line, token, "empty value for " + option.keyword() + "; expected " + option.accepted());
  }

  static ConfigError invalidValue(int line, String token, Option<?> option) {
    return new ConfigError(line, token, "invalid value for " + option.keyword() + "; expected " + option.accepted());
  }

  static ConfigError valueOutOfRange(int line, String token, Option<?> option) {
    return new ConfigError(line, token,
        "value out of range for " + option.keyword() + "; expected " + option.accepted());
  }

  static ConfigError notLocal(int line, String token, String addresses) {
    return new ConfigError(line, token, "not an address of this machine; expected one of " + addresses);
  }

  static ConfigError noSuchInterface(int line, String token, String interfaces) {
    return new ConfigError(line, token, "no such network interface; expected one of " + interfaces);
  }

  static ConfigError otherFamily(int line, String token, String other) {
    return new ConfigError(line, token, "not of the same address family as " + other
        + "; expected addresses and family of one kind, IPv4 or IPv6");
  }

  static ConfigError tcpWithoutPings(int line, String token) {
    return new ConfigError(line, token,
        "TCP pings go with the ping bursts, which ping=0 turns off; expected ping= above 0, or no tcp=");
  }

  static ConfigError hopStatsWithoutTraces(int line, String token) {
    return new ConfigError(line, token,
        "hop statistics are over the traces, which trace=0 turns off; expected trace= above 0, or no hopstats=");
  }

  static ConfigError missingHost(int line, String token) {
    return new ConfigError(line, token, "missing host; expected a line " + LINE_FORM + " that starts with the host");
  }

  static ConfigError invalidIpv4(int line, String token) {
    return new ConfigError(line, token,
        "not a valid IPv4 address; expected four numbers from 0 to 255 separated by dots, without leading zeros");
  }

  static ConfigError invalidIpv6(int line, String token) {
    return new ConfigError(line, token,
        "not a valid IPv6 address; expected an IPv6 address without brackets, e.g. 2001:db8::1 or fe80::1%eth0");
  }

  static ConfigError invalidHostName(int line, String token) {
    return new ConfigError(line, token,
        "not a valid host name; expected a DNS name of at most 253 characters: dot-separated labels of 1 to 63"
            + " ASCII letters, digits, '-' and '_', not starting or ending with '-'");
  }

  static ConfigError invalidUtf8(int line, byte[] bytes) {
    StringBuilder problem = new StringBuilder("invalid UTF-8 (byte");
    if (bytes.length > 1) {
      problem.append('s');
    }
    for (byte b : bytes) {
      problem.append(String.format(" 0x%02X", b & 0xFF));
    }
    return new ConfigError(line, null, problem.append("); expected text encoded in UTF-8").toString());
  }

  static ConfigError tooLarge(int maxBytes) {
    return new ConfigError(0, null, String.format(Locale.ROOT, "larger than %d MiB; expected a configuration of at "
        + "most %,d bytes", maxBytes >> 20, maxBytes));
  }

  static ConfigError noHost() {
    return new ConfigError(0, null, "no host to monitor; expected at least one line " + LINE_FORM);
  }

  private static void appendQuoted(StringBuilder out, String token) {
    StringBuilder shown = new StringBuilder();
    int i = 0;
    while (i < token.length()) {
      int c = token.codePointAt(i);
      String escaped = escaped(c);
      if (shown.length() + escaped.length() > SHOWN_TOKEN_CHARS) {
        out.append('"').append(shown).append("…\" (").append(token.codePointCount(0, token.length()))
            .append(" characters)");
        return;
      }
      shown.append(escaped);
      i += Character.charCount(c);
    }
    out.append('"').append(shown).append('"');
  }

  private static String escaped(int c) {
    int type = Character.getType(c);
    if (c == '"' || c == '\\') {
      return "\\" + (char) c;
    }
    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE) {
      StringBuilder units = new StringBuilder();
      for (char unit : Character.toChars(c)) {
        units.append(String.format("\\u%04X", (int) unit));
      }
      return units.toString();
    }
    return Character.toString(c);
  }
}
