package net.connmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacedHostsTest {

  private static final List<String> HOSTS = IntStream.range(0, 300).mapToObj(i -> "host-" + i + ".example").toList();
  private static final SortedSet<String> THREE = new TreeSet<>(List.of("site-a", "site-b", "site-c"));
  private static final SortedSet<String> TWO = new TreeSet<>(List.of("site-a", "site-c"));

  private final PlacedHosts placed = new PlacedHosts();

  @Test
  void eachMemberCountsTheHostsTheAssignmentGivesIt() {
    Map<String, String> owners = placed.place(HOSTS, THREE);
    HOSTS.forEach(host -> assertEquals(Assignment.owner(host, THREE).orElseThrow(), owners.get(host), host));
    Map<String, Integer> counts = placed.perMember();
    assertEquals(THREE, counts.keySet());
    THREE.forEach(member -> assertEquals(owners.values().stream().filter(member::equals).count(),
        (long) counts.get(member), member));
    assertEquals(HOSTS.size(), counts.values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(0, placed.moved());
  }

  @Test
  void aMemberWithoutHostsCountsNone() {
    placed.place(HOSTS.subList(0, 0), THREE);
    assertEquals(Map.of("site-a", 0, "site-b", 0, "site-c", 0), placed.perMember());
  }

  @Test
  void theHostsOfAMemberThatLeavesMoveAndMoveBackWhenItReturns() {
    placed.place(HOSTS, THREE);
    int ofB = placed.perMember().get("site-b");
    placed.place(HOSTS, TWO);
    assertEquals(ofB, placed.moved());
    assertEquals(TWO, placed.perMember().keySet());
    placed.place(HOSTS, THREE);
    assertEquals(2L * ofB, placed.moved());
  }

  @Test
  void hostsThatComeOrGoWithAConfigurationDoNotMove() {
    placed.place(HOSTS.subList(0, 200), THREE);
    placed.place(HOSTS.subList(100, 300), THREE);
    assertEquals(0, placed.moved());
    assertEquals(200, placed.perMember().values().stream().mapToInt(Integer::intValue).sum());
  }
}
