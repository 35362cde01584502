package net.connmonitor.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build packagers run, {@code mvn package -Dmaven.test.skip=true}, on a copy of the project: it makes both jars
 * and both packages without compiling a test.
 */
class BuildIT {

  private static final String VERSION = System.getProperty("connmonitor.version", "1.0.0");
  private static final Path DEPENDENCIES = Path.of(System.getProperty("maven.repo.local",
      System.getProperty("user.home") + "/.m2/repository"));

  @TempDir
  Path copy;

  @Test
  void packagingWithoutTestsMakesTheJarsAndThePackages() throws Exception {
    copyProject(Path.of("").toAbsolutePath(), copy);
    // Offline: this build has just fetched whatever that one needs.
    Command.runIn(copy, "mvn", "-B", "-q", "-o", "-Dmaven.repo.local=" + DEPENDENCIES, "package",
        "-Dmaven.test.skip=true");
    Path target = copy.resolve("target");
    for (String made : new String[] {"connmonitor.jar", "connmonitor-" + VERSION + ".jar",
        "connmonitor_" + VERSION + "_all.deb", "connmonitor-" + VERSION + "-1.noarch.rpm"}) {
      assertTrue(Files.isRegularFile(target.resolve(made)), made + " was not made");
    }
    assertTrue(Files.notExists(target.resolve("test-classes")), "tests were compiled");
  }

  /** The project as a clone has it: without what builds made (target) and without git's own files. */
  private static void copyProject(Path project, Path copy) throws IOException {
    try (Stream<Path> files = Files.walk(project)) {
      files.map(project::relativize).filter(path -> !isExcluded(path)).forEach(path -> {
        try {
          Files.copy(project.resolve(path), copy.resolve(path.toString()), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static boolean isExcluded(Path relative) {
    String first = relative.getName(0).toString();
    return first.isEmpty() || first.equals("target") || first.equals(".git");
  }
}
