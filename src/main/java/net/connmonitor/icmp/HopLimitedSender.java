package net.connmonitor.icmp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Sends the echo requests that carry a hop limit (a trace's) through a socket of their own, setting the limit
 * before each one; everything else passes on to the shared socket. The kernel takes a raw socket's TTL from a
 * socket option, not from the packet, and Netty cannot pass it per datagram: setting it on the shared socket would
 * also limit pings written in between. Answers still arrive on the shared socket, which sees every ICMP packet.
 * Confined to the shared channel's event loop, which drives both sockets.
 */
final class HopLimitedSender extends ChannelOutboundHandlerAdapter {

  private record Pending(EchoRequest request, ChannelPromise promise) {
  }

  private final EpollDatagramChannel sendOnly;
  private final IcmpFamily family;
  /** Requests waiting for the write before them: the option must not change under a queued datagram. */
  private final Queue<Pending> waiting = new ArrayDeque<>();
  private boolean writing;
  private int currentHopLimit = EchoRequest.SOCKET_DEFAULT;

  HopLimitedSender(EpollDatagramChannel sendOnly, IcmpFamily family) {
    this.sendOnly = sendOnly;
    this.family = family;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
    if (message instanceof EchoRequest request && request.hopLimit() != EchoRequest.SOCKET_DEFAULT) {
      waiting.add(new Pending(request, promise));
      sendWaiting();
    } else {
      ctx.write(message, promise);
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    sendOnly.close();
    ctx.close(promise);
  }

  private void sendWaiting() {
    while (!writing && !waiting.isEmpty()) {
      Pending next = waiting.poll();
      try {
        if (next.request().hopLimit() != currentHopLimit) {
          sendOnly.config().setOption(family.hopLimit, next.request().hopLimit());
          currentHopLimit = next.request().hopLimit();
        }
      } catch (RuntimeException e) {
        next.promise().setFailure(e);
        continue;
      }
      // The promise completes when sendmsg has taken the datagram: at once unless the socket buffer is full.
      sendOnly.writeAndFlush(next.request()).addListener(written -> {
        if (written.isSuccess()) {
          next.promise().setSuccess();
        } else {
          next.promise().setFailure(written.cause());
        }
        if (writing) {
          writing = false;
          sendWaiting();
        }
      });
      if (!next.promise().isDone()) {
        writing = true;
      }
    }
  }
}
