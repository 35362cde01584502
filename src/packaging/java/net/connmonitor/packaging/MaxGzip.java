package net.connmonitor.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * What {@code gzip -9n} writes, which Debian policy asks of manual pages and changelogs: the highest compression,
 * marked so in the header (lintian reads that mark), with no file name or time, so the same input gives the same
 * bytes. {@link java.util.zip.GZIPOutputStream} writes neither mark nor level.
 */
final class MaxGzip {

  private static final byte[] HEADER = {
      0x1f, (byte) 0x8b, // magic
      8,                 // deflate
      0,                 // no name, comment or extra field
      0, 0, 0, 0,        // no modification time
      2,                 // "maximum compression"
      3,                 // made on Unix
  };

  private MaxGzip() {
  }

  /** @return {@code gzipped} */
  static Path compress(Path source, Path gzipped) throws IOException {
    byte[] content = Files.readAllBytes(source);
    CRC32 crc = new CRC32();
    crc.update(content);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try (OutputStream out = Files.newOutputStream(gzipped)) {
      out.write(HEADER);
      DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater);
      deflated.write(content);
      deflated.finish();
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
          .putInt((int) crc.getValue()).putInt(content.length).array());
    } finally {
      deflater.end();
    }
    return gzipped;
  }
}
