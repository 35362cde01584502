package net.connmonitor.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.connmonitor.record.RecordSchema;

/**
 * The packaged jar run as a user runs it, in a child JVM: its standard output and error collected line by line,
 * signals sent with kill(1). Every JSON record it printed is checked against records.schema.json when it is closed.
 */
final class MonitorProcess implements AutoCloseable {

  private final Process process;
  private final List<String> stdout = new ArrayList<>();
  private final List<String> stderr = new ArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private MonitorProcess(Process process, boolean readStdout) {
    this.process = process;
    // Unread, the pipe fills up and the monitor's writes block: a reader that stalled.
    this.stdoutReader = readStdout ? collect(process.getInputStream(), stdout) : new Thread(() -> { });
    this.stderrReader = collect(process.getErrorStream(), stderr);
  }

  /** The jar that `mvn package` built; failsafe passes its path. */
  static Path jar() {
    return Path.of(System.getProperty("connmonitor.jar", "target/connmonitor.jar"));
  }

  static MonitorProcess start(String... args) throws IOException {
    return start(List.of(), null, args);
  }

  /**
   * @param prefix a command the JVM runs under (e.g. {@code ip netns exec NS}), or empty
   * @param stdin  what the process reads on standard input, or null for nothing (closed at once)
   */
  static MonitorProcess start(List<String> prefix, String stdin, String... args) throws IOException {
    return start(jar(), prefix, stdin, args);
  }

  static MonitorProcess start(Path jar, List<String> prefix, String stdin, String... args) throws IOException {
    return start(jar, prefix, List.of(), stdin, args);
  }

  /** @param jvmOptions options of the JVM itself, such as its heap */
  static MonitorProcess startJvm(List<String> jvmOptions, String... args) throws IOException {
    return start(jar(), List.of(), jvmOptions, null, args);
  }

  private static MonitorProcess start(Path jar, List<String> prefix, List<String> jvmOptions, String stdin,
      String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    return new MonitorProcess(process, true);
  }

  /** Runs {@code command}, a program other than the jar (the README's examples, say). */
  static MonitorProcess run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    return new MonitorProcess(process, true);
  }

  /**
   * Runs the packaged launcher, its jar path pointed at the jar that `mvn package` built, as {@code bash -c script}
   * where {@code "$LAUNCHER"} names it.
   *
   * @param readStdout false to leave standard output unread, as a stalled reader would
   */
  static MonitorProcess launch(Path dir, String script, boolean readStdout) throws IOException {
    Path launcher = dir.resolve("connmonitor");
    String packaged = Files.readString(Path.of("conf/connmonitor.launcher"));
    Files.writeString(launcher, packaged.replace("/usr/share/connmonitor/connmonitor.jar", jar().toAbsolutePath()
        .toString()));
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", script);
    builder.environment().put("LAUNCHER", launcher.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    return new MonitorProcess(process, readStdout);
  }

  long pid() {
    return process.pid();
  }

  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " failed");
    }
  }

  /** Waits for the exit, then for the last output lines. */
  int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "\n" + transcript());
    }
    stdoutReader.join(5000);
    stderrReader.join(5000);
    return process.exitValue();
  }

  /** Waits until some standard output line satisfies {@code wanted}; fails with the transcript otherwise. */
  String awaitStdout(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    return await(stdout, wanted, timeout, "standard output");
  }

  String awaitStderr(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    return await(stderr, wanted, timeout, "standard error");
  }

  private String await(List<String> lines, Predicate<String> wanted, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (true) {
      synchronized (lines) {
        for (; seen < lines.size(); seen++) {
          if (wanted.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no such line on " + what + " within " + timeout + "\n" + transcript());
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  List<String> stdout() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  List<String> stderr() {
    synchronized (stderr) {
      return List.copyOf(stderr);
    }
  }

  String transcript() {
    return "--- stdout ---\n" + String.join("\n", stdout()) + "\n--- stderr ---\n" + String.join("\n", stderr());
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    stdoutReader.join(5000);
    stdout().stream().filter(RecordSchema::isJson).forEach(RecordSchema::assertValid);
  }

  private static Thread collect(InputStream stream, List<String> into) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (into) {
            into.add(line);
            into.notifyAll();
          }
        }
      } catch (IOException ignored) {
        // The process is gone; what was read is kept.
      }
    }, "monitor-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
