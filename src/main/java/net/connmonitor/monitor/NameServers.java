package net.connmonitor.monitor;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsNameResolverChannelStrategy;
import io.netty.resolver.dns.NoopAuthoritativeDnsServerCache;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.NoopDnsCnameCache;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import net.connmonitor.config.FamilyChoice;
import net.connmonitor.vertx.EventLoops;

/**
 * A name's addresses from the name servers of {@code /etc/resolv.conf} (its search domains and options too), with
 * their TTL, which the system's resolver does not tell. Queries A, AAAA or both, as the family asks, on the host's
 * own event loop; a socket is open only while a look-up is under way. Nothing is cached here: each look-up asks the
 * name server, so the TTL is the one it gives now.
 */
final class NameServers implements AutoCloseable {

  /** What the name servers answered: the addresses, IPv4 ones first, and the smallest TTL among them. */
  record Answer(List<InetAddress> addresses, long ttlSeconds) {
  }

  private final Context context;
  private final DnsNameResolver resolver;

  NameServers(Context context) {
    this.context = context;
    EventLoop loop = EventLoops.of(context);
    this.resolver = new DnsNameResolverBuilder(loop)
        .datagramChannelType(EpollDatagramChannel.class)
        .socketChannelType(EpollSocketChannel.class)
        .datagramChannelStrategy(DnsNameResolverChannelStrategy.ChannelPerResolution)
        .resolveCache(NoopDnsCache.INSTANCE)
        .cnameCache(NoopDnsCnameCache.INSTANCE)
        .authoritativeDnsServerCache(NoopAuthoritativeDnsServerCache.INSTANCE)
        // The hosts file was asked first (HostsFile): an answer from here is a name server's, with its TTL.
        .hostsFileEntriesResolver((name, types) -> null)
        .build();
  }

  /** Fails with an {@link UnknownHostException} when the name has no address of the family. */
  Future<Answer> look(String host, FamilyChoice family) {
    List<Future<List<DnsRecord>>> queries = new ArrayList<>();
    if (family != FamilyChoice.V6) {
      queries.add(query(host, DnsRecordType.A));
    }
    if (family != FamilyChoice.V4) {
      queries.add(query(host, DnsRecordType.AAAA));
    }
    return Future.join(queries).transform(done -> {
      List<InetAddress> addresses = new ArrayList<>();
      long ttl = Long.MAX_VALUE;
      Throwable failure = null;
      for (Future<List<DnsRecord>> query : queries) {
        if (query.failed()) {
          failure = failure == null ? query.cause() : failure;
          continue;
        }
        for (DnsRecord record : query.result()) {
          try {
            addresses.add(address(host, record));
            ttl = Math.min(ttl, record.timeToLive());
          } catch (UnknownHostException e) {
            failure = e;
          } finally {
            ReferenceCountUtil.release(record);
          }
        }
      }
      if (addresses.isEmpty()) {
        return Future.failedFuture(failure instanceof UnknownHostException ? failure
            : new UnknownHostException(failure == null ? host + " has no address" : failure.getMessage()));
      }
      return Future.succeededFuture(new Answer(List.copyOf(addresses), ttl));
    });
  }

  @Override
  public void close() {
    resolver.close();
  }

  private Future<List<DnsRecord>> query(String host, DnsRecordType type) {
    Promise<List<DnsRecord>> promise = Promise.promise();
    resolver.resolveAll(new DefaultDnsQuestion(host, type)).addListener(done -> context.runOnContext(now -> {
      if (done.isSuccess()) {
        @SuppressWarnings("unchecked")
        List<DnsRecord> records = (List<DnsRecord>) done.getNow();
        promise.complete(records);
      } else {
        promise.fail(done.cause());
      }
    }));
    return promise.future();
  }

  private static InetAddress address(String host, DnsRecord record) throws UnknownHostException {
    if (!(record instanceof DnsRawRecord raw)) {
      throw new UnknownHostException(host + ": a " + record.type() + " record without its data");
    }
    ByteBuf data = raw.content();
    return InetAddress.getByAddress(host, ByteBufUtil.getBytes(data, data.readerIndex(), data.readableBytes()));
  }
}
