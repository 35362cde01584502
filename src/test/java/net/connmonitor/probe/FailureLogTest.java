package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.connmonitor.log.StderrCapture;
import org.junit.jupiter.api.Test;

class FailureLogTest {

  @Test
  void saysAtMostAHundredLinesAMinute() {
    FailureLog log = new FailureLog();
    List<String> lines;
    try (StderrCapture stderr = StderrCapture.start()) {
      for (int i = 0; i < 1000; i++) {
        log.error("scan of host" + i + " failed: cannot connect: Too many open files");
      }
      lines = stderr.lines();
    }
    assertEquals(FailureLog.PER_MINUTE, lines.size());
    assertTrue(lines.get(0).startsWith("EE: Probe: scan of host0 failed: cannot connect: Too many open files -\t"));
  }
}
