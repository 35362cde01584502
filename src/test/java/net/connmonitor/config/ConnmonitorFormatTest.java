package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ConnmonitorFormatTest {

  @TempDir
  Path dir;

  @Test
  void aRetrieverReadsAFileAsParsedConfiguration(Vertx vertx, VertxTestContext test) throws IOException {
    String text = "example.org ping=250\nb.example json=true\n";
    Path file = Files.writeString(dir.resolve("connmonitor.conf"), text);
    ConfigRetriever retriever = ConfigRetriever.create(vertx, ConfigSource.file(file.toString()).retrieverOptions(0));
    retriever.getConfig().onComplete(test.succeeding(json -> test.verify(() -> {
      assertEquals(ConfigParser.parse(text), ConnmonitorFormat.parsed(json));
      test.completeNow();
    })));
  }

  @Test
  void invalidContentIsDeliveredWithItsErrorsNotAsAFailure(Vertx vertx, VertxTestContext test) throws IOException {
    Path file = Files.writeString(dir.resolve("connmonitor.conf"), "example.org ping=soon\n");
    ConfigRetriever retriever = ConfigRetriever.create(vertx, ConfigSource.file(file.toString()).retrieverOptions(0));
    retriever.getConfig().onComplete(test.succeeding(json -> test.verify(() -> {
      assertEquals(List.of("line 1: \"ping=soon\": invalid value for ping; expected a decimal number of"
              + " milliseconds from 0 to 31536000000 (a year), 0 for no pings"),
          ConnmonitorFormat.parsed(json).errors().stream().map(ConfigError::message).toList());
      test.completeNow();
    })));
  }

  @Test
  void aWatchedFileReportsItsChange(Vertx vertx, VertxTestContext test) throws IOException {
    Path file = Files.writeString(dir.resolve("connmonitor.conf"), "example.org\n");
    ConfigRetriever retriever =
        ConfigRetriever.create(vertx, ConfigSource.file(file.toString()).retrieverOptions(50));
    retriever.getConfig().onComplete(test.succeeding(first -> {
      retriever.listen(change -> test.verify(() -> {
        assertEquals(List.of("b.example"), ConnmonitorFormat.parsed(change.getNewConfiguration()).hosts().stream()
            .map(HostConfig::host).toList());
        test.completeNow();
      }));
      test.verify(() -> Files.writeString(file, "b.example\n"));
    }));
  }

  @Test
  void anEmptyOrMissingBufferIsAnEmptyFile(Vertx vertx, VertxTestContext test) {
    ParsedConfig empty = ConfigParser.parse("");
    ConnmonitorFormat format = new ConnmonitorFormat();
    format.process(vertx, new JsonObject(), Buffer.buffer())
        .compose(json -> {
          test.verify(() -> assertEquals(empty, ConnmonitorFormat.parsed(json)));
          return format.process(vertx, null, null);
        })
        .onComplete(test.succeeding(json -> test.verify(() -> {
          assertEquals(empty, ConnmonitorFormat.parsed(json));
          test.completeNow();
        })));
  }

  /** An unchanged valid file is the very same configuration: neither parsed again nor compared line by line. */
  @Test
  void anUnchangedValidFileIsTheSameObject(Vertx vertx, VertxTestContext test) {
    ConnmonitorFormat format = new ConnmonitorFormat();
    Buffer valid = Buffer.buffer("example.org\n");
    Buffer invalid = Buffer.buffer("example.org ping=x\n");
    format.process(vertx, null, valid)
        .compose(first -> format.process(vertx, null, valid).map(second -> {
          test.verify(() -> assertSame(ConnmonitorFormat.parsed(first), ConnmonitorFormat.parsed(second)));
          return second;
        }))
        .compose(valid2 -> format.process(vertx, null, invalid))
        .compose(first -> format.process(vertx, null, invalid).map(second -> {
          test.verify(() -> {
            assertNotSame(ConnmonitorFormat.parsed(first), ConnmonitorFormat.parsed(second));
            assertEquals(ConnmonitorFormat.parsed(first), ConnmonitorFormat.parsed(second));
          });
          return second;
        }))
        .onComplete(test.succeeding(done -> test.completeNow()));
  }

  /** vertx-config copies the JSON it hands out: the configuration in it is copied as itself. */
  @Test
  void theConfigurationSurvivesACopyOfItsJson(Vertx vertx, VertxTestContext test) {
    new ConnmonitorFormat().process(vertx, null, Buffer.buffer("example.org\nexample.org\nb.example hops=0\n"))
        .onComplete(test.succeeding(json -> test.verify(() -> {
          assertSame(ConnmonitorFormat.parsed(json), ConnmonitorFormat.parsed(json.copy()));
          assertEquals(json, json.copy());
          test.completeNow();
        })));
  }
}
