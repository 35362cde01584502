package net.connmonitor.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, as the kernel lists them: its descriptors that are sockets, matched by inode
 * with the rows of {@code /proc/PID/net/tcp} and {@code tcp6} in state LISTEN. What {@code ss -ltnp} shows for it.
 */
public final class ListeningSockets {

  private static final String LISTEN = "0A";

  private ListeningSockets() {
  }

  /** @return the local addresses ({@code HEXADDR:HEXPORT}, as the kernel writes them), empty when it has exited */
  public static List<String> of(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (NoSuchFileException closedMeanwhile) {
          // A descriptor closed while the directory was read.
        }
      }
    } catch (NoSuchFileException exited) {
      return List.of();
    }
    List<String> listening = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      List<String> rows;
      try {
        rows = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
      } catch (NoSuchFileException exited) {
        return List.of();
      }
      for (String row : rows.subList(1, rows.size())) {
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
        String[] fields = row.trim().split("\\s+");
        if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
          listening.add(fields[1]);
        }
      }
    }
    return listening;
  }
}
