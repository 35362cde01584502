package net.connmonitor.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import net.connmonitor.os.LibC;

/**
 * Errors and warnings on standard error (SPEC §4), one line each: {@code EE: <Kind>: <description> -<TAB><ctime>}
 * and {@code WW: <description> -<TAB><ctime>}, red and yellow when standard error is a terminal. Thread-safe: each
 * line is written with one write and flushed.
 */
public final class Log {

  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  private static final boolean COLOUR = stderrIsTerminal();

  private Log() {
  }

  /** @param kind what failed, a capitalised word such as {@code Config} or {@code Host} */
  public static void error(String kind, String description) {
    write(errorLine(kind, description, Instant.now(), ZoneId.systemDefault(), COLOUR));
  }

  public static void warn(String description) {
    write(warnLine(description, Instant.now(), ZoneId.systemDefault(), COLOUR));
  }

  static String errorLine(String kind, String description, Instant at, ZoneId zone, boolean colour) {
    return line(colour ? RED : null, "EE: " + oneLine(kind) + ": " + oneLine(description), at, zone);
  }

  static String warnLine(String description, Instant at, ZoneId zone, boolean colour) {
    return line(colour ? YELLOW : null, "WW: " + oneLine(description), at, zone);
  }

  private static String line(String colour, String text, Instant at, ZoneId zone) {
    String line = text + " -\t" + CTime.format(at, zone);
    return (colour == null ? line : colour + line + RESET) + "\n";
  }

  /** A message that spans lines (a child's output, an exception's text) must not break the one-line format. */
  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("\\R+$", "").replaceAll("\\R+", " ");
  }

  private static void write(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    // Read each time so that a redirected System.err is honoured.
    PrintStream err = System.err;
    synchronized (err) {
      err.write(bytes, 0, bytes.length);
      err.flush();
    }
  }

  private static boolean stderrIsTerminal() {
    try {
      return LibC.isatty(2) == 1;
    } catch (LinkageError | RuntimeException e) {
      // Without libc through JNA colour is a nicety we can do without.
      return false;
    }
  }
}
