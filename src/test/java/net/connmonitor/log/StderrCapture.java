package net.connmonitor.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures System.err until closed; {@link #lines()} drops colour codes, which depend on where the tests run. */
public final class StderrCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private StderrCapture() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  public static StderrCapture start() {
    return new StderrCapture();
  }

  /** What was said so far, once the lines queued are written. */
  public String text() {
    Log.awaitWritten(10_000);
    return captured.toString(StandardCharsets.UTF_8);
  }

  public List<String> lines() {
    return text().replaceAll("\u001b\\[\\d+m", "").lines().toList();
  }

  @Override
  public void close() {
    Log.awaitWritten(10_000);
    System.setErr(original);
  }
}
