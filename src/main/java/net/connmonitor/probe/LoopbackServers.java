package net.connmonitor.probe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The three services a scan asks for, served on 127.0.0.1 at ports of the kernel's choosing: HTTP, HTTP inside TLS,
 * and a MySQL greeting. Each answers as a real server does, so that a scan of them runs every step a scan of a real
 * host runs.
 */
final class LoopbackServers {

  static final String ADDRESS = "127.0.0.1";
  private static final Buffer HTTP_RESPONSE = Buffer.buffer("HTTP/1.1 200 OK\r\nServer: connmonitor\r\n"
      + "Content-Length: 0\r\nConnection: close\r\n\r\n", StandardCharsets.ISO_8859_1.name());
  /** As MariaDB greets, with the prefix old MySQL clients need, so that removing it is part of the run. */
  private static final String MYSQL_VERSION = "5.5.5-10.11.0-MariaDB";

  private final List<NetServer> servers;

  private LoopbackServers(List<NetServer> servers) {
    this.servers = servers;
  }

  /** Starts the three servers; the TLS one presents {@code identity}. */
  static Future<LoopbackServers> start(Vertx vertx, KeyCertOptions identity) {
    NetServer http = vertx.createNetServer().connectHandler(LoopbackServers::answerHttp);
    NetServer https = vertx.createNetServer(new NetServerOptions().setSsl(true).setKeyCertOptions(identity))
        .connectHandler(LoopbackServers::answerHttp);
    NetServer mysql = vertx.createNetServer().connectHandler(socket -> socket.end(greeting()));
    List<NetServer> all = List.of(http, https, mysql);
    return Future.all(all.stream().map(server -> server.listen(0, ADDRESS)).toList())
        .map(listening -> new LoopbackServers(all))
        .recover(e -> close(all).transform(closed -> Future.failedFuture(e)));
  }

  /** Where a scan finds them. */
  ScanProbe.Ports ports() {
    return new ScanProbe.Ports(servers.get(0).actualPort(), servers.get(1).actualPort(), servers.get(2).actualPort());
  }

  Future<Void> close() {
    return close(servers);
  }

  private static Future<Void> close(List<NetServer> servers) {
    return Future.join(servers.stream().map(NetServer::close).toList()).mapEmpty();
  }

  /** One response to the request's head, whatever it asked, then the connection closes. */
  private static void answerHttp(NetSocket socket) {
    RecordParser heads = RecordParser.newDelimited("\r\n\r\n", socket);
    heads.handler(head -> socket.end(HTTP_RESPONSE));
  }

  /**
   * A protocol 10 greeting: the 3-byte little-endian payload length and sequence 0, then the protocol version, the
   * server version ending in NUL, a connection id and the first 8 bytes of the authentication challenge.
   */
  private static Buffer greeting() {
    Buffer payload = Buffer.buffer()
        .appendByte((byte) 10)
        .appendString(MYSQL_VERSION, StandardCharsets.US_ASCII.name())
        .appendByte((byte) 0)
        .appendIntLE(1)
        .appendString("warm-up!", StandardCharsets.US_ASCII.name())
        .appendByte((byte) 0);
    return Buffer.buffer()
        .appendMediumLE(payload.length())
        .appendByte((byte) 0)
        .appendBuffer(payload);
  }
}
