package net.connmonitor.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.connmonitor.record.RecordSchema;
import net.connmonitor.testnet.TestNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example of connmonitor inside a Vert.x application, taken from the README itself, built as a
 * separate Maven project that depends on {@code net.connmonitor:connmonitor} (the library jar and its POM, put in a
 * scratch local repository as {@code mvn install} would), then run.
 */
class EmbeddingIT {

  private static final String VERSION = System.getProperty("connmonitor.version", "1.0.0");
  private static final Path LIBRARY =
      Path.of(System.getProperty("connmonitor.library", "target/connmonitor-" + VERSION + ".jar"));
  private static final Path POM = Path.of(System.getProperty("connmonitor.pom", "pom.xml"));
  /** Where the build found its dependencies: the example's build takes them from there, not from the network. */
  private static final Path DEPENDENCIES = Path.of(System.getProperty("maven.repo.local",
      System.getProperty("user.home") + "/.m2/repository"));

  @TempDir
  static Path project;
  private static String mainClass;
  private static String classpath;

  @BeforeAll
  static void buildTheReadmesExample() throws Exception {
    String example = readmeExample();
    Matcher name = Pattern.compile("public class (\\w+)").matcher(example);
    assertTrue(name.find(), "no public class in the README's example:\n" + example);
    mainClass = name.group(1);
    Path sources = Files.createDirectories(project.resolve("src/main/java"));
    Files.writeString(sources.resolve(mainClass + ".java"), example);
    Files.writeString(project.resolve("pom.xml"), pom());

    Path repository = project.resolve("repository");
    Path installed = Files.createDirectories(repository.resolve("net/connmonitor/connmonitor/" + VERSION));
    Files.copy(LIBRARY, installed.resolve("connmonitor-" + VERSION + ".jar"));
    Files.copy(POM, installed.resolve("connmonitor-" + VERSION + ".pom"));

    Command.runIn(project, "mvn", "-B", "-q", "-Dmaven.repo.local=" + repository, "compile",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=classpath");
    classpath = Files.readString(project.resolve("classpath")).strip();
  }

  @Test
  void itCompilesAgainstTheLibraryJarWithTheDependenciesItsPomNames() {
    List<String> jars = List.of(classpath.split(":"));
    assertTrue(jars.stream().anyMatch(jar -> jar.endsWith("/connmonitor-" + VERSION + ".jar")), classpath);
    assertTrue(jars.stream().noneMatch(jar -> jar.endsWith("-all.jar")), classpath);
    for (String dependency : List.of("vertx-core", "vertx-config", "netty-transport-classes-epoll", "jna",
        "jackson-core", "netty-transport-native-epoll")) {
      assertTrue(jars.stream().anyMatch(jar -> jar.contains("/" + dependency + "-")), dependency + ": " + classpath);
    }
  }

  @Test
  void itRunsAndGetsTheRecordsBothPrintedAndAsObjects() throws Exception {
    TestNetwork.requireRoot("the monitor's raw ICMP sockets need CAP_NET_RAW");
    Path hosts = Files.writeString(project.resolve("hosts.conf"), "localhost ping=100 numpings=2 json=1\n");
    Process example = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", project.resolve("target/classes") + ":" + classpath, mainClass, hosts.toString())
        .redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(example.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!(printed(lines) && consumed(lines)) && System.nanoTime() < deadline) {
        String line = output.readLine();
        if (line == null) {
          break;
        }
        lines.add(line);
      }
    } finally {
      example.destroyForcibly();
      example.waitFor(10, TimeUnit.SECONDS);
    }
    String transcript = String.join("\n", lines);
    assertTrue(printed(lines), "no JSON record printed by the OutputVerticle:\n" + transcript);
    assertTrue(consumed(lines), "no line from the example's consumer:\n" + transcript);
    lines.stream().filter(RecordSchema::isJson).forEach(RecordSchema::assertValid);
  }

  private static boolean printed(List<String> lines) {
    return lines.stream().anyMatch(line -> line.startsWith("{\"addr\":\"127.0.0.1\",\"name\":\"localhost\","));
  }

  private static boolean consumed(List<String> lines) {
    return lines.stream().anyMatch(line -> line.matches("localhost: 0\\.0% lost, [0-9.E-]+ ms on average"));
  }

  /** The first Java block of the README's section on the event bus: the code embedders copy. */
  private static String readmeExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("\n## Inside a Vert.x application");
    assertTrue(section >= 0, "no section \"Inside a Vert.x application\" in README.md");
    int start = readme.indexOf("```java\n", section);
    int end = readme.indexOf("\n```\n", start);
    assertTrue(start >= 0 && end > start, "no Java block in the README's section \"Inside a Vert.x application\"");
    return readme.substring(start + "```java\n".length(), end + 1);
  }

  /** A project of an embedder's: Java 17, connmonitor as its one dependency; every plugin version pinned. */
  private static String pom() {
    String dependencies = DEPENDENCIES.toUri().toString();
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>embedding</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <repositories>
            <repository><id>build</id><url>%1$s</url></repository>
          </repositories>
          <pluginRepositories>
            <pluginRepository><id>build</id><url>%1$s</url></pluginRepository>
          </pluginRepositories>
          <dependencies>
            <dependency>
              <groupId>net.connmonitor</groupId>
              <artifactId>connmonitor</artifactId>
              <version>%2$s</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.13.0</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(dependencies, VERSION);
  }
}
