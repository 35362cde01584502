package net.connmonitor.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.zip.GZIPOutputStream;
import org.redline_rpm.Builder;
import org.redline_rpm.changelog.ChangelogParseException;
import org.redline_rpm.header.Architecture;
import org.redline_rpm.header.Os;
import org.redline_rpm.header.RpmType;
import org.redline_rpm.payload.Directive;

/**
 * Build step, not a test: {@code mvn package} runs it (exec-maven-plugin, after the jar is shaded and before jdeb)
 * to gzip the man page and the changelog for both packages and to write {@code connmonitor-VERSION-1.noarch.rpm}
 * with Redline, a pure-Java RPM writer, so that a machine with only JDK 17 and Maven builds the RPM too. It lives
 * with the tests because its dependency is build-time only; the .deb is jdeb's, configured in the pom.
 *
 * <p>Arguments: the project directory, the build directory, the version.
 */
public final class RpmPackager {

  private static final Directive NONE = Directive.NONE;
  private static final Directive CONFIG_NOREPLACE =
      new Directive(Directive.RPMFILE_CONFIG | Directive.RPMFILE_NOREPLACE);
  private static final Directive DOC = Directive.DOC;
  private static final Directive LICENSE = Directive.LICENSE;

  private RpmPackager() {
  }

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]);
    Path target = Path.of(args[1]);
    String version = args[2];
    Path staged = Files.createDirectories(target.resolve("packaging"));
    gzip(project.resolve("conf/connmonitor.1"), staged.resolve("connmonitor.1.gz"));
    gzip(project.resolve("debian/changelog"), staged.resolve("changelog.gz"));
    String name = rpm(project, target, staged, version);
    System.out.println("[connmonitor] wrote " + target.resolve(name));
  }

  private static String rpm(Path project, Path target, Path staged, String version)
      throws IOException, NoSuchAlgorithmException, ChangelogParseException {
    Builder rpm = new Builder();
    rpm.setPackage("connmonitor", version, "1");
    rpm.setType(RpmType.BINARY);
    rpm.setPlatform(Architecture.NOARCH, Os.LINUX);
    rpm.setSummary("Network connectivity monitor: ping statistics, route traces, service scans");
    rpm.setDescription(Files.readString(project.resolve("rpm/description")));
    rpm.setLicense("ASL 2.0");
    rpm.setGroup("Applications/System");
    rpm.setUrl("https://github.com/connmonitor/connmonitor");
    rpm.setPackager("connmonitor developers <connmonitor@example.org>");
    rpm.setBuildHost("localhost");
    rpm.addDependencyMore("java-headless", "1:17");
    rpm.addDependency("shadow-utils", 0, "");
    rpm.setPreInstallScript(Files.readString(project.resolve("rpm/pre.sh")));
    rpm.setPostInstallScript(Files.readString(project.resolve("rpm/post.sh")));
    rpm.setPreUninstallScript(Files.readString(project.resolve("rpm/preun.sh")));
    rpm.setPostUninstallScript(Files.readString(project.resolve("rpm/postun.sh")));
    rpm.addChangelogFile(project.resolve("rpm/changelog").toFile());

    directory(rpm, "/etc/connmonitor");
    directory(rpm, "/usr/share/connmonitor");
    directory(rpm, "/usr/share/doc/connmonitor");
    directory(rpm, "/usr/share/licenses/connmonitor");
    file(rpm, "/usr/bin/connmonitor", project.resolve("conf/connmonitor.launcher"), 0755, NONE);
    file(rpm, "/usr/share/connmonitor/connmonitor.jar", target.resolve("connmonitor.jar"), 0644, NONE);
    file(rpm, "/usr/share/connmonitor/connmonitor.conf", project.resolve("conf/connmonitor.conf"), 0644, NONE);
    file(rpm, "/etc/connmonitor/connmonitor.conf", project.resolve("conf/connmonitor.conf"), 0644, CONFIG_NOREPLACE);
    file(rpm, "/etc/logrotate.d/connmonitor", project.resolve("conf/connmonitor.logrotate"), 0644, CONFIG_NOREPLACE);
    file(rpm, "/usr/lib/systemd/system/connmonitor.service", project.resolve("systemd/connmonitor.service"), 0644,
        NONE);
    file(rpm, "/usr/lib/systemd/system-preset/90-connmonitor.preset", project.resolve("systemd/connmonitor.preset"),
        0644, NONE);
    file(rpm, "/usr/share/man/man1/connmonitor.1.gz", staged.resolve("connmonitor.1.gz"), 0644, DOC);
    file(rpm, "/usr/share/doc/connmonitor/README.md", project.resolve("README.md"), 0644, DOC);
    file(rpm, "/usr/share/licenses/connmonitor/LICENSE", project.resolve("rpm/LICENSE"), 0644, LICENSE);
    return rpm.build(target.toFile());
  }

  private static void directory(Builder rpm, String path) throws IOException, NoSuchAlgorithmException {
    rpm.addDirectory(path, 0755, NONE, "root", "root", false);
  }

  private static void file(Builder rpm, String path, Path source, int mode, Directive directive)
      throws IOException, NoSuchAlgorithmException {
    rpm.addFile(path, source.toFile(), mode, -1, directive, "root", "root", false);
  }

  /** Without a name or time in the header, as {@code gzip -n}: the same input gives the same package. */
  private static void gzip(Path source, Path gzipped) throws IOException {
    try (InputStream in = Files.newInputStream(source);
         OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      in.transferTo(out);
    }
  }
}
