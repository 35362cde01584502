package net.connmonitor.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What both packages say about themselves.
 *
 * @param summary     one line (Debian's synopsis, RPM's Summary)
 * @param description paragraphs of lines at most 79 characters long, as both linters want them
 */
record PackageInfo(String name, String version, String summary, String description, String maintainer,
                   String homepage, String license) {

  /** Its summary and description come from {@code src/packaging/description}: the summary, a blank line, the text. */
  static PackageInfo read(Path project, String version) throws IOException {
    Path file = project.resolve("src/packaging/description");
    List<String> lines = Files.readAllLines(file);
    if (lines.size() < 3 || lines.get(0).isBlank() || !lines.get(1).isEmpty()) {
      throw new IOException(file + ": expected a summary line, a blank line, then the description");
    }
    return new PackageInfo("connmonitor", version, lines.get(0), String.join("\n", lines.subList(2, lines.size())),
        "connmonitor developers <connmonitor@example.org>", "https://github.com/connmonitor/connmonitor",
        "Apache-2.0");
  }

  /** The values of the {@code [[name]]} placeholders in {@code debian/control/control}. */
  Map<String, String> debianControlValues() {
    return Map.of(
        "version", version,
        "maintainer", maintainer,
        "homepage", homepage,
        "summary", summary,
        "description", debianDescription());
  }

  /** The extended description as a control field continues: every line indented, a blank line written " .". */
  private String debianDescription() {
    return description.lines().map(line -> line.isEmpty() ? " ." : " " + line).collect(Collectors.joining("\n"));
  }
}
