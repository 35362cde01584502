package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MysqlGreetingTest {

  @Test
  void mariadbsCompatibilityPrefixIsRemoved() {
    Buffer greeting = greeting(10, "5.5.5-10.11.6-MariaDB-0+deb12u1");
    assertTrue(MysqlGreeting.complete(greeting));
    assertEquals(Optional.of("10.11.6-MariaDB-0+deb12u1"), MysqlGreeting.version(greeting));
  }

  @Test
  void aMysqlVersionIsKeptWhole() {
    assertEquals(Optional.of("8.0.36-0ubuntu0.22.04.1"), MysqlGreeting.version(greeting(10, "8.0.36-0ubuntu0.22.04.1")));
  }

  @Test
  void waitsForTheWholePacket() {
    Buffer greeting = greeting(10, "8.0.36");
    assertFalse(MysqlGreeting.complete(greeting.slice(0, 3)));
    assertFalse(MysqlGreeting.complete(greeting.slice(0, greeting.length() - 1)));
    assertEquals(Optional.empty(), MysqlGreeting.version(greeting.slice(0, greeting.length() - 1)));
  }

  @Test
  void anErrorPacketOrAnotherProtocolIsNoGreeting() {
    Buffer error = Buffer.buffer(new byte[] {20, 0, 0, 0, (byte) 0xff, 0x6a, 0x04})
        .appendString("Host '198.18.0.1' is not allowed to connect");
    assertEquals(Optional.empty(), MysqlGreeting.version(error));
    assertEquals(Optional.empty(), MysqlGreeting.version(greeting(9, "3.23.58")));
    assertEquals(Optional.empty(), MysqlGreeting.version(greeting(10, "")));
    Buffer http = Buffer.buffer("HTTP/1.1 400 Bad Request\r\n\r\n");
    assertTrue(MysqlGreeting.complete(http), "an announced length beyond any greeting ends the reading");
    assertEquals(Optional.empty(), MysqlGreeting.version(http));
  }

  /** A greeting as a server sends it: header, protocol version, NUL-terminated version, then the rest. */
  private static Buffer greeting(int protocol, String version) {
    Buffer payload = Buffer.buffer().appendByte((byte) protocol).appendString(version).appendByte((byte) 0)
        .appendBytes(new byte[] {1, 0, 0, 0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 0});
    int length = payload.length();
    return Buffer.buffer().appendByte((byte) length).appendByte((byte) (length >> 8)).appendByte((byte) (length >> 16))
        .appendByte((byte) 0).appendBuffer(payload);
  }
}
