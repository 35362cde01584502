package net.connmonitor.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where in a cluster a host is measured ({@code from=}): from every node, from exactly one live node, or from the
 * nodes of the vantages named. Outside a cluster every host is measured by the one monitor there is.
 *
 * @param kind  which of the three
 * @param names the vantages named, for {@link Kind#LISTED}; empty otherwise
 */
public record Vantages(Kind kind, SortedSet<String> names) {

  /** Every node measures the host: the multi-vantage mesh, and the default. */
  public static final Vantages ALL = new Vantages(Kind.ALL, Collections.emptySortedSet());

  /** One live node measures the host, the one the assignment picks. */
  public static final Vantages ANY = new Vantages(Kind.ANY, Collections.emptySortedSet());

  /** What the option takes, as the end of the sentence "expected ...". */
  static final String ACCEPTED = "all, any, or VANTAGE[,VANTAGE...] (where in a cluster the host is measured), each of"
      + " letters, digits, '.', '_' and '-'";

  /** What a vantage's name may be: a host name's characters, so that it fits a label value and a comma list. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** The three ways of saying where. */
  public enum Kind {
    ALL, ANY, LISTED
  }

  public Vantages {
    names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
  }

  /** Whether {@code name} is a vantage's name: 1 to 63 letters, digits, '.', '_' or '-', first not '.', '_', '-'. */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /** {@code all}, {@code any}, or names separated by commas; empty when the value is not one of these. */
  static Optional<Vantages> parse(String value) {
    String lower = Ascii.lowerCase(value);
    if (lower.equals("all")) {
      return Optional.of(ALL);
    }
    if (lower.equals("any")) {
      return Optional.of(ANY);
    }
    String[] names = value.split(",", -1);
    if (!Arrays.stream(names).allMatch(Vantages::isName)) {
      return Optional.empty();
    }
    return Optional.of(new Vantages(Kind.LISTED, new TreeSet<>(Arrays.asList(names))));
  }

  /** As written in a host line. */
  public String written() {
    return switch (kind) {
      case ALL -> "all";
      case ANY -> "any";
      case LISTED -> String.join(",", names);
    };
  }
}
