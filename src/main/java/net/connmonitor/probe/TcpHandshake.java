package net.connmonitor.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.connmonitor.os.Linux;

/**
 * One TCP "ping": a connection opened and at once closed with a reset, timed by the kernel. Once the handshake is
 * done the socket's {@code TCP_INFO} holds the round trip of its SYN and SYN-ACK ({@code tcpi_rtt}, microseconds):
 * the first sample of the smoothed round-trip time is the sample itself, taken by the kernel when the SYN-ACK came
 * in, so the figure does not move with the monitor's own load. A reset in answer to the SYN is a refusal; nothing
 * within the timeout is a loss.
 *
 * <p>Netty's epoll channel is used rather than a Vert.x socket because only it offers {@code TCP_INFO}; it runs on
 * the host's own event loop. The connection reads nothing, and closes with {@code SO_LINGER} 0: a reset, so that its
 * local port is free at once rather than held in TIME_WAIT for a minute.
 */
final class TcpHandshake {

  /** What one attempt came to. */
  enum Outcome {
    ANSWERED, REFUSED, LOST
  }

  /**
   * @param outcome whether the host completed the handshake, refused it or stayed silent
   * @param rttMs   the handshake's round trip when answered, else 0
   */
  record Result(Outcome outcome, double rttMs) {
    static final Result REFUSED = new Result(Outcome.REFUSED, 0);
    static final Result LOST = new Result(Outcome.LOST, 0);
  }

  /** The channel reads nothing and has nothing to handle; Netty wants a handler all the same. */
  @ChannelHandler.Sharable
  private static final class Silent extends ChannelInboundHandlerAdapter {
    static final Silent INSTANCE = new Silent();
  }

  /** How Netty's message for a refused connection gives its error number. */
  private static final String REFUSED = "failed with error(-" + Linux.ECONNREFUSED + ")";

  private final Bootstrap bootstrap;
  private final Optional<InetSocketAddress> local;
  private final ConnectionSlots slots;

  /**
   * @param loop         the event loop of the host's verticle
   * @param localAddress the address the connections leave from, or the system's choice
   * @param tos          the TOS or traffic class byte of the connections' packets; 0 leaves the system's
   */
  TcpHandshake(EventLoop loop, Optional<String> localAddress, int tos, Duration timeout, ConnectionSlots slots) {
    int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    this.bootstrap = new Bootstrap().group(loop).channel(EpollSocketChannel.class).handler(Silent.INSTANCE)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.SO_LINGER, 0)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMs);
    if (tos != 0) {
      bootstrap.option(ChannelOption.IP_TOS, tos);
    }
    this.local = localAddress.map(address -> new InetSocketAddress(address, 0));
    this.slots = slots;
  }

  /**
   * Tries one handshake once a {@linkplain ConnectionSlots slot} is free.
   *
   * @return the result, completed on the event loop; failed with a {@link LocalFailure} when this machine could
   *     not even try
   */
  CompletionStage<Result> attempt(InetSocketAddress server) {
    CompletableFuture<Result> result = new CompletableFuture<>();
    slots.take(() -> bootstrap.config().group().execute(() -> connect(server, result)));
    return result;
  }

  private void connect(InetSocketAddress server, CompletableFuture<Result> result) {
    ChannelFuture connecting =
        local.map(from -> bootstrap.connect(server, from)).orElseGet(() -> bootstrap.connect(server));
    connecting.addListener((ChannelFuture done) -> {
      // Read before the close, which releases the descriptor and (SO_LINGER 0) the port at once: so may the slot.
      long rttMicros = done.isSuccess() ? ((EpollSocketChannel) done.channel()).tcpInfo().rtt() : 0;
      done.channel().close();
      slots.release();
      if (done.isSuccess()) {
        result.complete(new Result(Outcome.ANSWERED, rttMicros / 1000.0));
      } else {
        Throwable cause = done.cause();
        Optional<LocalFailure> local = LocalFailure.of(cause, "connect to " + server);
        if (local.isPresent()) {
          result.completeExceptionally(local.get());
        } else {
          result.complete(refused(cause) ? Result.REFUSED : Result.LOST);
        }
      }
    });
  }

  /**
   * Netty's exception for a refused connection is of a class it keeps to itself, with the error number in its
   * message only: {@code finishConnect(..) failed with error(-111): Connection refused: /192.0.2.7:443}.
   */
  private static boolean refused(Throwable cause) {
    return cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains(REFUSED);
  }
}
