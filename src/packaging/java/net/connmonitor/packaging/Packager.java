package net.connmonitor.packaging;

import java.nio.file.Path;

/**
 * The build step that writes the .deb and the .rpm ({@code mvn package} runs it after the shade plugin made the
 * runnable jar; see pom.xml). Arguments: the project directory, the build directory, the version.
 */
public final class Packager {

  private Packager() {
  }

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: Packager PROJECT_DIRECTORY BUILD_DIRECTORY VERSION");
      System.exit(2);
    }
    Path project = Path.of(args[0]);
    Path build = Path.of(args[1]);
    try {
      PackageInfo info = PackageInfo.read(project, args[2]);
      InstallLayout layout = InstallLayout.stage(project, build);
      System.out.println("[connmonitor] wrote " + DebWriter.write(info, layout, project, build));
      System.out.println("[connmonitor] wrote " + RpmWriter.write(info, layout, project, build));
    } catch (Exception e) {
      // A missing or unreadable source file is the usual cause, and its message names it.
      System.err.println("[connmonitor] cannot write the packages: " + e);
      System.exit(1);
    }
  }
}
