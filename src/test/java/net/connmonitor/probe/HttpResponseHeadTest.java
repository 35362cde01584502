package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpResponseHeadTest {

  @Test
  void readsTheStatusCodeAndTheServerHeader() {
    Buffer head = Buffer.buffer("HTTP/1.1 200 OK\r\nDate: Wed, 25 Nov 2026 03:19:54 GMT\r\nserver:  nginx/1.22.1 \r\n"
        + "Content-Length: 0\r\n\r\n");
    assertTrue(HttpResponseHead.complete(head));
    assertEquals(Optional.of(new HttpResponseHead("200", "nginx/1.22.1")), HttpResponseHead.parse(head));
  }

  @Test
  void withoutAServerHeaderTheServerIsUnknown() {
    assertEquals(Optional.of(new HttpResponseHead("404", "Unknown")),
        HttpResponseHead.parse(Buffer.buffer("HTTP/1.0 404\nX-Server: no\n\n")));
  }

  @Test
  void anIncompleteHeadIsNotAnAnswerYet() {
    Buffer partial = Buffer.buffer("HTTP/1.1 200 OK\r\nServer: nginx\r\n");
    assertFalse(HttpResponseHead.complete(partial));
    assertEquals(Optional.empty(), HttpResponseHead.parse(partial));
  }

  @Test
  void somethingElseIsUnintelligible() {
    assertEquals(Optional.empty(), HttpResponseHead.parse(Buffer.buffer("SSH-2.0-OpenSSH_9.2\r\n\r\n")));
    assertEquals(Optional.empty(), HttpResponseHead.parse(Buffer.buffer("HTTP/1.1 2000 OK\r\n\r\n")));
    assertEquals(Optional.empty(), HttpResponseHead.parse(Buffer.buffer("\u0015\u0003\u0001\u0000\u0002\u0002\n")));
  }

  @Test
  void readingStopsAtTheLimit() {
    Buffer endless = Buffer.buffer("HTTP/1.1 200 OK\r\n");
    while (endless.length() < HttpResponseHead.MAX_BYTES) {
      endless.appendString("X-Filler: 0123456789\r\n");
    }
    assertTrue(HttpResponseHead.complete(endless));
    assertEquals(Optional.empty(), HttpResponseHead.parse(endless));
  }
}
