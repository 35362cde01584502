package net.connmonitor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the configuration format: one host per line, {@code HOST [NAME=VALUE ...]}, {@code #} comments. Every
 * error of the text is found, not only the first; a line with an error contributes no host, and neither does a
 * line that repeats an earlier one.
 */
public final class ConfigParser {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private ConfigParser() {
  }

  /** Parses text that is already decoded, against this machine's network. */
  public static ParsedConfig parse(String text) {
    return parse(text, List.of(), LocalNetwork::system);
  }

  /** Parses text that is already decoded, against {@code network} for {@code source=} and {@code interface=}. */
  public static ParsedConfig parse(String text, LocalNetwork network) {
    return parse(text, List.of(), () -> network);
  }

  /**
   * Parses the bytes of a configuration file as strict UTF-8, against this machine's network; each malformed
   * sequence is an error of its line. More than {@link ConfigFile#MAX_BYTES} are refused whole, unread.
   */
  public static ParsedConfig parse(byte[] utf8) {
    if (utf8.length > ConfigFile.MAX_BYTES) {
      return new ParsedConfig(List.of(), List.of(ConfigError.tooLarge(ConfigFile.MAX_BYTES)), 0, List.of(), 0);
    }
    DecodedText decoded = DecodedText.decode(utf8);
    return parse(decoded.text(), decoded.malformed(), LocalNetwork::system);
  }

  private static ParsedConfig parse(String text, List<DecodedText.Malformed> malformed,
      Supplier<LocalNetwork> system) {
    // Listed once, and only when a line names an address or interface: listing takes milliseconds.
    Supplier<LocalNetwork> network = new Supplier<>() {
      private LocalNetwork listed;

      @Override
      public LocalNetwork get() {
        if (listed == null) {
          listed = system.get();
        }
        return listed;
      }
    };
    Map<HostConfig, Integer> hosts = new LinkedHashMap<>();
    Capped<ConfigError> errors = new Capped<>();
    Capped<DuplicateHost> duplicates = new Capped<>();
    int nextMalformed = 0;
    int lineNumber = 0;
    // Editors on Windows write a byte order mark; it is not part of the first host's name.
    int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    while (start <= text.length()) {
      lineNumber++;
      int end = start;
      while (end < text.length() && !isLineTerminator(text.charAt(end))) {
        end++;
      }
      boolean badBytes = false;
      while (nextMalformed < malformed.size() && malformed.get(nextMalformed).index() < end) {
        errors.add(ConfigError.invalidUtf8(lineNumber, malformed.get(nextMalformed).bytes()));
        nextMalformed++;
        badBytes = true;
      }
      // The text of a line with bad bytes is a guess; judging its tokens would report the guess.
      if (!badBytes) {
        Optional<HostConfig> host = parseLine(lineNumber, text.substring(start, end), errors, network);
        if (host.isPresent()) {
          Integer firstLine = hosts.putIfAbsent(host.get(), lineNumber);
          if (firstLine != null) {
            duplicates.add(new DuplicateHost(lineNumber, firstLine, host.get().host()));
          }
        }
      }
      boolean crlf = end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n';
      start = end + (crlf ? 2 : 1);
    }
    if (hosts.isEmpty() && errors.isEmpty()) {
      errors.add(ConfigError.noHost());
    }
    return new ParsedConfig(List.copyOf(hosts.keySet()), errors.listed(), errors.more(), duplicates.listed(),
        duplicates.more());
  }

  /** The line's host, or empty for a line without one or with errors, which go to {@code errors}. */
  private static Optional<HostConfig> parseLine(int lineNumber, String line, Capped<ConfigError> errors,
      Supplier<LocalNetwork> network) {
    int comment = line.indexOf('#');
    List<String> tokens = tokens(comment < 0 ? line : line.substring(0, comment));
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    List<ConfigError> lineErrors = new ArrayList<>();
    String host = tokens.get(0);
    if (host.indexOf('=') >= 0) {
      lineErrors.add(ConfigError.missingHost(lineNumber, host));
    } else {
      HostSyntax.check(lineNumber, host).ifPresent(lineErrors::add);
    }
    OptionValues.Builder given = new OptionValues.Builder();
    Map<Option<?>, String> tokensOf = new HashMap<>();
    for (String token : tokens.subList(1, tokens.size())) {
      readOption(lineNumber, token, given, tokensOf).ifPresent(lineErrors::add);
    }
    OptionValues values = given.build();
    if (lineErrors.isEmpty()) {
      lineErrors.addAll(Binding.check(lineNumber, host, values, tokensOf, network));
      if (tokensOf.containsKey(Option.TCP) && values.get(Option.PING) == 0) {
        lineErrors.add(ConfigError.tcpWithoutPings(lineNumber, tokensOf.get(Option.TCP)));
      }
      if (values.get(Option.HOPSTATS) != 0 && values.get(Option.TRACE) == 0) {
        lineErrors.add(ConfigError.hopStatsWithoutTraces(lineNumber, tokensOf.get(Option.HOPSTATS)));
      }
    }
    lineErrors.forEach(errors::add);
    return lineErrors.isEmpty() ? Optional.of(new HostConfig(host, values)) : Optional.empty();
  }

  /**
   * Sets the option in {@code given}, or returns what is wrong with it. {@code tokensOf} also holds options whose
   * value was refused, so that naming one again is reported as a repetition.
   */
  private static Optional<ConfigError> readOption(int lineNumber, String token, OptionValues.Builder given,
      Map<Option<?>, String> tokensOf) {
    int equals = token.indexOf('=');
    if (equals < 0) {
      return Optional.of(ConfigError.notAnOption(lineNumber, token));
    }
    if (equals == 0) {
      return Optional.of(ConfigError.missingOptionName(lineNumber, token));
    }
    Optional<Option<?>> known = Option.byKeyword(token.substring(0, equals));
    if (known.isEmpty()) {
      return Optional.of(ConfigError.unknownOption(lineNumber, token));
    }
    Option<?> option = known.get();
    if (tokensOf.putIfAbsent(option, token) != null) {
      return Optional.of(ConfigError.repeatedOption(lineNumber, token, option));
    }
    try {
      given.read(option, token.substring(equals + 1));
      return Optional.empty();
    } catch (ValueSyntax.RefusedValueException e) {
      return Optional.of(switch (e.refusal()) {
        case EMPTY -> ConfigError.emptyValue(lineNumber, token, option);
        case MALFORMED -> ConfigError.invalidValue(lineNumber, token, option);
        case OUT_OF_RANGE -> ConfigError.valueOutOfRange(lineNumber, token, option);
      });
    }
  }

  /** Splits at runs of white space; line terminators are already gone. */
  private static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    int tokenStart = -1;
    int i = 0;
    while (i < line.length()) {
      int c = line.codePointAt(i);
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (space && tokenStart >= 0) {
        tokens.add(line.substring(tokenStart, i));
        tokenStart = -1;
      } else if (!space && tokenStart < 0) {
        tokenStart = i;
      }
      i += Character.charCount(c);
    }
    if (tokenStart >= 0) {
      tokens.add(line.substring(tokenStart));
    }
    return tokens;
  }

  private static boolean isLineTerminator(char c) {
    return switch (c) {
      case '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> true;
      default -> false;
    };
  }
}
