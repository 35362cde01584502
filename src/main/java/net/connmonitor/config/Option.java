package net.connmonitor.config;

import io.netty.util.NetUtil;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The options a host line may carry: for each, its name, default, accepted values and the phrase that
 * tells an operator what is accepted. The only place where these facts live.
 */
public enum Option {
  PING("ping", 500.0, 0, true, Limits.YEAR_MS,
      "a decimal number of milliseconds from 0 to 31536000000 (a year), 0 for no pings"),
  NUMPINGS("numpings", 10, 1, 65535,
      "an integer from 1 to 65535 (the ICMP sequence number space)"),
  PAYLOAD("payload", 41, 1, 65507,
      "an integer number of bytes from 1 to 65507 (the most that fits one IPv4 datagram"
          + " after its 20-byte IP and 8-byte ICMP headers)"),
  TRACE("trace", 0.0, 0, true, Limits.YEAR_MS,
      "a decimal number of milliseconds from 0 to 31536000000 (a year), 0 for no traces"),
  HOPS("hops", 30, 1, 255,
      "an integer from 1 to 255 (the largest IP time to live)"),
  SCAN("scan", 0.0, 0, true, Limits.YEAR_MS,
      "a decimal number of milliseconds from 0 to 31536000000 (a year), 0 for no scans"),
  JSON("json", false, "true, false or an integer (non-zero means true)"),
  TIMESTAMP("timestamp", true, "true, false or an integer (non-zero means true)"),
  TIMEOUT("timeout", 2000.0, 0, false, 3_600_000,
      "a decimal number of milliseconds greater than 0 and at most 3600000 (an hour)"),
  LABELS("labels", Kind.LABELS, Collections.emptySortedMap(),
      "KEY:VALUE[,KEY:VALUE...], each key once, of letters, digits and _ (not first a digit, not __ first, none of "
          + String.join(", ", Labels.RESERVED) + "), each value not empty"),
  SOURCE("source", Kind.ADDRESS, Optional.empty(), "an IPv4 or IPv6 address of this machine"),
  INTERFACE("interface", Kind.INTERFACE, Optional.empty(), "the name of a network interface of this machine"),
  FAMILY("family", Kind.FAMILY, Family.ANY,
      "4, 6 or both (which address of a name that has both; both: each, told apart by its address)"),
  TCP("tcp", Kind.PORTS, List.of(),
      "1 to " + Limits.TCP_PORTS + " TCP port numbers from 1 to 65535, comma-separated, each once"),
  TOS("tos", 0, 0, 255,
      "an integer from 0 to 255 (the IPv4 TOS or IPv6 traffic class byte: DSCP times 4, plus ECN)"),
  FROM("from", Kind.VANTAGES, Vantages.ALL,
      "all, any, or VANTAGE[,VANTAGE...] (where in a cluster the host is measured), each of letters, digits, '.', '_'"
          + " and '-'"),
  /** Empty: the process's default ({@code --ping-records}) applies. */
  PINGRECORDS("pingrecords", Kind.PING_RECORDS, Optional.empty(), PingRecords.ACCEPTED),
  /** The traces each hop statistics record is over; a hundred traces of a full route are held per host. */
  HOPSTATS("hopstats", 0, 0, 100,
      "an integer number of traces from 0 to 100 (each hop statistics record is over that many), 0 for none");

  /** What kind of value an option takes, and so which Java type {@link #parse} yields. */
  public enum Kind {
    /** A {@link Double}. */
    DECIMAL,
    /** An {@link Integer}. */
    INTEGER,
    /** A {@link Boolean}. */
    FLAG,
    /** A {@code SortedMap<String, String>}: keys and values keep their case. */
    LABELS,
    /** An {@code Optional<String>}: an IP address literal in canonical form. */
    ADDRESS,
    /** An {@code Optional<String>}: a network interface's name, case kept. */
    INTERFACE,
    /** A {@link Family}. */
    FAMILY,
    /** A {@link Vantages}: vantage names keep their case. */
    VANTAGES,
    /** An {@code Optional<PingRecords>}. */
    PING_RECORDS,
    /** A {@code List<Integer>} of TCP ports, ascending, each once. */
    PORTS
  }

  /** Why {@link #parse} refused a value. */
  enum Refusal {
    EMPTY, MALFORMED, OUT_OF_RANGE
  }

  /** Thrown by {@link #parse} for a value that is not accepted. */
  static final class RefusedValueException extends Exception {
    private final Refusal refusal;

    RefusedValueException(Refusal refusal) {
      // No stack trace: a refused value is an outcome reported to the operator, not a bug.
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }

    Refusal refusal() {
      return refusal;
    }
  }

  private static final String KEYWORDS =
      Arrays.stream(values()).map(Option::keyword).collect(Collectors.joining(", "));

  /** The sign, then the digits whose value decides whether a minus is acceptable, then an exponent. */
  private static final Pattern DECIMAL =
      Pattern.compile("([+-]?)([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?");
  private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern NON_ZERO_DIGIT = Pattern.compile("[1-9]");

  private final String keyword;
  private final Kind kind;
  private final Object defaultValue;
  // Flags have no range; integer ranges are exact in a double.
  private final double min;
  private final boolean minIncluded;
  private final double max;
  private final String accepted;

  Option(String keyword, double defaultValue, double min, boolean minIncluded, double max, String accepted) {
    this(keyword, Kind.DECIMAL, defaultValue, min, minIncluded, max, accepted);
  }

  Option(String keyword, int defaultValue, int min, int max, String accepted) {
    this(keyword, Kind.INTEGER, defaultValue, min, true, max, accepted);
  }

  Option(String keyword, boolean defaultValue, String accepted) {
    this(keyword, Kind.FLAG, defaultValue, 0, true, 0, accepted);
  }

  Option(String keyword, Kind kind, Object defaultValue, String accepted) {
    this(keyword, kind, defaultValue, 0, true, 0, accepted);
  }

  Option(String keyword, Kind kind, Object defaultValue, double min, boolean minIncluded, double max,
      String accepted) {
    this.keyword = keyword;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.min = min;
    this.minIncluded = minIncluded;
    this.max = max;
    this.accepted = accepted;
  }

  /** The name as written in the configuration, lower case. */
  public String keyword() {
    return keyword;
  }

  public Kind kind() {
    return kind;
  }

  /** The value a host line gets when it does not name this option, of the type {@link #kind()} says. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** What a value must look like, as the end of the sentence "expected ...". */
  public String accepted() {
    return accepted;
  }

  /** The names of all options, comma-separated, in the order of the specification's table. */
  public static String keywords() {
    return KEYWORDS;
  }

  /** The option with this name, compared without regard to ASCII case. */
  public static Optional<Option> byKeyword(String name) {
    String lower = Ascii.lowerCase(name);
    return Arrays.stream(values()).filter(option -> option.keyword.equals(lower)).findFirst();
  }

  /**
   * Reads a value as typed. ASCII case does not matter, but for labels, interface and vantage names, which keep it.
   *
   * @return a value of the type {@link #kind()} says
   * @throws RefusedValueException when the value is empty, malformed or out of range
   */
  Object parse(String value) throws RefusedValueException {
    if (value.isEmpty()) {
      throw new RefusedValueException(Refusal.EMPTY);
    }
    String lower = Ascii.lowerCase(value);
    return switch (kind) {
      case DECIMAL -> parseDecimal(lower);
      case INTEGER -> parseInteger(lower);
      case FLAG -> parseFlag(lower);
      case LABELS -> Labels.parse(value).orElseThrow(() -> new RefusedValueException(Refusal.MALFORMED));
      case ADDRESS -> Optional.of(address(lower));
      case INTERFACE -> Optional.of(interfaceName(value));
      case FAMILY -> family(lower);
      case VANTAGES -> Vantages.parse(value).orElseThrow(() -> new RefusedValueException(Refusal.MALFORMED));
      case PING_RECORDS -> Optional.of(PingRecords.written(lower)
          .orElseThrow(() -> new RefusedValueException(Refusal.MALFORMED)));
      case PORTS -> ports(lower);
    };
  }

  private static String address(String value) throws RefusedValueException {
    if (!HostSyntax.isIpv4(value) && !HostSyntax.isIpv6(value)) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    return NetUtil.toAddressString(NetUtil.createInetAddressFromIpAddressString(value));
  }

  /** What Linux accepts as an interface's name: 1 to 15 bytes, no slash, colon or space, neither "." nor "..". */
  private static String interfaceName(String value) throws RefusedValueException {
    boolean valid = value.length() <= 15 && !value.equals(".") && !value.equals("..")
        && value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != ':');
    if (!valid) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    return value;
  }

  private static Family family(String value) throws RefusedValueException {
    Family family = Family.written(value);
    if (family == Family.ANY) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    return family;
  }

  /** Each port once, at most a few: every one costs a connection per echo request of every burst. */
  private static List<Integer> ports(String value) throws RefusedValueException {
    String[] listed = value.split(",", -1);
    if (listed.length > Limits.TCP_PORTS) {
      throw new RefusedValueException(Refusal.OUT_OF_RANGE);
    }
    SortedSet<Integer> ports = new TreeSet<>();
    for (String port : listed) {
      if (!PORT.matcher(port).matches()) {
        throw new RefusedValueException(Refusal.MALFORMED);
      }
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65535) {
        throw new RefusedValueException(Refusal.OUT_OF_RANGE);
      }
      if (!ports.add(number)) {
        throw new RefusedValueException(Refusal.MALFORMED);
      }
    }
    return List.copyOf(ports);
  }

  /**
   * Numbers may carry a sign, as flags always could: "+5" is 5, and "-0" is 0, as a program that prints a computed
   * zero may write it. No option takes a negative value, so any other value with a minus is refused as malformed.
   * The minus is judged on the digits as typed: "-1e-400" is refused, though a double cannot tell it from 0.
   */
  private Double parseDecimal(String value) throws RefusedValueException {
    Matcher parts = DECIMAL.matcher(value);
    if (!parts.matches() || parts.group(1).equals("-") && NON_ZERO_DIGIT.matcher(parts.group(2)).find()) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    // The range is checked on the double that will be used, so "1e-400" (0.0) is not a positive timeout.
    // Adding 0.0 turns -0.0 into 0.0: a host line with ping=-0 is the same line as one with ping=0.
    double parsed = Double.parseDouble(value) + 0.0;
    boolean aboveMin = minIncluded ? parsed >= min : parsed > min;
    if (!aboveMin || !(parsed <= max)) {
      throw new RefusedValueException(Refusal.OUT_OF_RANGE);
    }
    return parsed;
  }

  /** Signs as for {@linkplain #parseDecimal decimals}: "-0" is 0, which is then judged against the range. */
  private Integer parseInteger(String value) throws RefusedValueException {
    if (!SIGNED.matcher(value).matches()) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    BigInteger parsed = new BigInteger(value);
    if (parsed.signum() < 0) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    if (parsed.compareTo(BigInteger.valueOf((long) min)) < 0 || parsed.compareTo(BigInteger.valueOf((long) max)) > 0) {
      throw new RefusedValueException(Refusal.OUT_OF_RANGE);
    }
    return parsed.intValueExact();
  }

  private static Boolean parseFlag(String value) throws RefusedValueException {
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    if (!SIGNED.matcher(value).matches()) {
      throw new RefusedValueException(Refusal.MALFORMED);
    }
    return new BigInteger(value).signum() != 0;
  }

  // Enum constants cannot refer to the enum's own static fields: they are initialised first.
  private static final class Limits {
    static final double YEAR_MS = 31_536_000_000.0;
    static final int TCP_PORTS = 4;
  }
}
