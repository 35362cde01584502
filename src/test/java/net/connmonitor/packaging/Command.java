package net.connmonitor.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command of the machine, run to its end by the package tests. */
final class Command {

  private Command() {
  }

  /** Runs {@code command}; fails with its output unless it exits 0. @return its standard output's lines */
  static List<String> run(String... command) throws IOException, InterruptedException {
    return runIn(null, command);
  }

  /** As {@link #run}, in {@code directory}. */
  static List<String> runIn(Path directory, String... command) throws IOException, InterruptedException {
    Result result = exec(directory, command);
    assertEquals(0, result.status(), String.join(" ", command) + " failed:\n" + result.stdout() + result.stderr());
    return result.stdout().lines().toList();
  }

  /** Runs {@code command} whatever its exit status. */
  static Result exec(Path directory, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    // Both streams at once: a command that fills one pipe while we wait on the other would never end.
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String stdout = read(process.getInputStream());
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), String.join(" ", command) + " did not end");
    return new Result(process.exitValue(), stdout, stderr.join());
  }

  private static String read(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Result(int status, String stdout, String stderr) {
  }
}
