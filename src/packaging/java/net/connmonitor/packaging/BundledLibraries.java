package net.connmonitor.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The libraries the runnable jar carries, for the RPM's {@code Provides: bundled(GROUP:ARTIFACT) = VERSION} (and for
 * {@code debian/copyright}, which names each): the runtime dependencies that {@code mvn package} listed into
 * {@code BUILD/bundled-libraries.txt} (maven-dependency-plugin's {@code list} goal, see pom.xml), plus what two of
 * them carry relocated inside themselves.
 */
final class BundledLibraries {

  /** A bundled library, as Maven names it. */
  record Library(String groupId, String artifactId, String version) {

    /** RPM's name for it: Fedora's {@code bundled()} form with the Maven coordinates. */
    String provides() {
      return "bundled(" + groupId + ":" + artifactId + ")";
    }

    /** The version as RPM takes it: a hyphen would end the version and start a release, so it becomes {@code _}. */
    String rpmVersion() {
      return version.replace('-', '_');
    }
  }

  /**
   * What dependencies carry relocated inside themselves, which no dependency list shows: protobuf-java in
   * prometheus-metrics-exposition-formats (io.prometheus.metrics.shaded.com_google_protobuf_4_36_2) and JCTools in
   * netty-common (io.netty.util.internal.shaded.org.jctools, its Maven metadata kept in the jar).
   */
  private static final List<Library> RELOCATED = List.of(
      new Library("com.google.protobuf", "protobuf-java", "4.36.2"),
      new Library("org.jctools", "jctools-core", "4.0.6"));

  /** {@code   io.netty:netty-buffer:jar:4.2.15.Final:compile}, with a classifier after {@code jar} or not. */
  private static final Pattern LINE =
      Pattern.compile("\\s*([\\w.-]+):([\\w.-]+):jar(?::[\\w.-]+)?:([\\w.-]+):(?:compile|runtime)\\b.*");

  private BundledLibraries() {
  }

  /** @return each library once, in the order of the list (a library with several classifiers is one) */
  static List<Library> read(Path build) throws IOException {
    Path list = build.resolve("bundled-libraries.txt");
    Set<Library> libraries = new LinkedHashSet<>();
    for (String line : Files.readAllLines(list)) {
      Matcher matcher = LINE.matcher(line);
      if (matcher.matches()) {
        libraries.add(new Library(matcher.group(1), matcher.group(2), matcher.group(3)));
      }
    }
    if (libraries.isEmpty()) {
      throw new IOException(list + " lists no library");
    }
    libraries.addAll(RELOCATED);
    return new ArrayList<>(libraries);
  }
}
