package net.connmonitor.cluster;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.connmonitor.config.ConfigError;
import net.connmonitor.config.Vantages;

/**
 * The cluster file ({@code --cluster FILE}): one {@code KEY=VALUE} a line, '#' starting a comment.
 *
 * @param vantage this node's name in the cluster and on its records
 * @param listen  where this node listens for the cluster (the event bus on the port after it)
 * @param join    the static members to ask for the cluster when joining; may include this node
 * @param key     the cluster's key material, as {@code --make-cluster-key} writes it
 */
public record ClusterFile(String vantage, NodeAddress listen, List<NodeAddress> join, Path key) {

  private static final String VANTAGE = "vantage";
  private static final String LISTEN = "listen";
  private static final String JOIN = "join";
  private static final String KEY = "key";
  private static final List<String> KEYS = List.of(VANTAGE, LISTEN, JOIN, KEY);
  private static final String KEY_LIST = String.join(", ", KEYS);

  public ClusterFile {
    join = List.copyOf(join);
  }

  /** What reading a cluster file gave: the file, or the errors in it, each with its line. */
  public record Parsed(Optional<ClusterFile> file, List<ConfigError> errors) {

    public Parsed {
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads a cluster file.
   *
   * @param defaultVantage the vantage when the file names none: the machine's host name
   */
  public static Parsed parse(byte[] content, String defaultVantage) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return new Parsed(Optional.empty(), List.of(new ConfigError(0, null, "not UTF-8 text")));
    }
    List<ConfigError> errors = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      String key = equals < 0 ? "" : line.substring(0, equals).strip();
      if (!KEYS.contains(key)) {
        errors.add(new ConfigError(number, line, "expected KEY=VALUE with KEY one of " + KEY_LIST));
      } else if (values.putIfAbsent(key, line.substring(equals + 1).strip()) != null) {
        errors.add(new ConfigError(number, line, key + " repeated; expected each key at most once"));
      } else {
        lineOf.put(key, number);
      }
    }
    String vantage = values.getOrDefault(VANTAGE, defaultVantage);
    if (!Vantages.isName(vantage)) {
      errors.add(new ConfigError(lineOf.getOrDefault(VANTAGE, 0), vantage, "invalid vantage; expected 1 to 63 "
          + "letters, digits, '.', '_' or '-', not first '.', '_' or '-' (without vantage=, the host name)"));
    }
    Optional<NodeAddress> listen = required(values, lineOf, LISTEN, errors)
        .flatMap(value -> address(value, true, lineOf.get(LISTEN), LISTEN, errors));
    List<NodeAddress> join = new ArrayList<>();
    required(values, lineOf, JOIN, errors).ifPresent(value -> {
      for (String member : value.split(",", -1)) {
        address(member.strip(), false, lineOf.get(JOIN), JOIN, errors).ifPresent(join::add);
      }
    });
    Optional<String> key = required(values, lineOf, KEY, errors);
    if (!errors.isEmpty()) {
      return new Parsed(Optional.empty(), errors);
    }
    return new Parsed(Optional.of(new ClusterFile(vantage, listen.get(), join, Path.of(key.get()))), List.of());
  }

  private static Optional<String> required(Map<String, String> values, Map<String, Integer> lineOf, String key,
      List<ConfigError> errors) {
    String value = values.get(key);
    if (value == null) {
      errors.add(new ConfigError(0, null, "no " + key + "=; expected one line " + key + "=" + expected(key)));
      return Optional.empty();
    }
    if (value.isEmpty()) {
      errors.add(new ConfigError(lineOf.get(key), key + "=", "empty value; expected " + expected(key)));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static Optional<NodeAddress> address(String value, boolean literalOnly, int line, String key,
      List<ConfigError> errors) {
    Optional<NodeAddress> address = NodeAddress.parse(value, literalOnly);
    if (address.isEmpty()) {
      errors.add(new ConfigError(line, value, "invalid " + key + "; expected " + expected(key)));
    }
    return address;
  }

  private static String expected(String key) {
    return switch (key) {
      case LISTEN -> "ADDRESS:PORT, an IPv4 address or an IPv6 address in brackets, the port 1 to 65534 "
          + "(the event bus takes the port after it)";
      case JOIN -> "HOST:PORT[,HOST:PORT...], the members' listen= addresses";
      case KEY -> "the path of the key file that connmonitor --make-cluster-key writes";
      default -> "a value";
    };
  }
}
