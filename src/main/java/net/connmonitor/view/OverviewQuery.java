package net.connmonitor.view;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import net.connmonitor.record.Target;

/**
 * What the overview asks for: the hosts matching every word of a filter (each a piece of the name, the address or
 * a {@code key:value} label), sorted by a column, one page of them.
 *
 * @param terms      lower-case words, all of which a host must match
 * @param descending largest first; hosts without the figure come last either way
 */
record OverviewQuery(List<String> terms, Column sort, boolean descending, int offset, int limit) {

  static final int DEFAULT_LIMIT = 100;
  private static final Comparator<Target> BY_NAME = Comparator.comparing(Target::name, NaturalOrder.INSTANCE)
      .thenComparing(Target::address, NaturalOrder.INSTANCE);
  static final int MAX_LIMIT = 1000;

  /** The columns the overview sorts by. */
  enum Column {
    NAME, ADDR, LOSS, MEDIAN, SPREAD, ROUTE, SCAN;

    /** Whether the order needs every host's figures, not only whom it is about. */
    boolean byFigure() {
      return this != NAME && this != ADDR;
    }

    static Column parse(String text) {
      try {
        return valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sort=" + text + ": expected one of "
            + String.join(", ", Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
      }
    }
  }

  /**
   * @param parameter the request's query parameters by name (null when absent): {@code q}, {@code sort},
   *                  {@code order} ({@code asc} or {@code desc}), {@code offset}, {@code limit}
   * @throws IllegalArgumentException naming the parameter that is wrong and what it takes
   */
  static OverviewQuery parse(Function<String, String> parameter) {
    String filter = parameter.apply("q");
    List<String> terms = filter == null ? List.of()
        : Arrays.stream(filter.toLowerCase(Locale.ROOT).split("\\s+")).filter(t -> !t.isEmpty()).toList();
    String sort = parameter.apply("sort");
    String order = parameter.apply("order");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw new IllegalArgumentException("order=" + order + ": expected asc or desc");
    }
    return new OverviewQuery(terms, sort == null ? Column.NAME : Column.parse(sort), "desc".equals(order),
        number(parameter, "offset", 0, 0, Integer.MAX_VALUE),
        number(parameter, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
  }

  private static int number(Function<String, String> parameter, String name, int absent, int least, int most) {
    String text = parameter.apply(name);
    if (text == null) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= least && value <= most) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Said below, as for a number out of range.
    }
    throw new IllegalArgumentException(name + "=" + text + ": expected an integer from " + least + " to " + most);
  }

  boolean matches(Target target, Optional<String> vantage) {
    if (terms.isEmpty()) {
      return true;
    }
    StringBuilder text = new StringBuilder(target.name()).append(' ').append(target.address());
    target.labels().forEach((key, value) -> text.append(' ').append(key).append(':').append(value));
    vantage.ifPresent(name -> text.append(' ').append(name));
    String haystack = text.toString().toLowerCase(Locale.ROOT);
    return terms.stream().allMatch(haystack::contains);
  }

  /** The order of the rows: the sort column, then the name and the address so that pages do not shuffle. */
  Comparator<HostHistory.Summary> order() {
    Comparator<HostHistory.Summary> primary = switch (sort) {
      case NAME, ADDR -> Comparator.comparing(s -> s.host().target(), targetOrder());
      case LOSS -> figure(s -> s.recent().lossPct());
      case MEDIAN -> figure(s -> s.recent().medianMs());
      case SPREAD -> figure(s -> s.recent().spreadMs());
      case ROUTE -> figure(s -> s.lastChangeMs() == 0 ? Double.NaN : s.lastChangeMs());
      case SCAN -> figure(s -> s.lastScan() == null ? Double.NaN : s.lastScan().up());
    };
    return (descending && sort.byFigure() ? primary.reversed() : primary)
        .thenComparing(s -> s.host().target(), BY_NAME)
        .thenComparingInt(s -> s.host().id());
  }

  /** The order by name or address, which needs no figure; for a figure's column, by name. */
  Comparator<Target> targetOrder() {
    Comparator<Target> order = sort == Column.ADDR
        ? Comparator.comparing(Target::address, NaturalOrder.INSTANCE).thenComparing(BY_NAME) : BY_NAME;
    return descending && !sort.byFigure() ? order.reversed() : order;
  }

  /** Hosts without the figure (NaN) last, whichever the direction; so the reversal is undone for them. */
  private Comparator<HostHistory.Summary> figure(ToDoubleFunction<HostHistory.Summary> value) {
    return (a, b) -> {
      double x = value.applyAsDouble(a);
      double y = value.applyAsDouble(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        int missingLast = Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        return descending ? -missingLast : missingLast;
      }
      return Double.compare(x, y);
    };
  }
}
