package net.connmonitor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Prometheus rules, judged by Debian's promtool ({@code .ci/setup} installs it): valid, and every alert
 * fires on series written for it, and only when it should ({@code src/test/resources/prometheus}).
 */
class PrometheusRulesTest {

  static final Path RULES = Path.of("contrib/prometheus/connmonitor-rules.yml");
  private static final String UNIT_TESTS = "/prometheus/connmonitor-rules-test.yml";
  private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\w+)$");
  private static final Pattern TESTED = Pattern.compile("(?m)^\\s*alertname: (\\w+)$");

  @TempDir
  Path dir;

  @Test
  void promtoolChecksTheRules() throws Exception {
    Result check = promtool("check", "rules", RULES.toAbsolutePath().toString());
    assertEquals(0, check.status(), check.output());
    assertTrue(check.output().contains("SUCCESS"), check.output());
  }

  @Test
  void everyAlertFiresOnTheSeriesWrittenForItAndOnlyThere() throws Exception {
    Files.copy(RULES, dir.resolve(RULES.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Path tests = dir.resolve("connmonitor-rules-test.yml");
    try (InputStream in = PrometheusRulesTest.class.getResourceAsStream(UNIT_TESTS)) {
      Files.copy(in, tests);
    }
    List<String> alerts = all(ALERT, Files.readString(RULES));
    List<String> tested = all(TESTED, Files.readString(tests));
    assertEquals(List.of(), alerts.stream().filter(alert -> !tested.contains(alert)).toList(), "alerts without tests");

    Result test = promtool("test", "rules", tests.toString());
    assertEquals(0, test.status(), test.output());
    System.out.println("promtool test rules: " + alerts.size() + " alerts, " + test.output().strip());
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private record Result(int status, String output) {
  }

  private Result promtool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
    } catch (IOException missing) {
      throw new AssertionError("promtool is needed (Debian's prometheus package): " + missing.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish within 60 s:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
