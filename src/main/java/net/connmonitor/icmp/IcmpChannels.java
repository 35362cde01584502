package net.connmonitor.icmp;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import net.connmonitor.log.Log;

/**
 * The monitor's ICMP channels: one per address family on each event loop that runs hosts, opened when a host first
 * needs one, so that a host's requests and answers never cross threads. A loop that cannot drive an epoll handle (a
 * Vert.x embedding the monitor on another transport) is served by one epoll loop of the channels' own.
 */
public final class IcmpChannels {

  /** How long a stalled reader may fall behind before the kernel drops answers. */
  private static final double BUFFERED_SECONDS = 0.2;
  /** Receive buffer per answer: an echo reply's ~830 bytes and its request's transmit timestamp on the error queue. */
  private static final int BUFFER_PER_ANSWER = 1700;
  private static final int MIN_RECEIVE_BUFFER = 1 << 20;
  private static final int MAX_RECEIVE_BUFFER = 64 << 20;
  private static final long DROP_REPORT_SECONDS = 60;

  private record Key(IoEventLoop loop, IcmpFamily family) {
  }

  private final Map<Key, CompletableFuture<IcmpChannel>> channels = new ConcurrentHashMap<>();
  private final Set<Integer> identifiers = ConcurrentHashMap.newKeySet();
  private final LongAdder droppedAnswers = new LongAdder();
  /** What {@link #droppedAnswers} held at the last report: the report says what the minute added. */
  private long reportedDrops;
  /** What the configured hosts' answers need, and what each socket asks for: at least a comfortable minimum. */
  private volatile int neededBuffer;
  private volatile int receiveBuffer = MIN_RECEIVE_BUFFER;
  private volatile boolean bufferWarned;
  private EventLoopGroup ownLoop;
  private ScheduledFuture<?> dropReport;

  /**
   * The channel of {@code family} on {@code loop}, opened on first use.
   *
   * @return completes on the channel's loop; fails with {@link IcmpUnavailableException} when no ICMP socket of the
   *     family can be opened (said in one line)
   */
  public CompletionStage<IcmpChannel> channel(EventLoop loop, IcmpFamily family) {
    IoEventLoop epollLoop;
    try {
      epollLoop = epollLoop(loop);
    } catch (RuntimeException | LinkageError e) {
      return CompletableFuture.failedFuture(
          new IcmpUnavailableException("Netty's epoll transport is unavailable (" + e.getMessage() + ")"));
    }
    Key key = new Key(epollLoop, family);
    CompletableFuture<IcmpChannel> opening = new CompletableFuture<>();
    CompletableFuture<IcmpChannel> existing = channels.putIfAbsent(key, opening);
    if (existing != null) {
      return existing;
    }
    // A later host tries again: the reason (a sysctl, a capability) may be gone by then.
    opening.whenComplete((channel, failure) -> {
      if (failure != null) {
        channels.remove(key, opening);
      }
    });
    run(epollLoop, () -> open(epollLoop, family, opening));
    return opening;
  }

  private void open(IoEventLoop loop, IcmpFamily family, CompletableFuture<IcmpChannel> opening) {
    try {
      IcmpChannel channel = IcmpChannel.open(family, loop, identifier(), droppedAnswers);
      size(channel, receiveBuffer);
      startDropReport(loop);
      opening.complete(channel);
    } catch (IcmpUnavailableException e) {
      opening.completeExceptionally(e);
    }
  }

  private synchronized IoEventLoop epollLoop(EventLoop loop) {
    if (loop instanceof IoEventLoop ioLoop && ioLoop.isCompatible(EpollIoHandle.class)) {
      return ioLoop;
    }
    if (ownLoop == null) {
      ownLoop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("connmonitor-icmp", true),
          EpollIoHandler.newFactory());
    }
    return (IoEventLoop) ownLoop.next();
  }

  /** A random echo identifier no other raw socket of this process uses. */
  private int identifier() {
    int identifier;
    do {
      identifier = 1 + ThreadLocalRandom.current().nextInt(0xffff);
    } while (!identifiers.add(identifier));
    return identifier;
  }

  /**
   * Sizes every socket's receive buffer for {@code answersPerSecond} (all hosts' requests a second), so that the
   * answers of a fifth of a second fit while the loop is busy elsewhere.
   */
  public void expectAnswersPerSecond(double answersPerSecond) {
    long needed = Math.round(answersPerSecond * BUFFERED_SECONDS * BUFFER_PER_ANSWER);
    neededBuffer = (int) Math.min(MAX_RECEIVE_BUFFER, needed);
    int bytes = Math.max(MIN_RECEIVE_BUFFER, neededBuffer);
    if (bytes == receiveBuffer) {
      return;
    }
    receiveBuffer = bytes;
    for (CompletableFuture<IcmpChannel> opened : channels.values()) {
      opened.thenAccept(channel -> channel.execute(() -> size(channel, bytes)));
    }
  }

  private void size(IcmpChannel channel, int bytes) {
    int granted = channel.receiveBuffer(bytes);
    int needed = neededBuffer;
    if (granted < needed && !bufferWarned) {
      bufferWarned = true;
      Log.warn("the " + channel.family() + " ICMP socket's receive buffer is " + (granted >> 10) + " KiB, below the "
          + (needed >> 10) + " KiB that the configured hosts' answers may need at once; raise net.core.rmem_max "
          + "(sysctl) or let the monitor use CAP_NET_ADMIN, else answers may be dropped while it is busy");
    }
  }

  private synchronized void startDropReport(IoEventLoop loop) {
    if (dropReport == null) {
      dropReport = loop.scheduleAtFixedRate(this::reportDrops, DROP_REPORT_SECONDS, DROP_REPORT_SECONDS,
          TimeUnit.SECONDS);
    }
  }

  /** The ICMP answers the kernel dropped since the start, for the metrics. */
  public long droppedAnswers() {
    return droppedAnswers.sum();
  }

  /** Said once a minute, so that a loss the monitor caused itself is never taken for the network's. */
  private void reportDrops() {
    long total = droppedAnswers.sum();
    long dropped = total - reportedDrops;
    reportedDrops = total;
    if (dropped > 0) {
      Log.warn("the kernel dropped " + dropped + " ICMP answers in the last minute because the monitor read them "
          + "too slowly: the loss of the bursts they belonged to is overstated");
    }
  }

  private static void run(EventLoop loop, Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  /** Completes what is in flight with what has arrived and closes every socket. */
  public synchronized CompletionStage<Void> close() {
    if (dropReport != null) {
      dropReport.cancel(false);
      dropReport = null;
    }
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (CompletableFuture<IcmpChannel> opened : channels.values()) {
      closing.add(opened.handle((channel, failure) -> channel).thenCompose(channel -> {
        if (channel == null) {
          return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.execute(() -> {
          channel.shutdown();
          closed.complete(null);
        });
        return closed;
      }));
    }
    channels.clear();
    CompletableFuture<Void> all = CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    EventLoopGroup own = ownLoop;
    ownLoop = null;
    return own == null ? all : all.thenCompose(done -> {
      CompletableFuture<Void> stopped = new CompletableFuture<>();
      own.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(f -> stopped.complete(null));
      return stopped;
    });
  }
}
