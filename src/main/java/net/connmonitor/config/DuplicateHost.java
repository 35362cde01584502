package net.connmonitor.config;

/**
 * A host line that says again what an earlier line says: the same host with the same options, however ordered,
 * spelt or spaced. Measuring it twice would send every probe twice and print every record twice, so only the
 * earlier line is measured, and the operator is told.
 *
 * @param line      the repeating line, 1-based
 * @param firstLine the earlier line that is measured
 * @param host      the host, as typed on both lines
 */
public record DuplicateHost(int line, int firstLine, String host) {

  /** {@code line 5: "example.org" repeats line 2 (the same host and options); measured once}. */
  public String message() {
    return "line " + line + ": \"" + host + "\" repeats line " + firstLine
        + " (the same host and options); measured once";
  }
}
