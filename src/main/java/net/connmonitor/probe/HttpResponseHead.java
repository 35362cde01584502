package net.connmonitor.probe;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The part of an HTTP/1.x response head a scan reports: the status code and the {@code Server} header. */
public record HttpResponseHead(String statusCode, String server) {

  /** Servers send a few hundred bytes of head; more than this without its end is not a web server worth reading. */
  static final int MAX_BYTES = 16 * 1024;

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");
  private static final String UNKNOWN_SERVER = "Unknown";

  /** Whether {@code received} holds a whole head (up to its empty line), or as much as will be read. */
  static boolean complete(Buffer received) {
    return headEnd(text(received)) >= 0 || received.length() >= MAX_BYTES;
  }

  /** @return the head, or empty when {@code received} does not start with a whole HTTP/1.x response head */
  public static Optional<HttpResponseHead> parse(Buffer received) {
    String text = text(received);
    int end = headEnd(text);
    if (end < 0) {
      return Optional.empty();
    }
    String[] lines = text.substring(0, end).split("\r?\n");
    Matcher status = STATUS_LINE.matcher(lines[0]);
    if (!status.matches()) {
      return Optional.empty();
    }
    String server = UNKNOWN_SERVER;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).equalsIgnoreCase("Server")) {
        server = lines[i].substring(colon + 1).strip();
        break;
      }
    }
    return Optional.of(new HttpResponseHead(status.group(1), server));
  }

  /** Header bytes are ISO-8859-1 (RFC 9110): every byte is one character, so nothing fails to decode. */
  private static String text(Buffer received) {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  /** RFC 9112 ends a head with an empty line; a lone LF for a line end is tolerated, as clients do. */
  private static int headEnd(String text) {
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    if (crlf < 0) {
      return lf;
    }
    return lf < 0 ? crlf : Math.min(crlf, lf);
  }
}
