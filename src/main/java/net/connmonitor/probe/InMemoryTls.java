package net.connmonitor.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLException;

/**
 * A TLS client and server that talk through memory, each a Netty {@link SslHandler} on an {@link EmbeddedChannel},
 * with the JDK's TLS as a scan's client uses it: a handshake and one exchange run the code of a scan's TLS (the
 * JDK's provider set up, key exchange, certificate parsing, record encryption) without any socket.
 */
final class InMemoryTls {

  private final SslContext client;
  private final SslContext server;

  private InMemoryTls(SslContext client, SslContext server) {
    this.client = client;
    this.server = server;
  }

  /** A server presenting a fresh {@link LoopbackIdentity}, and a client that accepts it as a scan accepts any. */
  static InMemoryTls create() throws GeneralSecurityException {
    LoopbackIdentity identity = LoopbackIdentity.create();
    try {
      return new InMemoryTls(
          SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
              .trustManager(InsecureTrustManagerFactory.INSTANCE).build(),
          SslContextBuilder.forServer(identity.key(), identity.certificate()).sslProvider(SslProvider.JDK).build());
    } catch (SSLException e) {
      throw new GeneralSecurityException("cannot set TLS up", e);
    }
  }

  /**
   * A handshake, then {@code request} from the client and {@code response} from the server.
   *
   * @return the bytes of the response as the client decrypted them
   * @throws SSLException when the two did not get that far
   */
  byte[] exchange(byte[] request, byte[] response) throws SSLException {
    EmbeddedChannel clientSide = new EmbeddedChannel(client.newHandler(ByteBufAllocator.DEFAULT, "localhost", 443));
    EmbeddedChannel serverSide = new EmbeddedChannel(server.newHandler(ByteBufAllocator.DEFAULT));
    try {
      return exchange(clientSide, serverSide, request, response);
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
