package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class StdinConfigStoreTest {

  private static final String TEXT = "example.org ping=100\nb.example\n";

  private final InputStream originalStdin = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(originalStdin);
  }

  @Test
  void theStreamIsReadOnceAndItsBytesServeEveryGetDuringAndAfterTheRead(Vertx vertx, VertxTestContext test) {
    ByteArrayInputStream input = new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8));
    StdinConfigStore store = new StdinConfigStore(vertx, input);
    Buffer expected = Buffer.buffer(TEXT);
    Future<Buffer> first = store.get();
    Future<Buffer> whileReading = store.get();
    Future.all(first, whileReading)
        .compose(both -> {
          test.verify(() -> {
            assertEquals(expected, first.result());
            assertEquals(expected, whileReading.result());
            assertEquals(0, input.available());
          });
          return store.get();
        })
        .onComplete(test.succeeding(second -> test.verify(() -> {
          assertEquals(expected, second);
          test.completeNow();
        })));
  }

  @Test
  void aRetrieverOverStandardInputReturnsTheSameConfigurationTwice(Vertx vertx, VertxTestContext test) {
    System.setIn(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, ConfigSource.standardInput().retrieverOptions(1000));
    ParsedConfig expected = ConfigParser.parse(TEXT);
    retriever.getConfig()
        .compose(first -> {
          test.verify(() -> assertEquals(expected, ConnmonitorFormat.parsed(first)));
          return retriever.getConfig();
        })
        .onComplete(test.succeeding(second -> test.verify(() -> {
          assertEquals(expected, ConnmonitorFormat.parsed(second));
          test.completeNow();
        })));
  }
}
