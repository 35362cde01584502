package net.connmonitor.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * A linter's tags that may remain, each with why, one a line: {@code W: tag-name: justification}
 * ({@code debian/lintian-warnings}, {@code rpm/rpmlint-warnings}); {@code #} starts a comment line.
 */
final class JustifiedTags {

  private JustifiedTags() {
  }

  /** @return the {@code SEVERITY: tag} of every line */
  static Set<String> read(Path file) throws IOException {
    Set<String> tags = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(": ", 3);
      assertTrue(parts.length == 3 && !parts[2].isBlank(), file + ": no justification in \"" + line + "\"");
      tags.add(parts[0] + ": " + parts[1]);
    }
    return tags;
  }

  /** Fails on any error, and unless the tags given are exactly the justified ones. */
  static void assertOnlyJustified(Set<String> given, Path file, String transcript) throws IOException {
    assertTrue(given.stream().noneMatch(tag -> tag.startsWith("E: ")), "errors:\n" + transcript);
    assertEquals(read(file), given, "the tags given are not those justified in " + file + ":\n" + transcript);
  }
}
