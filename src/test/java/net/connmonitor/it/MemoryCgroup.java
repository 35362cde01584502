package net.connmonitor.it;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A memory cgroup of a test's own, with a limit, removed when closed: under the memory controller's v1 hierarchy
 * where there is one (the JVM too reads v1 first on a hybrid system), else under v2's. Found from
 * /proc/self/mountinfo, and made at the top of the hierarchy as mounted here.
 */
final class MemoryCgroup implements AutoCloseable {

  private final Path dir;
  private final boolean v1;

  private MemoryCgroup(Path dir, boolean v1) {
    this.dir = dir;
    this.v1 = v1;
  }

  /** @param name a name that says whose it is; the test JVM's pid is added */
  static MemoryCgroup make(String name, long limitBytes) throws IOException {
    List<String[]> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .map(line -> line.split(" - ", 2))
        .filter(parts -> parts.length == 2)
        .map(parts -> new String[] {parts[0].split(" ")[4], parts[1].split(" ")[0], parts[1].split(" ")[2]})
        .toList();
    Optional<Path> v1 = mounts.stream()
        .filter(mount -> mount[1].equals("cgroup") && Arrays.asList(mount[2].split(",")).contains("memory"))
        .map(mount -> Path.of(mount[0])).findFirst();
    Optional<Path> v2 = mounts.stream().filter(mount -> mount[1].equals("cgroup2")).map(mount -> Path.of(mount[0]))
        .filter(MemoryCgroup::controlsMemory).findFirst();
    Path top = v1.or(() -> v2).orElseThrow(() -> new IOException("no memory cgroup controller is mounted"));
    MemoryCgroup cgroup = new MemoryCgroup(top.resolve(name + "-" + ProcessHandle.current().pid()), v1.isPresent());
    Files.createDirectory(cgroup.dir);
    if (cgroup.v1) {
      Files.writeString(cgroup.dir.resolve("memory.limit_in_bytes"), Long.toString(limitBytes));
      // Memory and swap together: what does not fit is not swapped out instead.
      Path withSwap = cgroup.dir.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(withSwap)) {
        Files.writeString(withSwap, Long.toString(limitBytes));
      }
    } else {
      Files.writeString(cgroup.dir.resolve("memory.max"), Long.toString(limitBytes));
      Path swap = cgroup.dir.resolve("memory.swap.max");
      if (Files.exists(swap)) {
        Files.writeString(swap, "0");
      }
    }
    return cgroup;
  }

  private static boolean controlsMemory(Path top) {
    try {
      if (!Arrays.asList(Files.readString(top.resolve("cgroup.controllers")).strip().split(" ")).contains("memory")) {
        return false;
      }
      // The children of the top get the controller only when the top hands it down.
      Path subtree = top.resolve("cgroup.subtree_control");
      if (!Arrays.asList(Files.readString(subtree).strip().split(" ")).contains("memory")) {
        Files.writeString(subtree, "+memory");
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The file a process's pid is written to, to move it in. */
  Path procs() {
    return dir.resolve("cgroup.procs");
  }

  /** How many times the kernel killed a process of the cgroup for want of memory. */
  long oomKills() throws IOException {
    return Files.readAllLines(dir.resolve(v1 ? "memory.oom_control" : "memory.events")).stream()
        .filter(line -> line.startsWith("oom_kill ")).mapToLong(line -> Long.parseLong(line.substring(9)))
        .findFirst().orElseThrow(() -> new IOException(dir + " does not count the processes killed"));
  }

  /** Removes the cgroup, once its processes are gone (a killed one leaves it a moment after its exit). */
  @Override
  public void close() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.delete(dir);
        return;
      } catch (FileSystemException e) {
        if (attempt == 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
