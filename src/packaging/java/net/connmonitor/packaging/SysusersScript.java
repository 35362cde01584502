package net.connmonitor.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell commands that create the users and groups of a sysusers.d file where {@code systemd-sysusers} may not
 * run (an RPM's {@code %pre}, a Debian postinst), as Fedora's {@code %sysusers_create_compat} writes them at build
 * time: {@code getent} first, so that running them twice changes nothing. The file stays the one description of
 * the service's user; the packages install it too. Only the line types {@code u} (with its group of the same name)
 * and {@code g} with a dynamic id are used, and anything else is refused rather than half translated.
 */
final class SysusersScript {

  /** What a package script says where these commands go. */
  static final String PLACEHOLDER = "[[sysusers]]";

  private SysusersScript() {
  }

  /** @return the commands, one a line, for the lines of {@code file} */
  static String commands(Path file) throws IOException {
    StringBuilder script = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() < 3 || !fields.get(2).equals("-") || !List.of("u", "g").contains(fields.get(0))) {
        throw new IOException(file + ": only \"u NAME - ...\" and \"g NAME -\" lines are translated: " + line);
      }
      String name = quoted(fields.get(1));
      script.append("getent group ").append(name).append(" >/dev/null || groupadd -r ").append(name).append('\n');
      if (fields.get(0).equals("u")) {
        script.append("getent passwd ").append(name).append(" >/dev/null || useradd -r -g ").append(name)
            .append(" -d ").append(quoted(field(fields, 4, "/")))
            .append(" -s ").append(quoted(field(fields, 5, "/usr/sbin/nologin")))
            .append(" -c ").append(quoted(field(fields, 3, ""))).append(' ').append(name).append('\n');
      }
    }
    return script.toString().stripTrailing();
  }

  /** A field, or {@code otherwise} where the line leaves it out or says {@code -}, as systemd-sysusers reads it. */
  private static String field(List<String> fields, int index, String otherwise) {
    return index < fields.size() && !fields.get(index).equals("-") ? fields.get(index) : otherwise;
  }

  /** The white-space separated fields of a line, a field in double quotes kept whole without them. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    int at = 0;
    while (at < line.length()) {
      if (Character.isWhitespace(line.charAt(at))) {
        at++;
      } else if (line.charAt(at) == '"') {
        int end = line.indexOf('"', at + 1);
        fields.add(line.substring(at + 1, end < 0 ? line.length() : end));
        at = end < 0 ? line.length() : end + 1;
      } else {
        int end = at;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
          end++;
        }
        fields.add(line.substring(at, end));
        at = end;
      }
    }
    return fields;
  }

  /** In single quotes for the shell, a single quote in it closed, escaped and opened again. */
  private static String quoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
