package net.connmonitor.icmp;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The one ICMP socket of an address family, shared by every host: a raw socket receives a copy of every ICMP
 * packet of the machine, so one socket per host would cost hosts² work. Netty's epoll datagram channel drives a
 * socket made by {@link IcmpSocketOpener}; {@link IcmpCodec} and {@link EchoDispatcher} form its pipeline.
 */
public final class IcmpChannel {

  /** Largest IP datagram: an echo reply carries the request's payload back whole. */
  private static final int MAX_DATAGRAM = 65_535;
  private static final int RECEIVE_BUFFER = 1 << 20;

  // Kernel-side filters, so the shared raw socket is not woken for ICMP types that cannot answer us.
  private static final IntegerUnixChannelOption ICMP_FILTER =
      new IntegerUnixChannelOption("ICMP_FILTER", 255 /* SOL_RAW */, 1 /* ICMP_FILTER */);
  private static final RawUnixChannelOption ICMP6_FILTER =
      new RawUnixChannelOption("ICMP6_FILTER", 58 /* IPPROTO_ICMPV6 */, 1 /* ICMP6_FILTER */, 32);

  private final IcmpFamily family;
  private final SocketKind kind;
  private final EpollDatagramChannel channel;
  private final EchoDispatcher dispatcher;
  private final Optional<String> traceUnavailableReason;

  private IcmpChannel(IcmpFamily family, SocketKind kind, EpollDatagramChannel channel, EchoDispatcher dispatcher,
      Optional<String> traceUnavailableReason) {
    this.family = family;
    this.kind = kind;
    this.channel = channel;
    this.dispatcher = dispatcher;
    this.traceUnavailableReason = traceUnavailableReason;
  }

  /** Opens the socket and registers it with {@code group}; blocks until registered, so call it off event loops. */
  static IcmpChannel open(IcmpFamily family, EventLoopGroup group) throws IcmpUnavailableException {
    IcmpSocketOpener.OpenedSocket socket = IcmpSocketOpener.open(family);
    EpollDatagramChannel channel = channel(family, socket);
    int identifier = 1 + ThreadLocalRandom.current().nextInt(0xffff);
    EchoDispatcher dispatcher = new EchoDispatcher(identifier, socket.kind() == SocketKind.RAW);
    channel.config()
        .setRecvByteBufAllocator(new FixedRecvByteBufAllocator(MAX_DATAGRAM))
        .setReceiveBufferSize(RECEIVE_BUFFER);
    channel.pipeline().addLast(new IcmpCodec(family, socket.kind()), dispatcher);
    EventLoop loop = group.next();
    Optional<String> traceUnavailable;
    if (socket.kind() == SocketKind.RAW) {
      filterTypes(channel, family, family.echoReply, family.timeExceeded, family.unreachable);
      register(channel, loop, family);
      traceUnavailable = addHopLimitedSender(channel, family, loop);
    } else {
      register(channel, loop, family);
      traceUnavailable = Optional.of("tracing needs a raw ICMP socket (CAP_NET_RAW): the ICMP errors that routers "
          + "send to an unprivileged ping socket are queued where Netty does not read");
    }
    return new IcmpChannel(family, socket.kind(), channel, dispatcher, traceUnavailable);
  }

  /** @return why traces cannot be sent, when they cannot */
  private static Optional<String> addHopLimitedSender(EpollDatagramChannel shared, IcmpFamily family, EventLoop loop) {
    EpollDatagramChannel sendOnly;
    try {
      IcmpSocketOpener.OpenedSocket socket = IcmpSocketOpener.open(family);
      sendOnly = channel(family, socket);
      if (socket.kind() != SocketKind.RAW) {
        sendOnly.unsafe().closeForcibly();
        return Optional.of("tracing needs a second raw ICMP socket, and only a ping socket could be opened");
      }
      // It only sends: the shared socket receives the answers, so this one takes no ICMP type at all.
      filterTypes(sendOnly, family);
      sendOnly.pipeline().addLast(new IcmpCodec(family, SocketKind.RAW));
      // On the shared channel's event loop, to which the sender is confined.
      register(sendOnly, loop, family);
    } catch (IcmpUnavailableException e) {
      return Optional.of("tracing needs a second ICMP socket: " + e.getMessage());
    }
    // The dispatcher writes from the pipeline's tail, so the sender sees its requests wherever it sits.
    shared.pipeline().addLast(new HopLimitedSender(sendOnly, family));
    return Optional.empty();
  }

  private static EpollDatagramChannel channel(IcmpFamily family, IcmpSocketOpener.OpenedSocket socket)
      throws IcmpUnavailableException {
    try {
      return new EpollDatagramChannel(socket.fd());
    } catch (RuntimeException e) {
      IcmpSocketOpener.close(socket.fd());
      throw new IcmpUnavailableException("cannot use the " + family + " ICMP socket: " + e.getMessage());
    }
  }

  private static void register(EpollDatagramChannel channel, EventLoop loop, IcmpFamily family)
      throws IcmpUnavailableException {
    ChannelFuture registered = loop.register(channel).syncUninterruptibly();
    if (!registered.isSuccess()) {
      channel.unsafe().closeForcibly();
      throw new IcmpUnavailableException("cannot use the " + family + " ICMP socket: " + registered.cause());
    }
  }

  /** Lets the kernel wake the socket only for the {@code wanted} ICMP types. */
  private static void filterTypes(EpollDatagramChannel channel, IcmpFamily family, int... wanted) {
    if (family == IcmpFamily.V4) {
      int blocked = ~0;
      for (int type : wanted) {
        blocked &= ~(1 << type);
      }
      channel.config().setOption(ICMP_FILTER, blocked);
    } else {
      // struct icmp6_filter: 256 bits, a set bit blocks its type.
      int[] blocked = {~0, ~0, ~0, ~0, ~0, ~0, ~0, ~0};
      for (int type : wanted) {
        blocked[type >> 5] &= ~(1 << (type & 31));
      }
      ByteBuffer filter = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
      filter.asIntBuffer().put(blocked);
      channel.config().setOption(ICMP6_FILTER, filter);
    }
  }

  public IcmpFamily family() {
    return family;
  }

  public SocketKind kind() {
    return kind;
  }

  /** @return why this channel cannot send traces, or empty when it can */
  public Optional<String> traceUnavailableReason() {
    return traceUnavailableReason;
  }

  /** A session for one host measuring {@code destination}; close it when the host stops. */
  public EchoSession session(InetAddress destination) {
    execute(d -> d.open(destination));
    return new EchoSession(this, destination);
  }

  void execute(Consumer<EchoDispatcher> task) {
    channel.eventLoop().execute(() -> task.accept(dispatcher));
  }

  /** Completes what is in flight with what has arrived, then closes the socket. */
  ChannelFuture close() {
    channel.eventLoop().execute(dispatcher::finishAll);
    return channel.close();
  }
}
