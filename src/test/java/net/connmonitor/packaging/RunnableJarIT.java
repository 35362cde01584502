package net.connmonitor.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The two jars {@code mvn package} makes: the runnable one, which the packages ship, carries the native libraries
 * for every architecture they claim and none for another system; the library one carries connmonitor alone.
 */
class RunnableJarIT {

  private static final Path JAR = Path.of(System.getProperty("connmonitor.jar", "target/connmonitor.jar"));
  private static final Path LIBRARY = Path.of(System.getProperty("connmonitor.library",
      "target/connmonitor-" + System.getProperty("connmonitor.version", "1.0.0") + ".jar"));

  @Test
  void theRunnableJarCarriesEpollAndJnaForX8664Aarch64AndRiscv64AndNothingForAnotherSystem() throws IOException {
    Set<String> natives = new TreeSet<>();
    for (String entry : entries(JAR)) {
      if (entry.matches(".*\\.(so|dll|dylib|jnilib|a)")) {
        natives.add(entry);
      }
    }
    assertEquals(new TreeSet<>(List.of(
        "META-INF/native/libnetty_transport_native_epoll_x86_64.so",
        "META-INF/native/libnetty_transport_native_epoll_aarch_64.so",
        "META-INF/native/libnetty_transport_native_epoll_riscv64.so",
        "com/sun/jna/linux-x86-64/libjnidispatch.so",
        "com/sun/jna/linux-aarch64/libjnidispatch.so",
        "com/sun/jna/linux-riscv64/libjnidispatch.so")), natives);
  }

  @Test
  void theLibraryJarCarriesConnmonitorAloneItsDependenciesStayInItsPom() throws IOException {
    List<String> foreign = entries(LIBRARY).stream()
        .filter(entry -> !entry.equals("net/") && !entry.startsWith("net/connmonitor/")
            && !entry.startsWith("META-INF/"))
        .toList();
    assertEquals(List.of(), foreign);
    assertTrue(entries(LIBRARY).contains("net/connmonitor/records.schema.json"));
  }

  @Test
  void onAnArchitectureItHasNoLibraryForItSaysWhichInOneLine() throws Exception {
    // Netty and JNA both take the architecture from os.arch: as on a ppc64le machine.
    Command.Result run = Command.exec(null, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dos.arch=ppc64le", "-jar", JAR.toString(), "conf/connmonitor.conf");
    assertEquals(1, run.status(), run.stderr());
    List<String> errors = run.stderr().lines().toList();
    assertEquals(1, errors.size(), run.stderr());
    assertTrue(errors.get(0).startsWith("EE: Runtime: this machine's architecture, ppc64le, has no native library "
        + "in connmonitor's jar (it has them for x86-64, aarch64 and riscv64) -\t"), run.stderr());
    assertEquals("", run.stdout());
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }
}
