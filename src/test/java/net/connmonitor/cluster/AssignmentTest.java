package net.connmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignmentTest {

  private static final List<String> HOSTS = IntStream.range(0, 10_000).mapToObj(i -> "host-" + i + ".example").toList();
  private static final List<String> THREE = List.of("site-a", "site-b", "site-c");

  @Test
  void everyHostHasExactlyOneOwnerAmongTheLiveVantages() {
    Map<String, Integer> perVantage = owners(THREE).values().stream()
        .collect(HashMap::new, (counts, owner) -> counts.merge(owner, 1, Integer::sum), Map::putAll);
    assertEquals(THREE.size(), perVantage.size());
    perVantage.values().forEach(count -> assertTrue(count > 3000 && count < 3700, "uneven share: " + perVantage));
  }

  @Test
  void theOwnerDoesNotDependOnTheOrderOfTheMembers() {
    assertEquals(owners(THREE), owners(List.of("site-c", "site-a", "site-b")));
  }

  @Test
  void aVantageThatLeavesGivesUpOnlyItsOwnHosts() {
    Map<String, String> before = owners(THREE);
    Map<String, String> after = owners(List.of("site-a", "site-c"));
    HOSTS.forEach(host -> {
      if (!before.get(host).equals("site-b")) {
        assertEquals(before.get(host), after.get(host), host);
      }
    });
  }

  @Test
  void aVantageThatComesTakesOnlyHostsAndAboutItsShare() {
    Map<String, String> before = owners(THREE);
    Map<String, String> after = owners(List.of("site-a", "site-b", "site-c", "site-d"));
    long moved = HOSTS.stream().filter(host -> !before.get(host).equals(after.get(host))).count();
    HOSTS.stream().filter(host -> !before.get(host).equals(after.get(host)))
        .forEach(host -> assertEquals("site-d", after.get(host), host));
    assertTrue(moved > 2200 && moved < 2800, "moved " + moved);
  }

  @Test
  void noOwnerOnlyWithoutLiveVantages() {
    assertEquals(Optional.empty(), Assignment.owner("a.example", List.of()));
    assertEquals(Optional.of("solo"), Assignment.owner("a.example", List.of("solo")));
  }

  private static Map<String, String> owners(List<String> vantages) {
    Map<String, String> owners = new HashMap<>();
    HOSTS.forEach(host -> owners.put(host, Assignment.owner(host, vantages).orElseThrow()));
    return owners;
  }
}
