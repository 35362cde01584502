package net.connmonitor.config;

import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a configuration says: its host lines in file order, everything wrong with it, and the lines that repeat
 * an earlier one. A configuration is only applied when it is {@link #valid()}; the hosts of an invalid one are the
 * lines that were right, for reference.
 *
 * <p>At most {@value #LISTED} errors, and as many repeated lines, are listed; the rest are only counted. Reports
 * list those, then one line for the rest, so that a file of garbage says what is wrong in a hundred lines rather
 * than in hundreds of thousands.
 *
 * <p>Immutable, and so {@link Shareable}: vertx-config carries it inside its JSON as it is, and copies it as itself.
 *
 * @param hosts          one entry per correct host line, without the lines that repeat an earlier one
 * @param errors         the first errors, in file order; empty when the configuration can be applied
 * @param moreErrors     how many errors there are beyond those listed
 * @param duplicates     the first host lines that repeat an earlier one, in file order
 * @param moreDuplicates how many repeated host lines there are beyond those listed
 */
public record ParsedConfig(
    List<HostConfig> hosts, List<ConfigError> errors, int moreErrors, List<DuplicateHost> duplicates,
    int moreDuplicates) implements Shareable {

  /** How many findings of one kind are listed for one configuration. */
  public static final int LISTED = 100;

  public ParsedConfig {
    hosts = List.copyOf(hosts);
    errors = List.copyOf(errors);
    duplicates = List.copyOf(duplicates);
  }

  /** No error. The parser reports a text without any host as an error, so a valid parse has a host. */
  public boolean valid() {
    return errors.isEmpty();
  }

  /** One line per listed error, then {@code … and N more errors} if there are more. */
  public List<String> errorReport() {
    return report(errors, ConfigError::message, moreErrors, "error", "errors");
  }

  /** One line per listed repeated host line, then {@code … and N more repeated host lines} if there are more. */
  public List<String> duplicateReport() {
    return report(duplicates, DuplicateHost::message, moreDuplicates, "repeated host line", "repeated host lines");
  }

  private static <T> List<String> report(List<T> listed, Function<T, String> message, int more, String one,
      String many) {
    List<String> lines = new ArrayList<>(listed.size() + 1);
    listed.forEach(finding -> lines.add(message.apply(finding)));
    if (more > 0) {
      lines.add("… and " + more + " more " + (more == 1 ? one : many));
    }
    return lines;
  }
}
