package net.connmonitor.http;

import io.vertx.core.buffer.Buffer;
import java.io.OutputStream;

/** Writes into a Vert.x buffer, which the response then sends as it is: a scrape's megabytes are not copied again. */
final class BufferOutputStream extends OutputStream {

  private final Buffer buffer;

  BufferOutputStream(int initialSize) {
    buffer = Buffer.buffer(initialSize);
  }

  @Override
  public void write(int b) {
    buffer.appendByte((byte) b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    buffer.appendBytes(bytes, offset, length);
  }

  Buffer buffer() {
    return buffer;
  }
}
