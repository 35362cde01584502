package net.connmonitor.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of every {@link Option} for one host line: what the line names, else the option's default. Immutable;
 * two are equal when every value is.
 */
public final class OptionValues {

  private static final OptionValues DEFAULTS =
      new OptionValues(Option.all().stream().map(Option::defaultValue).toArray());

  /** Indexed by {@link Option#index()}; each value of its option's type. */
  private final Object[] values;

  private OptionValues(Object[] values) {
    this.values = values;
  }

  /** Every option at its default. */
  static OptionValues defaults() {
    return DEFAULTS;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    // Only with(option, value) puts a value in an option's place, and only one of that option's type.
    return (T) values[option.index()];
  }

  /** These values with {@code option} set to {@code value}. */
  <T> OptionValues with(Option<T> option, T value) {
    Object[] changed = values.clone();
    changed[option.index()] = value;
    return new OptionValues(changed);
  }

  /** The options that are not at their default, with their values as a host line names them, in table order. */
  Map<String, String> written() {
    Map<String, String> written = new LinkedHashMap<>();
    Option.all().forEach(option -> writeIfSet(option, written));
    return written;
  }

  private <T> void writeIfSet(Option<T> option, Map<String, String> written) {
    T value = get(option);
    if (!value.equals(option.defaultValue())) {
      written.put(option.keyword(), option.written(value));
    }
  }

  /**
   * The inverse of {@link #written()}: options by keyword, the others at their default.
   *
   * @throws IllegalArgumentException for a name that is no option or a value the option refuses
   */
  static OptionValues read(Map<String, String> written) {
    Builder values = new Builder();
    for (Map.Entry<String, String> entry : written.entrySet()) {
      Option<?> option = Option.byKeyword(entry.getKey())
          .orElseThrow(() -> new IllegalArgumentException("no option " + entry.getKey()));
      try {
        values.read(option, entry.getValue());
      } catch (ValueSyntax.RefusedValueException e) {
        throw new IllegalArgumentException(option.keyword() + "=" + entry.getValue() + ": " + e.refusal(), e);
      }
    }
    return values.build();
  }

  /** Values read one option at a time, as a line is; the options not read keep their default. */
  static final class Builder {
    private final Object[] values = DEFAULTS.values.clone();

    /** Reads {@code text} as a value of {@code option}, which it then has. */
    <T> void read(Option<T> option, String text) throws ValueSyntax.RefusedValueException {
      values[option.index()] = option.parse(text);
    }

    OptionValues build() {
      return new OptionValues(values.clone());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OptionValues that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return written().toString();
  }
}
