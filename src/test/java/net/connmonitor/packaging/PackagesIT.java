package net.connmonitor.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import net.connmonitor.record.RecordSchema;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.Test;

/**
 * The .deb and the .rpm that {@code mvn package} wrote: their exact contents, metadata and scripts, what lintian
 * and rpmlint say of them, the unit as systemd-analyze judges it, the RPM installed into a scratch root, the .deb
 * used by an operator on a real systemd in a container ({@code src/test/packaging/container-test.sh}) and installed
 * and run on an emulated arm64 Debian ({@code src/test/packaging/arm64-smoke.sh}).
 */
class PackagesIT {

  private static final String VERSION = System.getProperty("connmonitor.version", "1.0.0");
  private static final Path DEB = Path.of("target/connmonitor_" + VERSION + "_all.deb");
  private static final Path RPM = Path.of("target/connmonitor-" + VERSION + "-1.noarch.rpm");
  private static final Path JAR = Path.of(System.getProperty("connmonitor.jar", "target/connmonitor.jar"));
  private static final Path SCRIPTS = Path.of("src/test/packaging");
  private static final String PACKAGED_JAR = "./usr/share/connmonitor/connmonitor.jar";
  private static final String DOCS = "/usr/share/doc/connmonitor";
  /** A Markdown link's target: a page, an image, an address; an anchor after {@code #} is not part of the file. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(?:#[^)\\s]*)?\\)");

  @Test
  void theDebHoldsExactlyItsFiles() throws Exception {
    Set<String> files = new TreeSet<>();
    for (String line : run("dpkg-deb", "-c", DEB.toString())) {
      // -rw-r--r-- root/root   312 2026-11-25 04:01 ./etc/connmonitor/connmonitor.conf
      String[] fields = line.split("\\s+");
      if (!fields[0].startsWith("d")) {
        files.add(fields[0] + " " + fields[1] + " " + fields[5].substring(1));
      }
    }
    Set<String> expected = new TreeSet<>(List.of(
        "-rwxr-xr-x root/root /usr/bin/connmonitor",
        "-rw-r--r-- root/root /usr/share/connmonitor/connmonitor.jar",
        "-rw-r--r-- root/root /usr/share/connmonitor/connmonitor.conf",
        "-rw-r--r-- root/root /usr/share/connmonitor/connmonitor-rules.yml",
        "-rw-r--r-- root/root /usr/share/connmonitor/grafana-dashboard.json",
        "-rw-r--r-- root/root /etc/connmonitor/connmonitor.conf",
        "-rw-r--r-- root/root /etc/connmonitor/cluster.conf",
        "-rw-r--r-- root/root /etc/logrotate.d/connmonitor",
        "-rw-r--r-- root/root /etc/default/connmonitor",
        "-rw-r--r-- root/root /lib/systemd/system/connmonitor.service",
        "-rw-r--r-- root/root /usr/lib/sysusers.d/connmonitor.conf",
        "-rw-r--r-- root/root /usr/share/man/man1/connmonitor.1.gz",
        "-rw-r--r-- root/root /usr/share/doc/connmonitor/README.md",
        "-rw-r--r-- root/root /usr/share/doc/connmonitor/records.schema.json",
        "-rw-r--r-- root/root /usr/share/doc/connmonitor/copyright",
        "-rw-r--r-- root/root /usr/share/doc/connmonitor/changelog.gz"));
    expected.addAll(documents("-rw-r--r-- root/root "));
    assertEquals(expected, files);
  }

  /** Every relative link of the installed README and pages leads to a file the package installs. */
  @Test
  void theInstalledReadmeAndItsPagesLinkOnlyToWhatIsInstalled() throws Exception {
    Path root = Files.createTempDirectory("connmonitor-deb-files");
    run("dpkg-deb", "-x", DEB.toString(), root.toString());
    List<Path> pages;
    try (Stream<Path> walked = Files.walk(root.resolve(DOCS.substring(1)))) {
      pages = walked.filter(path -> path.toString().endsWith(".md")).toList();
    }
    List<String> broken = new ArrayList<>();
    int resolved = 0;
    for (Path page : pages) {
      Matcher link = LINK.matcher(Files.readString(page));
      while (link.find()) {
        String target = link.group(1);
        if (target.isEmpty() || target.contains(":")) {
          continue;
        }
        if (Files.isRegularFile(page.resolveSibling(target))) {
          resolved++;
        } else {
          broken.add(root.relativize(page) + " -> " + target);
        }
      }
    }
    run("rm", "-rf", root.toString());
    assertEquals(List.of(), broken);
    assertTrue(pages.size() > 1 && resolved > 0, pages.size() + " pages, " + resolved + " links");
  }

  @Test
  void theDebDependsOnAJavaRuntimeAndKeepsTheConfiguration() throws Exception {
    assertEquals(List.of("default-jre-headless (>= 2:1.17) | java17-runtime-headless, passwd"),
        run("dpkg-deb", "-f", DEB.toString(), "Depends"));
    assertEquals(List.of("logrotate"), run("dpkg-deb", "-f", DEB.toString(), "Recommends"));
    assertEquals(List.of("all"), run("dpkg-deb", "-f", DEB.toString(), "Architecture"));
    assertEquals(List.of(VERSION), run("dpkg-deb", "-f", DEB.toString(), "Version"));
    assertEquals(List.of("/etc/connmonitor/connmonitor.conf", "/etc/connmonitor/cluster.conf",
            "/etc/logrotate.d/connmonitor", "/etc/default/connmonitor"),
        run("dpkg-deb", "-I", DEB.toString(), "conffiles"));
    Path control = Files.createTempDirectory("connmonitor-deb-control");
    run("dpkg-deb", "-e", DEB.toString(), control.resolve("DEBIAN").toString());
    for (String script : List.of("postinst", "prerm", "postrm")) {
      Path path = control.resolve("DEBIAN").resolve(script);
      assertTrue(Files.isExecutable(path), script + " is not executable");
      run("sh", "-n", path.toString());
    }
    run("rm", "-rf", control.toString());
  }

  @Test
  void theRpmHoldsExactlyItsFilesMarkedAsConfigurationDocumentationLicenceOrGhost() throws Exception {
    // FILEFLAGS: c configuration, n noreplace, d documentation, l licence, g ghost (owned, not carried).
    Set<String> expected = new TreeSet<>(List.of(
        "- drwxr-xr-x root/root /etc/connmonitor",
        "- drwxr-xr-x root/root /usr/share/connmonitor",
        "- drwxr-xr-x root/root /usr/share/doc/connmonitor",
        "- drwxr-xr-x root/root /usr/share/doc/connmonitor/docs",
        "- drwxr-xr-x root/root /usr/share/doc/connmonitor/docs/images",
        "- drwxr-xr-x root/root /usr/share/licenses/connmonitor",
        "- -rwxr-xr-x root/root /usr/bin/connmonitor",
        "- -rw-r--r-- root/root /usr/share/connmonitor/connmonitor.jar",
        "- -rw-r--r-- root/root /usr/share/connmonitor/connmonitor.conf",
        "- -rw-r--r-- root/root /usr/share/connmonitor/connmonitor-rules.yml",
        "- -rw-r--r-- root/root /usr/share/connmonitor/grafana-dashboard.json",
        "cn -rw-r--r-- root/root /etc/connmonitor/connmonitor.conf",
        "cn -rw-r--r-- root/root /etc/connmonitor/cluster.conf",
        "cn -rw-r--r-- root/root /etc/logrotate.d/connmonitor",
        "cn -rw-r--r-- root/root /etc/sysconfig/connmonitor",
        "- -rw-r--r-- root/root /usr/lib/systemd/system/connmonitor.service",
        "- -rw-r--r-- root/root /usr/lib/sysusers.d/connmonitor.conf",
        "d -rw-r--r-- root/root /usr/share/man/man1/connmonitor.1.gz",
        "d -rw-r--r-- root/root /usr/share/doc/connmonitor/README.md",
        "d -rw-r--r-- root/root /usr/share/doc/connmonitor/records.schema.json",
        "l -rw-r--r-- root/root /usr/share/licenses/connmonitor/LICENSE",
        "g -rw-r----- root/root /var/log/connmonitor.log",
        "g -rw-r----- root/root /var/log/connmonitor.err"));
    expected.addAll(documents("d -rw-r--r-- root/root "));
    assertEquals(expected,
        new TreeSet<>(run("rpm", "-qp", "--qf",
            "[%{FILEFLAGS:fflags} %{FILEMODES:perms} %{FILEUSERNAME}/%{FILEGROUPNAME} %{FILENAMES}\\n]",
            RPM.toString()).stream().map(line -> line.startsWith(" ") ? "-" + line : line).toList()));
    assertEquals(List.of("/etc/connmonitor/cluster.conf", "/etc/connmonitor/connmonitor.conf",
            "/etc/logrotate.d/connmonitor", "/etc/sysconfig/connmonitor"), run("rpm", "-qpc", RPM.toString()));
    assertEquals(List.of("java-headless >= 1:17", "shadow-utils", "logrotate"),
        run("rpm", "-qp", "--requires", RPM.toString())
            .stream().filter(requirement -> !requirement.startsWith("rpmlib(")).toList());
    assertEquals(List.of("connmonitor-" + VERSION + "-1.noarch"), run("rpm", "-qp", RPM.toString()));
    assertEquals(List.of("Apache-2.0"), run("rpm", "-qp", "--qf", "%{LICENSE}\\n", RPM.toString()));
  }

  @Test
  void theRpmProvidesEveryLibraryTheJarBundlesAndTheCopyrightNamesEach() throws Exception {
    Set<String> provided = new TreeSet<>();
    Pattern bundled = Pattern.compile("bundled\\(([\\w.-]+:[\\w.-]+)\\) = [\\w.~+_]+");
    for (String provide : run("rpm", "-qp", "--provides", RPM.toString())) {
      Matcher matcher = bundled.matcher(provide);
      if (matcher.matches()) {
        provided.add(matcher.group(1));
      }
    }
    // Apart from the build's own list: the libraries whose Maven metadata the runnable jar kept.
    Pattern metadata = Pattern.compile("META-INF/maven/([\\w.-]+)/([\\w.-]+)/pom\\.properties");
    Set<String> inTheJar = new TreeSet<>();
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      jar.stream().map(entry -> metadata.matcher(entry.getName())).filter(Matcher::matches)
          .filter(matcher -> !matcher.group(1).equals("net.connmonitor"))
          .forEach(matcher -> inTheJar.add(matcher.group(1) + ":" + matcher.group(2)));
    }
    assertTrue(inTheJar.size() > 20 && provided.containsAll(inTheJar),
        "provided " + provided + ", in the jar " + inTheJar);
    String copyright = Files.readString(Path.of("debian/copyright"));
    List<String> unnamed = provided.stream().filter(library -> !copyright.contains(library)).toList();
    assertEquals(List.of(), unnamed, "bundled libraries that debian/copyright does not name");
  }

  @Test
  void bothPackagesShipTheRunnableJar() throws Exception {
    String built = run("sha256sum", JAR.toString()).get(0).split(" ")[0];
    assertEquals(List.of(built + "  -"), run("sh", "-c",
        "dpkg-deb --fsys-tarfile \"$0\" | tar -xO " + PACKAGED_JAR + " | sha256sum", DEB.toString()));
    assertEquals(List.of(built + "  -"), run("sh", "-c",
        "rpm2cpio \"$0\" | cpio -i --quiet --to-stdout " + PACKAGED_JAR + " | sha256sum", RPM.toString()));
  }

  @Test
  void lintianGivesTheDebNoErrorAndOnlyTheJustifiedTags() throws Exception {
    Command.Result lintian = Command.exec(null, "lintian", "-EviIL", "+pedantic", DEB.toString());
    List<String> tags = lintian.stdout().lines().filter(line -> line.matches("[EWIPXO]: .*")).toList();
    System.out.println("lintian -EviIL +pedantic " + DEB + ":\n  " + String.join("\n  ", tags));
    Pattern tag = Pattern.compile("([EWIPXO]): connmonitor(?: \\S+)?: (\\S+).*");
    Set<String> given = new TreeSet<>();
    for (String line : tags) {
      Matcher matcher = tag.matcher(line);
      assertTrue(matcher.matches(), line);
      given.add(matcher.group(1) + ": " + matcher.group(2));
    }
    JustifiedTags.assertOnlyJustified(given, Path.of("debian/lintian-warnings"), lintian.stdout() + lintian.stderr());
  }

  @Test
  void rpmlintGivesTheRpmNoErrorAndOnlyTheJustifiedWarnings() throws Exception {
    Command.Result rpmlint = Command.exec(null, "rpmlint", "-c", "rpm/rpmlint.toml", RPM.toString());
    System.out.println("rpmlint -c rpm/rpmlint.toml " + RPM + ":\n  "
        + String.join("\n  ", rpmlint.stdout().lines().filter(line -> line.startsWith("connmonitor")).toList()));
    Pattern tag = Pattern.compile("connmonitor\\.noarch: ([EW]): (\\S+).*");
    Set<String> given = new TreeSet<>();
    rpmlint.stdout().lines().map(tag::matcher).filter(Matcher::matches)
        .forEach(matcher -> given.add(matcher.group(1) + ": " + matcher.group(2)));
    assertTrue(rpmlint.stdout().contains(" 0 errors, "), rpmlint.stdout() + rpmlint.stderr());
    JustifiedTags.assertOnlyJustified(given, Path.of("rpm/rpmlint-warnings"), rpmlint.stdout() + rpmlint.stderr());
  }

  @Test
  void theRpmScriptletsAreShellThatParses() throws Exception {
    Pattern header = Pattern.compile("(\\S+) scriptlet \\(using /bin/sh\\):");
    List<String> names = new ArrayList<>();
    StringBuilder body = null;
    for (String line : run("rpm", "-qp", "--scripts", RPM.toString())) {
      Matcher matcher = header.matcher(line);
      if (matcher.matches()) {
        checkShell(body);
        names.add(matcher.group(1));
        body = new StringBuilder();
      } else if (body != null) {
        body.append(line).append('\n');
      }
    }
    checkShell(body);
    assertEquals(List.of("preinstall", "postinstall", "preuninstall", "postuninstall"), names);
  }

  @Test
  void theUnitScoresOkOrBetterWithSystemdAnalyzeSecurity() throws Exception {
    List<String> report = run("systemd-analyze", "security", "--offline=true", "--no-pager",
        "systemd/connmonitor.service");
    String overall = report.stream().filter(line -> line.contains("Overall exposure level")).findFirst().orElseThrow();
    System.out.println("systemd-analyze security: " + overall.strip());
    Matcher level = Pattern.compile("connmonitor.service: (\\d+\\.\\d+) (\\w+)").matcher(overall);
    assertTrue(level.find(), overall);
    assertTrue(Set.of("OK", "SAFE", "PERFECT").contains(level.group(2)), overall);
  }

  @Test
  void theRpmInstallsIntoAScratchRootAndErasesCleanly() throws Exception {
    TestNetwork.requireRoot("rpm --root installs into a directory as root, and the scriptlets run chrooted");
    String rootfs = run(SCRIPTS.resolve("cached-rootfs.sh").toString()).get(0);
    Path scratch = Path.of("/var/tmp/connmonitor-rpm-" + ProcessHandle.current().pid());
    try {
      run("cp", "-a", rootfs, scratch.toString());
      run("rpm", "--root", scratch.toString(), "--initdb");
      Path wanted = scratch.resolve("etc/systemd/system/multi-user.target.wants/connmonitor.service");
      // Debian's presets name no connmonitor, so systemd's default, enable, applies; the package ships no preset.
      run("rpm", "--root", scratch.toString(), "-i", "--nodeps", RPM.toAbsolutePath().toString());
      for (String file : List.of("usr/bin/connmonitor", "usr/share/connmonitor/connmonitor.jar",
          "etc/connmonitor/connmonitor.conf", "usr/lib/systemd/system/connmonitor.service",
          "usr/lib/sysusers.d/connmonitor.conf", "var/log/connmonitor.log", "var/log/connmonitor.err")) {
        assertTrue(Files.exists(scratch.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS), file);
      }
      assertTrue(Files.exists(wanted, java.nio.file.LinkOption.NOFOLLOW_LINKS), "not enabled by the default preset");
      assertTrue(Files.readString(scratch.resolve("etc/passwd"))
          .contains("\nconnmonitor:x:"), "no connmonitor user");
      assertTrue(Files.readAllLines(scratch.resolve("etc/passwd")).stream()
          .anyMatch(line -> line.startsWith("connmonitor:") && line.endsWith(":connmonitor daemon:/nonexistent:"
              + "/usr/sbin/nologin")), "the user is not the one of the sysusers.d file");
      run("rpm", "--root", scratch.toString(), "-e", "connmonitor");
      assertTrue(Files.notExists(scratch.resolve("usr/bin/connmonitor")));
      assertTrue(Files.notExists(scratch.resolve("var/log/connmonitor.log")), "the ghost log file stayed");
      assertTrue(Files.notExists(wanted, java.nio.file.LinkOption.NOFOLLOW_LINKS));
      // Fedora's and RHEL's presets disable whatever they do not name: installed there, the service stays disabled.
      Files.writeString(scratch.resolve("usr/lib/systemd/system-preset/99-default-disable.preset"), "disable *\n");
      run("rpm", "--root", scratch.toString(), "-i", "--nodeps", RPM.toAbsolutePath().toString());
      assertTrue(Files.exists(scratch.resolve("usr/bin/connmonitor")));
      assertTrue(Files.notExists(wanted, java.nio.file.LinkOption.NOFOLLOW_LINKS), "enabled against the presets");
    } finally {
      run("rm", "-rf", scratch.toString());
    }
  }

  @Test
  void anOperatorInstallsReloadsUpgradesAndPurgesTheDebOnARealSystemd() throws Exception {
    TestNetwork.requireRoot("the container test boots systemd in a container");
    Process test = new ProcessBuilder(SCRIPTS.resolve("container-test.sh").toString(), DEB.toString())
        .redirectErrorStream(true).start();
    StringBuilder transcript = new StringBuilder();
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(test.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        System.out.println(line);
        transcript.append(line).append('\n');
      }
    }
    assertTrue(test.waitFor(15, TimeUnit.MINUTES), "the container test did not end");
    assertEquals(0, test.exitValue(), transcript.toString());
    assertRecordsValid(transcript.toString(), 3);
  }

  @Test
  void theDebInstallsAndPingsOnAnEmulatedArm64Debian() throws Exception {
    TestNetwork.requireRoot("the arm64 test makes a Debian root with debootstrap and chroots into it");
    Process test = new ProcessBuilder(SCRIPTS.resolve("arm64-smoke.sh").toString(), DEB.toString())
        .redirectErrorStream(true).start();
    String transcript = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(transcript);
    assertTrue(test.waitFor(15, TimeUnit.MINUTES), "the arm64 test did not end");
    assertEquals(0, test.exitValue(), transcript);
    assertTrue(transcript.contains("\n    connmonitor " + VERSION + "\n"), transcript);
    assertRecordsValid(transcript, 1);
  }

  /** The JSON records a transcript shows (indented by four spaces): at least {@code least}, each a valid record. */
  private static void assertRecordsValid(String transcript, int least) {
    List<String> records = transcript.lines().filter(line -> line.startsWith("    {")).map(String::strip).toList();
    assertTrue(records.size() >= least, "fewer than " + least + " records in the transcript");
    records.forEach(RecordSchema::assertValid);
  }

  private static void checkShell(StringBuilder script) throws Exception {
    if (script != null) {
      Path file = Files.createTempFile("connmonitor-scriptlet", ".sh");
      Files.writeString(file, script);
      try {
        run("sh", "-n", file.toString());
      } finally {
        Files.delete(file);
      }
    }
  }

  /** The README's pages and their images as both packages install them, each line starting with {@code prefix}. */
  private static List<String> documents(String prefix) throws IOException {
    List<String> documents = new ArrayList<>();
    for (String folder : List.of("docs", "docs/images")) {
      try (Stream<Path> listed = Files.list(Path.of(folder))) {
        listed.filter(Files::isRegularFile)
            .forEach(file -> documents.add(prefix + DOCS + "/" + folder + "/" + file.getFileName()));
      }
    }
    return documents;
  }

  private static List<String> run(String... command) throws IOException, InterruptedException {
    return Command.run(command);
  }
}
