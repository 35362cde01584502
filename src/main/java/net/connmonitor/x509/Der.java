package net.connmonitor.x509;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings (ITU-T X.690) that a self-signed certificate is made of. The JDK reads certificates but has
 * no public API to write one.
 */
public final class Der {

  private static final int INTEGER = 0x02;
  private static final int BIT_STRING = 0x03;
  private static final int OBJECT_IDENTIFIER = 0x06;
  private static final int UTF8_STRING = 0x0C;
  private static final int UTC_TIME = 0x17;
  private static final int GENERALIZED_TIME = 0x18;
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;
  /** X.509 writes the years 1950 to 2049 as UTCTime, with two digits, and every other year as GeneralizedTime. */
  private static final int FIRST_UTC_TIME_YEAR = 1950;
  private static final int LAST_UTC_TIME_YEAR = 2049;
  private static final DateTimeFormatter UTC_TIME_FORM =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME_FORM =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private Der() {
  }

  public static byte[] sequence(byte[]... elements) {
    return tagged(SEQUENCE, concat(elements));
  }

  public static byte[] set(byte[]... elements) {
    return tagged(SET, concat(elements));
  }

  public static byte[] integer(BigInteger value) {
    return tagged(INTEGER, value.toByteArray());
  }

  /** @param bits whole bytes: no unused bits at the end */
  public static byte[] bitString(byte[] bits) {
    return tagged(BIT_STRING, concat(new byte[] {0}, bits));
  }

  public static byte[] utf8String(String text) {
    return tagged(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  /** @param dotted e.g. {@code 2.5.4.3} */
  public static byte[] objectIdentifier(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
      for (int group = groups - 1; group >= 0; group--) {
        int sevenBits = (int) (arc >>> (7 * group)) & 0x7F;
        out.write(group > 0 ? sevenBits | 0x80 : sevenBits);
      }
    }
    return tagged(OBJECT_IDENTIFIER, out.toByteArray());
  }

  /** A time to the second, as X.509 wants it for its year. */
  public static byte[] time(Instant instant) {
    int year = instant.atZone(ZoneOffset.UTC).getYear();
    boolean utc = year >= FIRST_UTC_TIME_YEAR && year <= LAST_UTC_TIME_YEAR;
    String text = (utc ? UTC_TIME_FORM : GENERALIZED_TIME_FORM).format(instant);
    return tagged(utc ? UTC_TIME : GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int lengthBytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | lengthBytes);
      for (int i = lengthBytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
