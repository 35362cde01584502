package net.connmonitor.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A scrape's bytes, in chunks: tens of megabytes for thousands of hosts, which one array would have to hold (and
 * copy as it grows) at once. Writes are copies into the current chunk; numbers are written without making strings
 * where they can be.
 */
public final class ScrapeOutput extends OutputStream {

  private static final int CHUNK = 1 << 18;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] chunk = new byte[CHUNK];
  private int position;
  private final byte[] digits = new byte[20];

  @Override
  public void write(int b) {
    if (position == CHUNK) {
      next();
    }
    chunk[position++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (position == CHUNK) {
        next();
      }
      int n = Math.min(length, CHUNK - position);
      System.arraycopy(bytes, offset, chunk, position, n);
      position += n;
      offset += n;
      length -= n;
    }
  }

  void put(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /** Text of our own (names, numbers): ASCII. */
  void writeAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      write(text.charAt(i));
    }
  }

  void writeUtf8(String text) {
    put(text.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link Long#toString(long)} writes it, for n ≥ 0. */
  void writeLong(long n) {
    int i = digits.length;
    do {
      digits[--i] = (byte) ('0' + n % 10);
      n /= 10;
    } while (n > 0);
    write(digits, i, digits.length - i);
  }

  /**
   * As {@link Double#toString(double)} writes it (what Prometheus's client writes): whole numbers below ten million,
   * such as counts, without making a string.
   */
  void writeDouble(double d) {
    if (d >= 0 && d < 1e7 && d == Math.rint(d) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0)) {
      writeLong((long) d);
      write('.');
      write('0');
    } else {
      writeAscii(Double.toString(d));
    }
  }

  private void next() {
    full.add(chunk);
    chunk = new byte[CHUNK];
    position = 0;
  }

  public int length() {
    return full.size() * CHUNK + position;
  }

  /** Writes every chunk, in order, to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    for (byte[] bytes : full) {
      out.write(bytes, 0, CHUNK);
    }
    out.write(chunk, 0, position);
  }

  /** Hands each chunk over, in order, with how many of its bytes are written. */
  public void forEachChunk(BiConsumer<byte[], Integer> consumer) {
    full.forEach(bytes -> consumer.accept(bytes, CHUNK));
    if (position > 0) {
      consumer.accept(chunk, position);
    }
  }
}
