package net.connmonitor.view;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's files, in the jar under {@code /net/connmonitor/view/}: read once when the page starts, served from
 * memory. Nothing of the page comes from anywhere else.
 */
final class Assets {

  /** A file and what it is. */
  record Asset(Buffer content, String contentType) {
  }

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml");

  private Assets() {
  }

  /** @throws IllegalStateException when one is not in the jar: a build that lost it */
  static Map<String, Asset> load(String... names) {
    Map<String, Asset> assets = new LinkedHashMap<>();
    for (String name : names) {
      try (InputStream in = Assets.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the page's " + name + " is not in the jar");
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        assets.put(name, new Asset(Buffer.buffer(in.readAllBytes()), type));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the page's " + name + " from the jar", e);
      }
    }
    return assets;
  }
}
