package net.connmonitor.probe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import net.connmonitor.config.IpLiteral;

/**
 * A service scan of one host: {@code HEAD /} over HTTP on port 80 and over TLS on 443 (with the facts of the TLS
 * handshake: version, certificate expiry, whether the chain verifies), and the MySQL greeting on 3306, all three at
 * once. Each gives an answer or nothing; the scan itself never fails.
 */
public final class ScanProbe implements Probe<Scan> {

  /**
   * Where the three services listen.
   *
   * @param http  HTTP's port
   * @param https HTTP over TLS's
   * @param mysql MySQL's
   */
  public record Ports(int http, int https, int mysql) {
    /** The services' well-known ports, which every scan of a host asks. */
    public static final Ports WELL_KNOWN = new Ports(80, 443, 3306);
  }

  private final Vertx vertx;
  private final ScanClient scanner;
  private final Ports ports;
  private final TcpDialogue httpDialogue;
  private final TcpDialogue httpsDialogue;
  private final TcpDialogue mysqlDialogue;
  private final String address;
  private final Buffer headRequest;
  /** The host name for SNI; empty when the host was given as an address literal, which SNI does not carry. */
  private final String tlsServerName;

  /**
   * A scan of a host's services at their {@linkplain Ports#WELL_KNOWN well-known ports}.
   *
   * @param scanner what every host's scans share; each dialogue opens a connection of its own
   * @param name    the host as configured, for the {@code Host} header and SNI
   * @param address the address it is measured at
   * @param origin  how the connections leave: from which local address, with which TOS
   */
  public ScanProbe(Vertx vertx, ScanClient scanner, String name, String address, ScanClient.Origin origin,
      Duration timeout) {
    this(vertx, scanner, name, address, origin, timeout, Ports.WELL_KNOWN);
  }

  /** A scan of services at these ports, its connections leaving as the system chooses. */
  public ScanProbe(Vertx vertx, ScanClient scanner, String name, String address, Duration timeout, Ports ports) {
    this(vertx, scanner, name, address, ScanClient.Origin.ANY, timeout, ports);
  }

  private ScanProbe(Vertx vertx, ScanClient scanner, String name, String address, ScanClient.Origin origin,
      Duration timeout, Ports ports) {
    this.vertx = vertx;
    this.scanner = scanner;
    this.ports = ports;
    // Hosts start on different loops, so that the scans of thousands of hosts share them all.
    int first = Objects.hash(name, address);
    NetClient client = scanner.client(origin);
    this.httpDialogue = new TcpDialogue(vertx, client, scanner.context(first, 0), timeout);
    this.httpsDialogue = new TcpDialogue(vertx, client, scanner.context(first, 1), timeout);
    this.mysqlDialogue = new TcpDialogue(vertx, client, scanner.context(first, 2), timeout);
    this.address = address;
    this.tlsServerName = IpLiteral.isAddress(name) ? "" : name;
    this.headRequest = headRequest(name);
  }

  /**
   * The request of a scan's HTTP and HTTPS dialogues with the host {@code name} (an address literal or a name), the
   * same over both: {@code HEAD /}, closing the connection after the answer.
   */
  public static Buffer headRequest(String name) {
    String host = IpLiteral.isIpv6(name) ? "[" + name + "]" : name;
    return Buffer.buffer("HEAD / HTTP/1.1\r\nHost: " + host
        + "\r\nUser-Agent: connmonitor\r\nAccept: */*\r\nConnection: close\r\n\r\n",
        StandardCharsets.ISO_8859_1.name());
  }

  /** Waits for the scanner's {@linkplain ScanClient.WarmUp warm-up}, so that a first scan reads as later ones. */
  @Override
  public Future<Scan> run() {
    return Future.fromCompletionStage(scanner.warmedUp(), vertx.getOrCreateContext()).compose(warm -> scan());
  }

  /** A scan, warmed up or not: what a warm-up itself runs. */
  public Future<Scan> scan() {
    Future<Optional<HttpAnswer>> http = http(httpDialogue, Optional.empty(), ports.http());
    Future<Optional<HttpAnswer>> https = http(httpsDialogue, Optional.of(tlsServerName), ports.https());
    Future<Optional<MysqlAnswer>> mysql = mysqlDialogue
        .talk(SocketAddress.inetSocketAddress(ports.mysql(), address), Optional.empty(), Buffer.buffer(),
            MysqlGreeting::complete)
        .map(heard -> heard.flatMap(h -> MysqlGreeting.version(h.answer())
            .map(version -> new MysqlAnswer(millis(h.rttNanos()), version))));
    return Future.all(http, https, mysql).map(all -> new Scan(http.result(), https.result(), mysql.result()));
  }

  private Future<Optional<HttpAnswer>> http(TcpDialogue dialogue, Optional<String> tls, int port) {
    return dialogue.talk(SocketAddress.inetSocketAddress(port, address), tls, headRequest, HttpResponseHead::complete)
        .compose(heard -> heard.map(this::httpAnswer).orElse(Future.succeededFuture(Optional.empty())));
  }

  /**
   * The answer if it is HTTP's; over TLS, with the facts of the session, which wait (on the scan's context) for the
   * trust store only if a worker is still reading it: the round trip is measured by then.
   */
  private Future<Optional<HttpAnswer>> httpAnswer(TcpDialogue.Heard heard) {
    Optional<HttpResponseHead> parsed = HttpResponseHead.parse(heard.answer());
    if (parsed.isEmpty() || heard.tls().isEmpty()) {
      return Future.succeededFuture(parsed.map(head -> answer(heard, head, Optional.empty())));
    }
    return Future.fromCompletionStage(scanner.chains(), vertx.getOrCreateContext())
        .map(chains -> Optional.of(answer(heard, parsed.get(), tlsFacts(chains, heard.tls().get()))));
  }

  private static HttpAnswer answer(TcpDialogue.Heard heard, HttpResponseHead head, Optional<TlsFacts> tls) {
    return new HttpAnswer(millis(heard.rttNanos()), head.statusCode(), head.server(), tls);
  }

  /** Empty when the session shows no X.509 chain, which a TLS server that answered HTTP has always sent. */
  private static Optional<TlsFacts> tlsFacts(ChainCheck chains, SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (!Arrays.stream(chain).allMatch(X509Certificate.class::isInstance)) {
        return Optional.empty();
      }
      return Optional.of(chains.facts(session.getProtocol(),
          Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new)));
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
