package net.connmonitor.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class MonitorVerticleTest {

  @TempDir
  Path dir;

  @Test
  void anInvalidConfigurationFailsTheDeployment(Vertx vertx, VertxTestContext test) throws Exception {
    Path config = dir.resolve("hosts.conf");
    Files.writeString(config, "127.0.0.1 bogus=1\n");
    vertx.deployVerticle(new MonitorVerticle(), options(config))
        .onComplete(test.failing(e -> test.verify(() -> {
          assertInstanceOf(MonitorStartException.class, e);
          assertEquals(config + " has errors", e.getMessage());
          test.completeNow();
        })));
  }

  static DeploymentOptions options(Path config) {
    return new DeploymentOptions().setConfig(new JsonObject().put("path", config.toString()));
  }
}
