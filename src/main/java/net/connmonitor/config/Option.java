package net.connmonitor.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;
import net.connmonitor.config.ValueSyntax.Refusal;
import net.connmonitor.config.ValueSyntax.RefusedValueException;

/**
 * An option a host line may carry, typed by its value, as Netty's {@code ChannelOption<T>}: its name, its default,
 * how a value is read and written, and the phrase that tells an operator what is accepted. The constants below are
 * the table of options and the only place where these facts live; {@link HostConfig} reads every value through
 * them.
 *
 * <p>A new option is one more constant, in the place it takes in the specification's table (the order in which
 * options are listed to operators), and an accessor of {@link HostConfig} for the code that uses its value.
 *
 * @param <T> the type of the option's values
 */
public final class Option<T> {

  private static final double YEAR_MS = 31_536_000_000.0;
  private static final int IP_DATAGRAM_BYTES = 65535;
  private static final int IPV4_HEADER_BYTES = 20;
  private static final int ICMP_HEADER_BYTES = 8;
  private static final int TCP_PORTS = 4;
  /** Every option, in the order of the constants; filled by the constructor, so that no list repeats them. */
  private static final List<Option<?>> TABLE = new ArrayList<>();

  public static final Option<Double> PING = new Option<>("ping", 500.0,
      ValueSyntax.decimal("milliseconds", 0, true, YEAR_MS, " (a year), 0 for no pings"));
  public static final Option<Integer> NUMPINGS = new Option<>("numpings", 10,
      ValueSyntax.integer("an integer", 1, 65535, " (the ICMP sequence number space)"));
  public static final Option<Integer> PAYLOAD = new Option<>("payload", 41,
      ValueSyntax.integer("an integer number of bytes", 1, IP_DATAGRAM_BYTES - IPV4_HEADER_BYTES - ICMP_HEADER_BYTES,
          " (the most that fits one IPv4 datagram after its " + IPV4_HEADER_BYTES + "-byte IP and "
              + ICMP_HEADER_BYTES + "-byte ICMP headers)"));
  public static final Option<Double> TRACE = new Option<>("trace", 0.0,
      ValueSyntax.decimal("milliseconds", 0, true, YEAR_MS, " (a year), 0 for no traces"));
  public static final Option<Integer> HOPS = new Option<>("hops", 30,
      ValueSyntax.integer("an integer", 1, 255, " (the largest IP time to live)"));
  public static final Option<Double> SCAN = new Option<>("scan", 0.0,
      ValueSyntax.decimal("milliseconds", 0, true, YEAR_MS, " (a year), 0 for no scans"));
  public static final Option<Boolean> JSON = new Option<>("json", false, ValueSyntax.flag());
  public static final Option<Boolean> TIMESTAMP = new Option<>("timestamp", true, ValueSyntax.flag());
  public static final Option<Double> TIMEOUT = new Option<>("timeout", 2000.0,
      ValueSyntax.decimal("milliseconds", 0, false, 3_600_000, " (an hour)"));
  public static final Option<SortedMap<String, String>> LABELS =
      new Option<>("labels", Collections.emptySortedMap(), ValueSyntax.labels());
  public static final Option<Optional<String>> SOURCE = new Option<>("source", Optional.empty(),
      ValueSyntax.address("an IPv4 or IPv6 address of this machine"));
  public static final Option<Optional<String>> INTERFACE = new Option<>("interface", Optional.empty(),
      ValueSyntax.interfaceName("the name of a network interface of this machine"));
  public static final Option<FamilyChoice> FAMILY = new Option<>("family", FamilyChoice.ANY, ValueSyntax.family(
      "4, 6 or both (which address of a name that has both; both: each, told apart by its address)"));
  public static final Option<List<Integer>> TCP = new Option<>("tcp", List.of(), ValueSyntax.ports(TCP_PORTS));
  public static final Option<Integer> TOS = new Option<>("tos", 0,
      ValueSyntax.integer("an integer", 0, 255, " (the IPv4 TOS or IPv6 traffic class byte: DSCP times 4, plus ECN)"));
  public static final Option<Vantages> FROM = new Option<>("from", Vantages.ALL, ValueSyntax.vantages());
  /** Empty: the process's default ({@code --ping-records}) applies. */
  public static final Option<Optional<PingRecords>> PINGRECORDS =
      new Option<>("pingrecords", Optional.empty(), ValueSyntax.pingRecords());
  /** The traces each hop statistics record is over; a hundred traces of a full route are held per host. */
  public static final Option<Integer> HOPSTATS = new Option<>("hopstats", 0, ValueSyntax.integer(
      "an integer number of traces", 0, 100, " (each hop statistics record is over that many), 0 for none"));

  private static final List<Option<?>> ALL = List.copyOf(TABLE);
  private static final String KEYWORDS = ALL.stream().map(Option::keyword).collect(Collectors.joining(", "));

  private final String keyword;
  private final T defaultValue;
  private final ValueSyntax<T> syntax;
  /** The place in {@link #all()}. */
  private final int index;

  private Option(String keyword, T defaultValue, ValueSyntax<T> syntax) {
    this.keyword = keyword;
    this.defaultValue = defaultValue;
    this.syntax = syntax;
    this.index = TABLE.size();
    TABLE.add(this);
  }

  /** Every option, in the order of the specification's table. */
  public static List<Option<?>> all() {
    return ALL;
  }

  /** The names of all options, comma-separated, in the order of the specification's table. */
  public static String keywords() {
    return KEYWORDS;
  }

  /** The option with this name, compared without regard to ASCII case. */
  public static Optional<Option<?>> byKeyword(String name) {
    String lower = Ascii.lowerCase(name);
    return ALL.stream().filter(option -> option.keyword.equals(lower)).findFirst();
  }

  /** The name as written in the configuration, lower case. */
  public String keyword() {
    return keyword;
  }

  /** The value a host line gets when it does not name this option. */
  public T defaultValue() {
    return defaultValue;
  }

  /** What a value must look like, as the end of the sentence "expected ...". */
  public String accepted() {
    return syntax.accepted();
  }

  int index() {
    return index;
  }

  /**
   * Reads a value as typed. ASCII case does not matter, but for labels, interface and vantage names, which keep it.
   *
   * @throws RefusedValueException when the value is empty, malformed or out of range
   */
  T parse(String value) throws RefusedValueException {
    if (value.isEmpty()) {
      throw new RefusedValueException(Refusal.EMPTY);
    }
    return syntax.read(value);
  }

  /** The value as a host line names it; {@link #parse} reads it back as the same value. Not for the default. */
  String written(T value) {
    return syntax.written(value);
  }

  @Override
  public String toString() {
    return keyword;
  }
}
