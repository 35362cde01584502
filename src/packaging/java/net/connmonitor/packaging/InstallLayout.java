package net.connmonitor.packaging;

import static net.connmonitor.packaging.Format.DEB;
import static net.connmonitor.packaging.Format.RPM;
import static net.connmonitor.packaging.Kind.CONFIG;
import static net.connmonitor.packaging.Kind.DOC;
import static net.connmonitor.packaging.Kind.LICENSE;
import static net.connmonitor.packaging.Kind.PLAIN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each file of the packages goes, its mode, and how the package manager treats it: the one description that
 * both the .deb and the .rpm are written from (docs/packaging.md).
 */
final class InstallLayout {

  private static final Set<Format> BOTH = Set.of(DEB, RPM);
  private static final String DOCS = "/usr/share/doc/connmonitor/";
  /** The README's pages and their images, by their folder in the project and below {@link #DOCS}. */
  private static final List<String> DOCUMENT_FOLDERS = List.of("docs", "docs/images");

  private final List<InstalledFile> files;

  private InstallLayout(List<InstalledFile> files) {
    this.files = files;
  }

  /**
   * Compresses what the packages ship compressed (as {@code gzip -9n}) into {@code BUILD/packaging}, and lays out
   * the files of the project and of the build.
   *
   * @param project the project directory
   * @param build   the build directory, holding the runnable jar
   */
  static InstallLayout stage(Path project, Path build) throws IOException {
    Path staged = Files.createDirectories(build.resolve("packaging"));
    Path manPage = MaxGzip.compress(project.resolve("conf/connmonitor.1"), staged.resolve("connmonitor.1.gz"));
    Path changelog = MaxGzip.compress(project.resolve("debian/changelog"), staged.resolve("changelog.gz"));
    Path conf = project.resolve("conf");
    Path unit = project.resolve("systemd/connmonitor.service");
    List<InstalledFile> files = new ArrayList<>(List.of(
        new InstalledFile("/usr/bin/connmonitor", conf.resolve("connmonitor.launcher"), 0755, PLAIN, BOTH),
        new InstalledFile("/usr/share/connmonitor/connmonitor.jar", build.resolve("connmonitor.jar"), 0644, PLAIN,
            BOTH),
        // The default configuration, which the unit puts back when the operator deleted the conffile.
        new InstalledFile("/usr/share/connmonitor/connmonitor.conf", conf.resolve("connmonitor.conf"), 0644, PLAIN,
            BOTH),
        new InstalledFile("/etc/connmonitor/connmonitor.conf", conf.resolve("connmonitor.conf"), 0644, CONFIG, BOTH),
        new InstalledFile("/etc/connmonitor/cluster.conf", conf.resolve("cluster.conf"), 0644, CONFIG, BOTH),
        // For the operator to copy into Prometheus's rule files and import into Grafana.
        new InstalledFile("/usr/share/connmonitor/connmonitor-rules.yml",
            project.resolve("contrib/prometheus/connmonitor-rules.yml"), 0644, PLAIN, BOTH),
        new InstalledFile("/usr/share/connmonitor/grafana-dashboard.json",
            project.resolve("contrib/grafana/connmonitor.json"), 0644, PLAIN, BOTH),
        new InstalledFile("/etc/logrotate.d/connmonitor", conf.resolve("connmonitor.logrotate"), 0644, CONFIG, BOTH),
        // The service's arguments (CONNMONITOR_ARGS, e.g. --listen), where each family of distributions keeps a
        // service's settings; the unit reads both paths.
        new InstalledFile("/etc/default/connmonitor", conf.resolve("connmonitor.default"), 0644, CONFIG, Set.of(DEB)),
        new InstalledFile("/etc/sysconfig/connmonitor", conf.resolve("connmonitor.default"), 0644, CONFIG,
            Set.of(RPM)),
        // Debian 12 keeps units in /lib (lintian wants them there); RPM distributions in /usr/lib.
        new InstalledFile("/lib/systemd/system/connmonitor.service", unit, 0644, PLAIN, Set.of(DEB)),
        new InstalledFile("/usr/lib/systemd/system/connmonitor.service", unit, 0644, PLAIN, Set.of(RPM)),
        // The service's user, which the package scripts create from this very file (SysusersScript).
        new InstalledFile("/usr/lib/sysusers.d/connmonitor.conf", sysusers(project), 0644, PLAIN, BOTH),
        new InstalledFile("/usr/share/man/man1/connmonitor.1.gz", manPage, 0644, DOC, BOTH),
        new InstalledFile(DOCS + "README.md", project.resolve("README.md"), 0644, DOC, BOTH),
        new InstalledFile(DOCS + "records.schema.json",
            project.resolve("src/main/resources/net/connmonitor/records.schema.json"), 0644, DOC, BOTH),
        // Debian's licence is its machine-readable copyright file and its changelog a file; an RPM's changelog is
        // in its header, and its licence text goes to /usr/share/licenses.
        new InstalledFile(DOCS + "copyright", project.resolve("debian/copyright"), 0644, PLAIN, Set.of(DEB)),
        new InstalledFile(DOCS + "changelog.gz", changelog, 0644, PLAIN, Set.of(DEB)),
        new InstalledFile("/usr/share/licenses/connmonitor/LICENSE", project.resolve("rpm/LICENSE"), 0644, LICENSE,
            Set.of(RPM))));
    files.addAll(documents(project));
    return new InstallLayout(files);
  }

  /**
   * What the README links to: every page of {@code docs/} and the images they show, beside it as in the project, so
   * that the links of the installed README and of the pages resolve.
   */
  private static List<InstalledFile> documents(Path project) throws IOException {
    List<InstalledFile> documents = new ArrayList<>();
    for (String folder : DOCUMENT_FOLDERS) {
      try (Stream<Path> listed = Files.list(project.resolve(folder))) {
        listed.filter(Files::isRegularFile).sorted().forEach(page -> documents.add(new InstalledFile(
            DOCS + folder + "/" + page.getFileName(), page, 0644, DOC, BOTH)));
      }
    }
    return documents;
  }

  /** The sysusers.d file of the service's user. */
  static Path sysusers(Path project) {
    return project.resolve("systemd/connmonitor.sysusers");
  }

  List<InstalledFile> files(Format format) {
    return files.stream().filter(file -> file.formats().contains(format)).toList();
  }

  /** The directories that are the package's own; an RPM lists them, dpkg owns those of its files by itself. */
  List<String> directories() {
    List<String> directories = new ArrayList<>(List.of("/etc/connmonitor", "/usr/share/connmonitor",
        "/usr/share/doc/connmonitor", "/usr/share/licenses/connmonitor"));
    DOCUMENT_FOLDERS.forEach(folder -> directories.add(DOCS + folder));
    return directories;
  }

  /** The log files the unit appends the records and the errors to. */
  List<GhostFile> ghosts() {
    return List.of(new GhostFile("/var/log/connmonitor.log", 0640), new GhostFile("/var/log/connmonitor.err", 0640));
  }
}
