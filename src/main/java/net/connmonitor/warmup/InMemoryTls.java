package net.connmonitor.warmup;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;
import net.connmonitor.x509.SelfSigned;

/**
 * A TLS client and server that talk through memory, each a Netty {@link SslHandler} on an {@link EmbeddedChannel},
 * with the JDK's TLS as a scan's client uses it: a handshake and one exchange run the code of a scan's TLS (the
 * JDK's provider set up, key exchange, certificate parsing, record encryption) without any socket.
 *
 * <p>There is a server for each version of TLS a scan's client offers, since the JDK runs each version's handshake
 * and key schedule in code of its own: a web server that speaks only TLS 1.2 (nginx before 1.23.4 by default) would
 * otherwise meet code that runs for the first time in a first scan.
 */
final class InMemoryTls {

  /** The versions a scan's client offers (Vert.x's default), each of which the servers here speak alone. */
  private static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");
  /** The servers' certificate is only ever used within seconds of being made; a day either side spares any doubt. */
  private static final Duration VALIDITY = Duration.ofDays(1);

  private final SslContext client;
  private final List<SslContext> servers;

  private InMemoryTls(SslContext client, List<SslContext> servers) {
    this.client = client;
    this.servers = List.copyOf(servers);
  }

  /**
   * Servers, one for each version, presenting a key and a self-signed certificate for {@code CN=localhost} made in
   * memory for them alone (nothing written to disk: see {@link SelfSigned}), and a client that accepts them as a scan
   * accepts any.
   */
  static InMemoryTls create() throws GeneralSecurityException {
    Instant now = Instant.now();
    SelfSigned identity = SelfSigned.create("localhost", now.minus(VALIDITY), now.plus(VALIDITY));
    try {
      List<SslContext> servers = new ArrayList<>();
      for (String version : VERSIONS) {
        servers.add(SslContextBuilder.forServer(identity.pair().getPrivate(), identity.certificate())
            .sslProvider(SslProvider.JDK).protocols(version).build());
      }
      return new InMemoryTls(
          SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(new TrustingAsAScan()).build(),
          servers);
    } catch (SSLException e) {
      throw new GeneralSecurityException("cannot set TLS up", e);
    }
  }

  /**
   * Trusts every chain as the trust-all of a scan's client (Vert.x's) does: a plain {@link X509TrustManager}, not an
   * extended one like Netty's insecure factory's, so that the JDK wraps it and checks the algorithms of the chain, as
   * it does in a scan.
   */
  private static final class TrustingAsAScan implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /**
   * What one exchange came to.
   *
   * @param version  the version of TLS the handshake agreed, as Java names it
   * @param response the bytes of the response as the client decrypted them
   */
  record Exchanged(String version, byte[] response) {
  }

  /**
   * For each version, a handshake, then {@code request} from the client and {@code response} from the server.
   *
   * @return one per version, in the order of {@link #VERSIONS}
   * @throws SSLException when the two did not get that far
   */
  List<Exchanged> exchange(byte[] request, byte[] response) throws SSLException {
    List<Exchanged> answers = new ArrayList<>();
    for (SslContext server : servers) {
      answers.add(exchange(server, request, response));
    }
    return answers;
  }

  private Exchanged exchange(SslContext server, byte[] request, byte[] response) throws SSLException {
    EmbeddedChannel clientSide = new EmbeddedChannel(client.newHandler(ByteBufAllocator.DEFAULT, "localhost", 443));
    EmbeddedChannel serverSide = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
    try {
      byte[] answered = exchange(clientSide, serverSide, request, response);
      return new Exchanged(clientSide.pipeline().get(SslHandler.class).engine().getSession().getProtocol(), answered);
    } catch (DecoderException e) {
      // How the embedded channels pass on what their TLS handlers failed with.
      throw new SSLException(e.getCause() != null ? e.getCause() : e);
    } finally {
      clientSide.finishAndReleaseAll();
      serverSide.finishAndReleaseAll();
    }
  }

  private static byte[] exchange(EmbeddedChannel clientSide, EmbeddedChannel serverSide, byte[] request,
      byte[] response) throws SSLException {
    pump(clientSide, serverSide);
    clientSide.writeOutbound(Unpooled.wrappedBuffer(request));
    pump(clientSide, serverSide);
    ByteBuf asked = serverSide.readInbound();
    if (asked == null) {
      throw new SSLException("the server received nothing");
    }
    asked.release();
    serverSide.writeOutbound(Unpooled.wrappedBuffer(response));
    pump(clientSide, serverSide);
    ByteBuf answered = clientSide.readInbound();
    if (answered == null) {
      throw new SSLException("the client received nothing");
    }
    byte[] bytes = new byte[answered.readableBytes()];
    answered.readBytes(bytes).release();
    return bytes;
  }

  /** Carries what each side wrote to the other until neither has anything left to say. */
  private static void pump(EmbeddedChannel a, EmbeddedChannel b) {
    boolean moved = true;
    while (moved) {
      moved = carry(a, b) | carry(b, a);
    }
  }

  private static boolean carry(EmbeddedChannel from, EmbeddedChannel to) {
    boolean moved = false;
    for (ByteBuf data = from.readOutbound(); data != null; data = from.readOutbound()) {
      to.writeInbound(data);
      moved = true;
    }
    return moved;
  }
}
