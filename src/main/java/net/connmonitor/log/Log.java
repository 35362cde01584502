package net.connmonitor.log;

import java.time.Instant;
import java.time.ZoneId;
import net.connmonitor.os.LibC;

/**
 * Errors, warnings and notices on standard error, one line each: {@code EE: <Kind>: <description> -<TAB><ctime>},
 * {@code WW: <description> -<TAB><ctime>} and {@code II: <description> -<TAB><ctime>}, errors red and warnings
 * yellow when standard error is a terminal. Thread-safe and never blocking: the lines are queued whole for a thread
 * of their own ({@link StderrWriter}), so that a standard error nobody reads holds up no measurement.
 */
public final class Log {

  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  private static final boolean COLOUR = stderrIsTerminal();
  private static final StderrWriter WRITER = new StderrWriter(dropped -> warnLine("standard error is read too "
      + "slowly: " + dropped + " lines were dropped, the oldest first", Instant.now(), ZoneId.systemDefault(), COLOUR));

  private Log() {
  }

  /** @param kind what failed, a capitalised word such as {@code Config} or {@code Host} */
  public static void error(String kind, String description) {
    write(errorLine(kind, description, Instant.now(), ZoneId.systemDefault(), COLOUR));
  }

  public static void warn(String description) {
    write(warnLine(description, Instant.now(), ZoneId.systemDefault(), COLOUR));
  }

  /** A notice that is neither an error nor a warning, e.g. that a reload took effect: {@code II: ...}, uncoloured. */
  public static void info(String description) {
    write(infoLine(description, Instant.now(), ZoneId.systemDefault()));
  }

  static String errorLine(String kind, String description, Instant at, ZoneId zone, boolean colour) {
    return line(colour ? RED : null, "EE: " + oneLine(kind) + ": " + oneLine(description), at, zone);
  }

  static String warnLine(String description, Instant at, ZoneId zone, boolean colour) {
    return line(colour ? YELLOW : null, "WW: " + oneLine(description), at, zone);
  }

  static String infoLine(String description, Instant at, ZoneId zone) {
    return line(null, "II: " + oneLine(description), at, zone);
  }

  private static String line(String colour, String text, Instant at, ZoneId zone) {
    String line = text + " -\t" + CTime.format(at, zone);
    return (colour == null ? line : colour + line + RESET) + "\n";
  }

  /** A message that spans lines (a child's output, an exception's text) must not break the one-line format. */
  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("\\R+$", "").replaceAll("\\R+", " ");
  }

  /**
   * Waits until the lines said so far are written (or dropped), for at most {@code timeoutMs}: before the process
   * exits, whose last words they may be.
   *
   * @return whether they were
   */
  public static boolean awaitWritten(long timeoutMs) {
    try {
      return WRITER.awaitWritten(timeoutMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void write(String line) {
    WRITER.write(line);
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
