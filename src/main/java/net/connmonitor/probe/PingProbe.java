package net.connmonitor.probe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.connmonitor.icmp.Answer;
import net.connmonitor.icmp.EchoSession;
import net.connmonitor.icmp.IcmpSendException;

/**
 * A burst of ICMP echo requests to one host, summed up as {@link PingStats} with the TTL the replies came with; each
 * reply's time goes to an observer.
 */
public final class PingProbe implements Probe<PingStats> {

  private final EchoSession session;
  private final int count;
  private final int payloadBytes;
  private final Duration timeout;
  private final Context context;
  private final BurstObserver observer;
  /** The TTL of the last burst that had replies. */
  private OptionalInt lastTtl = OptionalInt.empty();

  public PingProbe(EchoSession session, int count, int payloadBytes, Duration timeout, Context context,
      BurstObserver observer) {
    this.session = session;
    this.count = count;
    this.payloadBytes = payloadBytes;
    this.timeout = timeout;
    this.context = context;
    this.observer = observer;
  }

  @Override
  public Future<PingStats> run() {
    return Future.fromCompletionStage(session.exchange(count, payloadBytes, timeout), context)
        .map(answers -> {
          List<Double> rtts = echoReplyRtts(answers);
          PingStats stats = PingStats.of(count, rtts).withReplyTtl(replyTtl(answers));
          observer.burst(count, rtts, stats);
          return stats;
        })
        .onFailure(e -> {
          if (e instanceof IcmpSendException) {
            observer.unsent();
          }
        });
  }

  /** The last reply's TTL, said changed when the previous burst's replies came with another. */
  private Optional<ReplyTtl> replyTtl(List<Optional<Answer>> answers) {
    for (int i = answers.size() - 1; i >= 0; i--) {
      Optional<Answer> answer = answers.get(i);
      if (answer.isPresent() && answer.get().hopLimit() >= 0) {
        ReplyTtl ttl = ReplyTtl.after(lastTtl, answer.get().hopLimit());
        lastTtl = OptionalInt.of(ttl.ttl());
        return Optional.of(ttl);
      }
    }
    return Optional.empty();
  }

  /** The channel counts only the destination's echo replies for a ping: an error from a router is a lost request. */
  private static List<Double> echoReplyRtts(List<Optional<Answer>> answers) {
    List<Double> rtts = new ArrayList<>(answers.size());
    for (Optional<Answer> answer : answers) {
      answer.ifPresent(reply -> rtts.add(reply.rttMillis()));
    }
    return rtts;
  }
}
