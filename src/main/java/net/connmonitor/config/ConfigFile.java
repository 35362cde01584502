package net.connmonitor.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration file with a bound: at most {@link #MAX_BYTES}, and one byte more to tell that there is more.
 * A file named by mistake (a device without end such as /dev/zero, a log that grows) costs a bounded amount of
 * memory, and the parser refuses it as it refuses any bad file.
 */
public final class ConfigFile {

  /** Some 150,000 host lines: far beyond what one monitor measures, far below what its memory holds. */
  public static final int MAX_BYTES = 16 << 20;

  private ConfigFile() {
  }

  /** @return the file's first {@link #MAX_BYTES} + 1 bytes, or all of them when it is no longer */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }
}
