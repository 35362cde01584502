package net.connmonitor.probe;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.connmonitor.icmp.Answer;

/**
 * A route trace: its steps, nearest first, ending where the destination (or an unreachable) answered, or at the
 * hop limit.
 */
public record Trace(List<TraceStep> steps) implements Measurement {

  public Trace {
    steps = List.copyOf(steps);
  }

  /** @param answers what answered each hop limit from 1 up, as {@link net.connmonitor.icmp.EchoSession#trace} gives */
  public static Trace of(List<Optional<Answer>> answers) {
    List<TraceStep> steps = new ArrayList<>();
    for (Optional<Answer> answer : answers) {
      steps.add(answer.map(a -> new TraceStep(NetUtil.toAddressString(a.from()), a.rttMillis()))
          .orElse(TraceStep.silent()));
      if (answer.isPresent() && answer.get().endsRoute()) {
        break;
      }
    }
    return new Trace(steps);
  }

  /** The addresses that answered, nearest first, without the silent steps. */
  public List<String> route() {
    return steps.stream().filter(TraceStep::answered).map(TraceStep::address).toList();
  }

  @Override
  public String kind() {
    return "trace";
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.trace(this);
  }
}
