package net.connmonitor.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DerTest {

  @Test
  void anObjectIdentifierWritesLargeArcsInSevenBitGroups() {
    // ecdsa-with-SHA256, as every certificate signed so carries it
    assertArrayEquals(new byte[] {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02},
        Der.objectIdentifier("1.2.840.10045.4.3.2"));
  }

  @Test
  void contentOf128BytesOrMoreHasALongFormLength() {
    byte[] content = new byte[200];
    byte[] encoded = Der.bitString(content);
    assertArrayEquals(new byte[] {0x03, (byte) 0x81, (byte) 201, 0}, Arrays.copyOf(encoded, 4));
    byte[] large = Der.sequence(new byte[70_000]);
    assertArrayEquals(new byte[] {0x30, (byte) 0x83, 0x01, 0x11, 0x70}, Arrays.copyOf(large, 5));
  }

  @Test
  void timesUpTo2049AreUtcTimeAndLaterOnesGeneralizedTime() {
    assertArrayEquals(concat(new byte[] {0x17, 13}, "491231235959Z"), Der.time(Instant.parse("2049-12-31T23:59:59Z")));
    assertArrayEquals(concat(new byte[] {0x18, 15}, "20500101000000Z"),
        Der.time(Instant.parse("2050-01-01T00:00:00Z")));
  }

  @Test
  void aPositiveIntegerKeepsItsSignByte() {
    assertArrayEquals(new byte[] {0x02, 0x02, 0x00, (byte) 0x80}, Der.integer(BigInteger.valueOf(128)));
  }

  private static byte[] concat(byte[] head, String text) {
    byte[] tail = text.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
