package net.connmonitor.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTest {

  private static final Instant AT = Instant.parse("2026-11-03T09:05:07.654Z");
  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void anErrorNamesItsKind() {
    assertEquals("EE: Config: hosts.conf: line 3: \"ping=x\": not a number -\tTue Nov  3 09:05:07 2026\n",
        Log.errorLine("Config", "hosts.conf: line 3: \"ping=x\": not a number", AT, UTC, false));
  }

  @Test
  void aWarningHasNoKind() {
    assertEquals("WW: cannot read hosts.conf for now -\tTue Nov  3 09:05:07 2026\n",
        Log.warnLine("cannot read hosts.conf for now", AT, UTC, false));
  }

  @Test
  void onATerminalErrorsAreRedAndWarningsYellowWithTheNewlineOutside() {
    assertEquals("\u001b[31mEE: Host: example.net: cannot resolve it -\tTue Nov  3 09:05:07 2026\u001b[0m\n",
        Log.errorLine("Host", "example.net: cannot resolve it", AT, UTC, true));
    assertEquals("\u001b[33mWW: slow -\tTue Nov  3 09:05:07 2026\u001b[0m\n", Log.warnLine("slow", AT, UTC, true));
  }

  @Test
  void aDescriptionOverSeveralLinesStaysOnOne() {
    assertEquals("WW: first second third -\tTue Nov  3 09:05:07 2026\n",
        Log.warnLine("first\nsecond\r\n\r\nthird\n", AT, UTC, false));
    assertEquals("EE: Output: a b -\tTue Nov  3 09:05:07 2026\n",
        Log.errorLine("Output", "a\u2028b\r", AT, UTC, false));
  }

  @Test
  void theTimeIsLocal() {
    assertEquals("WW: x -\tTue Nov  3 10:05:07 2026\n", Log.warnLine("x", AT, ZoneId.of("Europe/Berlin"), false));
  }

  @Test
  void linesWrittenFromManyThreadsStayWhole() throws Exception {
    List<String> lines;
    try (StderrCapture err = StderrCapture.start()) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String name = "thread" + t;
        Thread thread = new Thread(() -> {
          for (int i = 0; i < 200; i++) {
            Log.error("Host", name + " line " + i + " " + "x".repeat(300));
            Log.warn(name + " warning " + i);
          }
        });
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      lines = err.lines();
    }
    assertEquals(8 * 400, lines.size());
    for (String line : lines) {
      assertTrue(line.matches("(EE: Host: thread\\d line \\d+ x{300}|WW: thread\\d warning \\d+) -\t"
          + "\\w{3} \\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}"), line);
    }
  }
}
