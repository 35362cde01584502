package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigSourceTest {

  @Test
  void aFileIsWatchedInTheConnmonitorFormat() {
    ConfigSource source = ConfigSource.file("/etc/connmonitor/connmonitor.conf");
    assertTrue(source.isFile());
    assertEquals("/etc/connmonitor/connmonitor.conf", source.describe());
    ConfigRetrieverOptions options = source.retrieverOptions(5000);
    assertFalse(options.isIncludeDefaultStores());
    assertEquals(5000, options.getScanPeriod());
    assertEquals(1, options.getStores().size());
    ConfigStoreOptions store = options.getStores().get(0);
    assertEquals(BoundedFileStoreFactory.NAME, store.getType());
    assertEquals("connmonitor", store.getFormat());
    assertEquals(new JsonObject().put("path", "/etc/connmonitor/connmonitor.conf"), store.getConfig());
  }

  @Test
  void aRelativePathIsReadFromTheWorkingDirectoryButDescribedAsTyped() {
    ConfigSource source = ConfigSource.file("hosts.conf");
    assertEquals("hosts.conf", source.describe());
    assertEquals(Path.of("hosts.conf").toAbsolutePath().toString(),
        source.retrieverOptions(1000).getStores().get(0).getConfig().getString("path"));
  }

  @Test
  void standardInputIsReadOnceAndNeverScanned() {
    ConfigSource source = ConfigSource.standardInput();
    assertFalse(source.isFile());
    assertEquals("standard input", source.describe());
    ConfigRetrieverOptions options = source.retrieverOptions(5000);
    assertFalse(options.isIncludeDefaultStores());
    assertEquals(0, options.getScanPeriod());
    assertEquals(1, options.getStores().size());
    assertEquals("stdin", options.getStores().get(0).getType());
    assertEquals("connmonitor", options.getStores().get(0).getFormat());
  }

  @Test
  void deploymentConfiguration() {
    JsonObject deployment = new JsonObject().put("path", "/etc/connmonitor/connmonitor.conf");
    assertEquals(ConfigSource.file("/etc/connmonitor/connmonitor.conf"), ConfigSource.fromJson(deployment));
    assertEquals(deployment, ConfigSource.fromJson(deployment).toJson());
    assertEquals(ConfigSource.standardInput(), ConfigSource.fromJson(new JsonObject()));
    assertEquals(new JsonObject(), ConfigSource.standardInput().toJson());
  }

  @Test
  void anEmptyPathIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ConfigSource.file(""));
  }
}
