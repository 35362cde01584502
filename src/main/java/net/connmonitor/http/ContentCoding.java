package net.connmonitor.http;

import java.io.IOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import net.connmonitor.metrics.ScrapeOutput;

/**
 * Gzip for a scrape, when the scraper says it takes it (Prometheus always does): a scrape of many hosts is tens of
 * megabytes of text that compresses some twenty times. At the fastest level, which compresses text such as this
 * nearly as well as the default for a third of the CPU.
 */
final class ContentCoding {

  private static final int BUFFER = 1 << 16;

  private ContentCoding() {
  }

  /** Whether an {@code Accept-Encoding} header names gzip (or {@code *}) without refusing it with {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      if ((name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) && !refused(parts)) {
        return true;
      }
    }
    return false;
  }

  private static boolean refused(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String parameter = parameters[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2)) == 0;
        } catch (NumberFormatException malformed) {
          return true;
        }
      }
    }
    return false;
  }

  static ScrapeOutput gzip(ScrapeOutput plain) throws IOException {
    ScrapeOutput zipped = new ScrapeOutput();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped, BUFFER) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      plain.writeTo(out);
    }
    return zipped;
  }
}
