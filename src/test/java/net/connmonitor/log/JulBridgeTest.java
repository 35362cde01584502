package net.connmonitor.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JulBridgeTest {

  private static final String CTIME = " -\t\\w{3} \\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}";

  @Test
  void severeIsAnErrorOfTheLoggersClassWithTheThrowablesMessageAndNoTrace() {
    LogRecord record = record(Level.SEVERE, "io.vertx.core.impl.ContextImpl", "Unhandled exception");
    record.setThrown(new IllegalStateException("boom", new RuntimeException("deeper")));
    List<String> lines = publish(record);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("EE: ContextImpl: Unhandled exception: boom" + CTIME), lines.get(0));
  }

  @Test
  void aSevereRecordWithoutLoggerNameIsARuntimeError() {
    List<String> lines = publish(record(Level.SEVERE, null, "it broke"));
    assertTrue(lines.get(0).matches("EE: Runtime: it broke" + CTIME), lines.toString());
  }

  @Test
  void warningIsAWarningWithItsParametersFilledIn() {
    LogRecord record = record(Level.WARNING, "io.netty.util.ResourceLeakDetector", "leaked {0} buffers\nsee above");
    record.setParameters(new Object[] {3});
    List<String> lines = publish(record);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("WW: leaked 3 buffers see above" + CTIME), lines.get(0));
  }

  @Test
  void aThrowableWithoutMessageAddsNothing() {
    LogRecord record = record(Level.WARNING, "x.Y", "failed");
    record.setThrown(new NullPointerException());
    assertTrue(publish(record).get(0).matches("WW: failed" + CTIME));
  }

  @Test
  void belowWarningIsDropped() {
    assertEquals(List.of(), publish(record(Level.INFO, "io.vertx.core.impl.VertxImpl", "started")));
    assertEquals(List.of(), publish(record(Level.FINE, "io.netty.channel.Channel", "detail")));
  }

  @Test
  void installReplacesTheRootHandlers() {
    Logger root = LogManager.getLogManager().getLogger("");
    Handler[] original = root.getHandlers();
    try (StderrCapture err = StderrCapture.start()) {
      JulBridge.install();
      assertEquals(1, root.getHandlers().length);
      assertInstanceOf(JulBridge.class, root.getHandlers()[0]);
      Logger.getLogger("io.vertx.core.net.impl.ConnectionBase").severe("connection reset");
      Logger.getLogger("io.vertx.core.net.impl.ConnectionBase").info("not shown");
      assertEquals(1, err.lines().size(), err.text());
      assertTrue(err.lines().get(0).matches("EE: ConnectionBase: connection reset" + CTIME), err.text());
    } finally {
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      for (Handler handler : original) {
        root.addHandler(handler);
      }
    }
  }

  private static LogRecord record(Level level, String logger, String message) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger);
    return record;
  }

  private static List<String> publish(LogRecord record) {
    try (StderrCapture err = StderrCapture.start()) {
      new JulBridge().publish(record);
      return err.lines();
    }
  }
}
