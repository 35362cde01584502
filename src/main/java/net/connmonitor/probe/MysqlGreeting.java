package net.connmonitor.probe;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The initial handshake packet a MySQL or MariaDB server sends on connecting: a 3-byte little-endian length and a
 * sequence byte, then the protocol version (10) and the server version as a NUL-terminated string.
 */
public final class MysqlGreeting {

  private static final int HEADER = 4;
  /** Real greetings are about a hundred bytes; a longer announced packet is not a greeting. */
  private static final int MAX_PAYLOAD = 1024;
  private static final int PROTOCOL_V10 = 10;
  /** MariaDB announces itself as "5.5.5-<version>" so that old MySQL clients accept it; its clients strip it. */
  private static final String MARIADB_PREFIX = "5.5.5-";

  private MysqlGreeting() {
  }

  /** Whether {@code received} holds the whole first packet, or shows that it is none worth waiting for. */
  static boolean complete(Buffer received) {
    if (received.length() < HEADER) {
      return false;
    }
    int payload = payloadLength(received);
    return payload > MAX_PAYLOAD || received.length() >= HEADER + payload;
  }

  /** @return the server version, or empty when the first packet is not a greeting (an error packet, say) */
  public static Optional<String> version(Buffer received) {
    if (received.length() < HEADER + 1) {
      return Optional.empty();
    }
    int payload = payloadLength(received);
    if (payload > MAX_PAYLOAD || received.length() < HEADER + payload
        || received.getUnsignedByte(HEADER) != PROTOCOL_V10) {
      return Optional.empty();
    }
    int start = HEADER + 1;
    int end = start;
    while (end < HEADER + payload && received.getByte(end) != 0) {
      end++;
    }
    if (end == start || end == HEADER + payload) {
      return Optional.empty();
    }
    String version = received.getString(start, end, StandardCharsets.ISO_8859_1.name());
    if (!version.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return Optional.empty();
    }
    if (version.startsWith(MARIADB_PREFIX) && version.length() > MARIADB_PREFIX.length()) {
      version = version.substring(MARIADB_PREFIX.length());
    }
    return Optional.of(version);
  }

  private static int payloadLength(Buffer received) {
    return received.getUnsignedByte(0) | received.getUnsignedByte(1) << 8 | received.getUnsignedByte(2) << 16;
  }
}
