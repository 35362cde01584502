package net.connmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKeyTest {

  @TempDir
  Path directory;

  @Test
  void madeKeysAreOnlyTheOwnersAndHoldBothKeys() throws Exception {
    Path path = directory.resolve("cluster.key");
    ClusterKey.make(path);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    ClusterKey key = ClusterKey.load(path);
    assertEquals("AES", key.encryptionKey().getAlgorithm());
    assertEquals(32, key.encryptionKey().getEncoded().length);
    Path other = directory.resolve("other.key");
    ClusterKey.make(other);
    assertNotEquals(ClusterKey.load(other).encryptionKey(), key.encryptionKey());
  }

  @Test
  void anExistingFileIsNotOverwritten() throws Exception {
    Path path = directory.resolve("cluster.key");
    Files.writeString(path, "precious");
    ClusterKey.KeyFileException refused = assertThrows(ClusterKey.KeyFileException.class, () -> ClusterKey.make(path));
    assertTrue(refused.getMessage().contains("exists already"), refused.getMessage());
    assertEquals("precious", Files.readString(path));
  }

  @Test
  void aKeyOthersMayReadIsRefused() throws Exception {
    Path path = directory.resolve("cluster.key");
    ClusterKey.make(path);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    ClusterKey.KeyFileException refused = assertThrows(ClusterKey.KeyFileException.class, () -> ClusterKey.load(path));
    assertEquals(path + " is readable or writable by others (mode rw-r--r--); expected only its owner to have "
        + "access: chmod 600 " + path, refused.getMessage());
  }

  @Test
  void aFileThatIsNoKeyIsRefused() throws Exception {
    Path path = directory.resolve("cluster.key");
    Files.writeString(path, "not a key");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    ClusterKey.KeyFileException refused = assertThrows(ClusterKey.KeyFileException.class, () -> ClusterKey.load(path));
    assertTrue(refused.getMessage().startsWith("cannot read the cluster key " + path), refused.getMessage());
  }
}
