package net.connmonitor.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import org.redline_rpm.Builder;
import org.redline_rpm.changelog.ChangelogParseException;
import org.redline_rpm.header.Architecture;
import org.redline_rpm.header.Os;
import org.redline_rpm.header.RpmType;
import org.redline_rpm.payload.Directive;

/**
 * Writes {@code connmonitor-VERSION-1.noarch.rpm} with Redline, a pure-Java RPM writer, so that JDK 17 and Maven
 * build it without rpmbuild: the layout's files for RPM, its directories and ghost files, the scriptlets and
 * changelog of {@code rpm/}, and a {@code Provides: bundled(…)} for each library the runnable jar carries.
 */
final class RpmWriter {

  private RpmWriter() {
  }

  /** @return the package written */
  static Path write(PackageInfo info, InstallLayout layout, Path project, Path build)
      throws IOException, NoSuchAlgorithmException, ChangelogParseException {
    Builder rpm = new Builder();
    rpm.setPackage(info.name(), info.version(), "1");
    rpm.setType(RpmType.BINARY);
    rpm.setPlatform(Architecture.NOARCH, Os.LINUX);
    rpm.setSummary(info.summary());
    rpm.setDescription(info.description());
    rpm.setLicense(info.license());
    rpm.setGroup("Applications/System");
    rpm.setUrl(info.homepage());
    rpm.setPackager(info.maintainer());
    rpm.setBuildHost("localhost");
    rpm.addDependencyMore("java-headless", "1:17");
    rpm.addDependency("shadow-utils", 0, "");
    rpm.addDependency("logrotate", 0, "");
    for (BundledLibraries.Library library : BundledLibraries.read(build)) {
      rpm.addProvides(library.provides(), library.rpmVersion());
    }
    Path scripts = project.resolve("rpm");
    rpm.setPreInstallScript(Files.readString(scripts.resolve("pre.sh"))
        .replace(SysusersScript.PLACEHOLDER, SysusersScript.commands(InstallLayout.sysusers(project))));
    rpm.setPostInstallScript(Files.readString(scripts.resolve("post.sh")));
    rpm.setPreUninstallScript(Files.readString(scripts.resolve("preun.sh")));
    rpm.setPostUninstallScript(Files.readString(scripts.resolve("postun.sh")));
    rpm.addChangelogFile(scripts.resolve("changelog").toFile());

    for (String directory : layout.directories()) {
      rpm.addDirectory(directory, 0755, Directive.NONE, "root", "root", false);
    }
    for (InstalledFile file : layout.files(Format.RPM)) {
      rpm.addFile(file.path(), file.source().toFile(), file.mode(), -1, directive(file.kind()), "root", "root",
          false);
    }
    // Redline takes a ghost's size and digest from a file: an empty one, as rpmbuild records a ghost.
    Path empty = build.resolve("packaging/empty");
    Files.write(empty, new byte[0]);
    for (GhostFile ghost : layout.ghosts()) {
      rpm.addFile(ghost.path(), empty.toFile(), ghost.mode(), -1, Directive.GHOST, "root", "root", false);
    }
    return build.resolve(rpm.build(build.toFile()));
  }

  private static Directive directive(Kind kind) {
    return switch (kind) {
      case PLAIN -> Directive.NONE;
      case CONFIG -> new Directive(Directive.RPMFILE_CONFIG | Directive.RPMFILE_NOREPLACE);
      case DOC -> Directive.DOC;
      case LICENSE -> Directive.LICENSE;
    };
  }
}
