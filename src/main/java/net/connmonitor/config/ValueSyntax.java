package net.connmonitor.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the values of an option are read from a host line and written back, and what an operator is told is accepted.
 * For numbers the phrase is written from the bounds the reader checks, so that a range is stated once.
 *
 * @param accepted what a value must look like, as the end of the sentence "expected ..."
 * @param reader   reads a value that is not empty, or refuses it
 * @param writer   the value as a host line would name it, which the reader reads back as the same value
 * @param <T>      the type of the values
 */
record ValueSyntax<T>(String accepted, Reader<T> reader, Function<T, String> writer) {

  /** Reads one value; the text is not empty. */
  @FunctionalInterface
  interface Reader<T> {
    T read(String text) throws RefusedValueException;
  }

  /** Why a value was refused. */
  enum Refusal {
    EMPTY, MALFORMED, OUT_OF_RANGE
  }

  /** A value that is not accepted. */
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

  /** The sign, then the digits whose value decides whether a minus is acceptable, then an exponent. */
  private static final Pattern DECIMAL = Pattern.compile("([+-]?)([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?");
  private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern NON_ZERO_DIGIT = Pattern.compile("[1-9]");
  private static final int LOWEST_PORT = 1;
  private static final int HIGHEST_PORT = 65535;

  T read(String text) throws RefusedValueException {
    return reader.read(text);
  }

  String written(T value) {
    return writer.apply(value);
  }

  /**
   * A decimal number of {@code unit} from {@code min} (or above it, when not {@code minIncluded}) to {@code max}.
   * Numbers may carry a sign, as flags always could: "+5" is 5, and "-0" is 0, as a program that prints a computed
   * zero may write it. No option takes a negative value, so any other value with a minus is refused as malformed.
   * The minus is judged on the digits as typed: "-1e-400" is refused, though a double cannot tell it from 0.
   */
  static ValueSyntax<Double> decimal(String unit, double min, boolean minIncluded, double max, String note) {
    String range = minIncluded ? "from " + plain(min) + " to " + plain(max)
        : "greater than " + plain(min) + " and at most " + plain(max);
    return new ValueSyntax<>("a decimal number of " + unit + " " + range + note, text -> {
      String value = Ascii.lowerCase(text);
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
    }, ValueSyntax::plain);
  }

  /** An integer ({@code what}, e.g. "an integer number of bytes") from {@code min} to {@code max}; signs as above. */
  static ValueSyntax<Integer> integer(String what, int min, int max, String note) {
    return new ValueSyntax<>(what + " from " + min + " to " + max + note, text -> {
      String value = Ascii.lowerCase(text);
      if (!SIGNED.matcher(value).matches()) {
        throw new RefusedValueException(Refusal.MALFORMED);
      }
      BigInteger parsed = new BigInteger(value);
      if (parsed.signum() < 0) {
        throw new RefusedValueException(Refusal.MALFORMED);
      }
      if (parsed.compareTo(BigInteger.valueOf(min)) < 0 || parsed.compareTo(BigInteger.valueOf(max)) > 0) {
        throw new RefusedValueException(Refusal.OUT_OF_RANGE);
      }
      return parsed.intValueExact();
    }, String::valueOf);
  }

  /** {@code true}, {@code false} or an integer, non-zero meaning true. */
  static ValueSyntax<Boolean> flag() {
    return new ValueSyntax<>("true, false or an integer (non-zero means true)", text -> {
      String value = Ascii.lowerCase(text);
      if (value.equals("true") || value.equals("false")) {
        return value.equals("true");
      }
      if (!SIGNED.matcher(value).matches()) {
        throw new RefusedValueException(Refusal.MALFORMED);
      }
      return new BigInteger(value).signum() != 0;
    }, String::valueOf);
  }

  /** Each port once, at most {@code most}: every one costs a connection per echo request of every burst. */
  static ValueSyntax<List<Integer>> ports(int most) {
    return new ValueSyntax<>("1 to " + most + " TCP port numbers from " + LOWEST_PORT + " to " + HIGHEST_PORT
        + ", comma-separated, each once", text -> {
          String[] listed = text.split(",", -1);
          if (listed.length > most) {
            throw new RefusedValueException(Refusal.OUT_OF_RANGE);
          }
          SortedSet<Integer> ports = new TreeSet<>();
          for (String port : listed) {
            if (!PORT.matcher(port).matches()) {
              throw new RefusedValueException(Refusal.MALFORMED);
            }
            int number = Integer.parseInt(port);
            if (number < LOWEST_PORT || number > HIGHEST_PORT) {
              throw new RefusedValueException(Refusal.OUT_OF_RANGE);
            }
            if (!ports.add(number)) {
              throw new RefusedValueException(Refusal.MALFORMED);
            }
          }
          return List.copyOf(ports);
        }, ports -> ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /** {@code KEY:VALUE[,KEY:VALUE...]}, as {@link Labels} says; keys and values keep their case. */
  static ValueSyntax<SortedMap<String, String>> labels() {
    return new ValueSyntax<>(Labels.ACCEPTED, text -> Labels.parse(text).orElseThrow(ValueSyntax::malformed),
        labels -> labels.entrySet().stream().map(label -> label.getKey() + ":" + label.getValue())
            .collect(Collectors.joining(",")));
  }

  /** An IP address literal, kept in canonical form. */
  static ValueSyntax<Optional<String>> address(String accepted) {
    return new ValueSyntax<>(accepted, text -> {
      String value = Ascii.lowerCase(text);
      if (!IpLiteral.isAddress(value)) {
        throw malformed();
      }
      return Optional.of(IpLiteral.canonical(value));
    }, Optional::get);
  }

  /**
   * What Linux accepts as an interface's name, case kept: 1 to 15 bytes, no slash, colon or space, neither "." nor
   * "..".
   */
  static ValueSyntax<Optional<String>> interfaceName(String accepted) {
    return new ValueSyntax<>(accepted, text -> {
      boolean valid = text.length() <= 15 && !text.equals(".") && !text.equals("..")
          && text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != ':');
      if (!valid) {
        throw malformed();
      }
      return Optional.of(text);
    }, Optional::get);
  }

  /** {@code 4}, {@code 6} or {@code both}. */
  static ValueSyntax<FamilyChoice> family(String accepted) {
    return new ValueSyntax<>(accepted, text -> {
      FamilyChoice family = FamilyChoice.written(Ascii.lowerCase(text));
      if (family == FamilyChoice.ANY) {
        throw malformed();
      }
      return family;
    }, FamilyChoice::written);
  }

  /** {@code all}, {@code any} or vantage names, as {@link Vantages} says; names keep their case. */
  static ValueSyntax<Vantages> vantages() {
    return new ValueSyntax<>(Vantages.ACCEPTED, text -> Vantages.parse(text).orElseThrow(ValueSyntax::malformed),
        Vantages::written);
  }

  /** One of {@link PingRecords}. */
  static ValueSyntax<Optional<PingRecords>> pingRecords() {
    return new ValueSyntax<>(PingRecords.ACCEPTED,
        text -> Optional.of(PingRecords.written(Ascii.lowerCase(text)).orElseThrow(ValueSyntax::malformed)),
        records -> records.get().written());
  }

  private static RefusedValueException malformed() {
    return new RefusedValueException(Refusal.MALFORMED);
  }

  /** A number as an operator writes it: 31536000000, not 3.1536E10; 0.5, 500, not 500.0. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
