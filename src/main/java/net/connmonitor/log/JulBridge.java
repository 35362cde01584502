package net.connmonitor.log;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes java.util.logging, which Vert.x and Netty log through when no other backend is present, to {@link Log}:
 * SEVERE becomes {@code EE: <logger's class>:}, WARNING becomes {@code WW:}, anything lower is dropped. Only the
 * message is kept, with the throwable's own message after it: an operator reads these lines, not stack traces.
 */
public final class JulBridge extends Handler {

  private static final SimpleFormatter MESSAGES = new SimpleFormatter();

  /**
   * Loggers whose warnings are not the operator's business: vertx-config logs every failed scan of the watched
   * file with a stack trace (the monitor says it in its own words instead), and Netty warns that it found no
   * hardware address for its channel ids in a namespace with only loopback. Held here because
   * java.util.logging keeps loggers only weakly.
   */
  private static final List<Logger> SILENCED = List.of(
      Logger.getLogger("io.vertx.config.impl.ConfigRetrieverImpl"),
      Logger.getLogger("io.netty.util.internal.MacAddressUtil"));

  JulBridge() {
    setLevel(Level.WARNING);
  }

  /** Replaces every handler of the root logger with the bridge. */
  public static void install() {
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    root.addHandler(new JulBridge());
    SILENCED.forEach(logger -> logger.setLevel(Level.OFF));
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String message = message(record);
    if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
      Log.error(kind(record.getLoggerName()), message);
    } else {
      Log.warn(message);
    }
  }

  private static String message(LogRecord record) {
    String message = MESSAGES.formatMessage(record);
    Throwable thrown = record.getThrown();
    String cause = thrown == null ? null : thrown.getMessage();
    if (cause == null || cause.isBlank()) {
      return message == null ? "" : message;
    }
    return message == null || message.isBlank() ? cause : message + ": " + cause;
  }

  /** Vert.x and Netty name their loggers after classes: the simple name is the part an operator can search for. */
  private static String kind(String loggerName) {
    if (loggerName == null || loggerName.isBlank()) {
      return "Runtime";
    }
    return loggerName.substring(loggerName.lastIndexOf('.') + 1);
  }

  /** {@link Log} writes each line out as soon as its thread can. */
  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
