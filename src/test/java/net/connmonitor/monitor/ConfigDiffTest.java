package net.connmonitor.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.connmonitor.config.HostConfig;
import net.connmonitor.config.Option;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

  private static final HostConfig A = line("a.example", 500);
  private static final HostConfig B = line("b.example", 500);
  private static final HostConfig B_FASTER = line("b.example", 100);
  private static final HostConfig C = line("c.example", 500);

  @Test
  void keepsUnchangedLinesStopsRemovedOnesAndStartsNewOnes() {
    RunningHost a = new RunningHost(A, null, "1");
    RunningHost b = new RunningHost(B, null, "2");
    ConfigDiff diff = ConfigDiff.between(List.of(a, b), List.of(A, C));
    assertEquals(List.of(a), diff.kept());
    assertEquals(List.of(b), diff.stopped());
    assertEquals(List.of(C), diff.started());
  }

  @Test
  void aChangedOptionIsANewLine() {
    RunningHost b = new RunningHost(B, null, "2");
    ConfigDiff diff = ConfigDiff.between(List.of(b), List.of(B_FASTER));
    assertEquals(List.of(), diff.kept());
    assertEquals(List.of(b), diff.stopped());
    assertEquals(List.of(B_FASTER), diff.started());
  }

  @Test
  void identicalLinesAreMatchedOneToOne() {
    RunningHost first = new RunningHost(A, null, "1");
    RunningHost second = new RunningHost(A, null, "2");
    ConfigDiff fewer = ConfigDiff.between(List.of(first, second), List.of(A));
    assertEquals(List.of(first), fewer.kept());
    assertEquals(List.of(second), fewer.stopped());
    ConfigDiff more = ConfigDiff.between(List.of(first), List.of(A, A));
    assertEquals(List.of(first), more.kept());
    assertEquals(List.of(A), more.started());
  }

  @Test
  void theSameConfigurationChangesNothing() {
    List<RunningHost> running = List.of(new RunningHost(A, null, "1"), new RunningHost(B, null, "2"));
    ConfigDiff diff = ConfigDiff.between(running, List.of(B, A));
    assertEquals(running, diff.kept().stream().sorted((x, y) -> x.deploymentId().compareTo(y.deploymentId())).toList());
    assertEquals(List.of(), diff.stopped());
    assertEquals(List.of(), diff.started());
  }

  private static HostConfig line(String host, double ping) {
    return HostConfig.of(host).with(Option.PING, ping);
  }
}
