package net.connmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two commands the README starts with, which a newcomer runs on a fresh machine: they come before any section,
 * the first monitors the shipped configuration with the jar the build makes, and the second is what CI runs.
 */
class ReadmeTest {

  private static final String SUDO = "sudo ";

  @Test
  void theReadmeStartsWithItsTwoCommands() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int block = readme.indexOf("```sh\n");
    assertTrue(block >= 0 && block < readme.indexOf("\n## "), "the README does not start with its commands");
    assertEquals(2, commands().size(), commands().toString());
  }

  @Test
  void theFirstCommandMonitorsTheShippedConfiguration() throws IOException {
    String run = commands().get(0);
    assertTrue(run.startsWith("mvn -B -q package -DskipTests && sudo java -jar target/connmonitor.jar "), run);
    Path configuration = Path.of(run.substring(run.lastIndexOf(' ') + 1));
    assertEquals(Path.of("conf/connmonitor.conf"), configuration);
    assertTrue(Files.readAllLines(configuration).stream().anyMatch(line -> line.startsWith("localhost ")));
  }

  @Test
  void theSecondCommandIsWhatCiRuns() throws IOException {
    List<String> readme = Arrays.stream(commands().get(1).split(" && "))
        .map(command -> command.startsWith(SUDO) ? command.substring(SUDO.length()) : command).toList();
    // .ci/run runs as root: the commands without sudo, after its shell settings and its move to the checkout.
    List<String> ci = Files.readAllLines(Path.of(".ci/run")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("set ") && !line.startsWith("cd "))
        .toList();
    assertEquals(readme, ci);
  }

  /** The commands of the README's first shell block, without its comments. */
  private static List<String> commands() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```sh\n") + "```sh\n".length();
    return readme.substring(start, readme.indexOf("\n```\n", start)).lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
  }
}
