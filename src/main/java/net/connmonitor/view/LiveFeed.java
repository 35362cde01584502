package net.connmonitor.view;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's live updates, as server-sent events: each open page holds one stream, and once a second, when what it
 * shows has changed (any host for the overview, its host for a host page), it gets an {@code update} event and
 * fetches its data again. So the monitor sends a browser at most one small event a second however many records
 * arrive, and the overview of ten thousand hosts refetches only the page of rows it shows.
 */
final class LiveFeed {

  /** Open streams at most: each holds a connection and a little memory. */
  static final int MAX_STREAMS = 64;
  /** Every this many ticks a comment goes down an idle stream, so that proxies and browsers keep it open. */
  private static final int KEEPALIVE_TICKS = 15;

  /** One open stream; {@code seen} is the version it was last told about. */
  private static final class Stream {
    final HttpServerResponse response;
    final Context context;
    final HostHistory host;
    long seen = -1;

    Stream(HttpServerResponse response, Context context, HostHistory host) {
      this.response = response;
      this.context = context;
      this.host = host;
    }
  }

  private final Histories histories;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private long ticks;

  LiveFeed(Histories histories) {
    this.histories = histories;
  }

  /**
   * Opens a stream on {@code request}: of every host when {@code host} is null, else of that host's.
   *
   * @return false when {@link #MAX_STREAMS} are open already (nothing was answered)
   */
  boolean open(HttpServerRequest request, HostHistory host) {
    if (streams.size() >= MAX_STREAMS) {
      return false;
    }
    HttpServerResponse response = request.response();
    Stream stream = new Stream(response, Vertx.currentContext(), host);
    streams.add(stream);
    response.closeHandler(closed -> streams.remove(stream));
    response.setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        // How long a browser waits before it connects again after losing the stream.
        .write("retry: 2000\n\n");
    return true;
  }

  /** Called once a second: tells each stream whose data changed. */
  void tick() {
    ticks++;
    boolean keepalive = ticks % KEEPALIVE_TICKS == 0;
    long all = histories.version();
    for (Stream stream : streams) {
      long version = stream.host == null ? all : stream.host.version();
      String event;
      if (version != stream.seen) {
        stream.seen = version;
        event = "event: update\ndata: " + version + "\n\n";
      } else if (keepalive) {
        event = ": keepalive\n\n";
      } else {
        continue;
      }
      // On the stream's own context, the one its server connection runs on.
      stream.context.runOnContext(v -> {
        if (streams.contains(stream)) {
          stream.response.write(event);
        }
      });
    }
  }
}
