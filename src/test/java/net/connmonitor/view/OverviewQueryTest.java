package net.connmonitor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.Test;

class OverviewQueryTest {

  private static OverviewQuery parse(Map<String, String> parameters) {
    return OverviewQuery.parse(parameters::get);
  }

  private static HostHistory.Summary host(int id, String name, String labels, double loss) {
    TreeMap<String, String> map = new TreeMap<>();
    for (String pair : labels.isEmpty() ? new String[0] : labels.split(",")) {
      map.put(pair.split(":")[0], pair.split(":")[1]);
    }
    MeasuredHost measured = new MeasuredHost(new Target(name, "198.18.0." + id, map), Optional.empty());
    return new HostHistory.Summary(new HostHistory(id, measured),
        new Recent(1, 0.1, loss, Double.isNaN(loss) ? 0 : 10), 0, 0, null, 0);
  }

  @Test
  void byDefaultTheFirstHundredByName() {
    OverviewQuery query = parse(Map.of());
    assertEquals(List.of(), query.terms());
    assertEquals(OverviewQuery.Column.NAME, query.sort());
    assertFalse(query.descending());
    assertEquals(0, query.offset());
    assertEquals(100, query.limit());
  }

  @Test
  void aWrongParameterIsNamedWithWhatItTakes() {
    assertEquals("sort=size: expected one of name, addr, loss, median, spread, route, scan",
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("sort", "size"))).getMessage());
    assertEquals("order=up: expected asc or desc",
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("order", "up"))).getMessage());
    assertEquals("limit=5000: expected an integer from 1 to 1000",
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("limit", "5000"))).getMessage());
    assertEquals("offset=x: expected an integer from 0 to 2147483647",
        assertThrows(IllegalArgumentException.class, () -> parse(Map.of("offset", "x"))).getMessage());
  }

  @Test
  void everyWordOfTheFilterMatchesTheNameTheAddressOrALabel() {
    OverviewQuery query = parse(Map.of("q", "  SITE:par  web "));
    assertEquals(List.of("site:par", "web"), query.terms());
    assertTrue(query.matches(host(1, "web1.example", "site:paris", 0).host().target(), Optional.empty()));
    assertFalse(query.matches(host(2, "web2.example", "site:berlin", 0).host().target(), Optional.empty()));
    assertFalse(query.matches(host(3, "db.example", "site:paris", 0).host().target(), Optional.empty()));
    assertTrue(parse(Map.of("q", "198.18.0.3"))
        .matches(host(3, "db.example", "", 0).host().target(), Optional.empty()));
  }

  @Test
  void inAClusterTheFilterMatchesTheVantageToo() {
    Target web = host(1, "web1.example", "", 0).host().target();
    assertTrue(parse(Map.of("q", "paris")).matches(web, Optional.of("paris-1")));
    assertFalse(parse(Map.of("q", "paris")).matches(web, Optional.of("berlin")));
  }

  @Test
  void namesAndAddressesSortWithTheirNumbersAsNumbers() {
    List<String> names = new ArrayList<>(List.of("127.0.0.10", "web10", "127.0.0.2", "web9", "127.0.1.1", "web",
        "127.0.0.02", "Web"));
    names.sort(NaturalOrder.INSTANCE);
    assertEquals(List.of("127.0.0.02", "127.0.0.2", "127.0.0.10", "127.0.1.1", "Web", "web", "web9", "web10"), names);
  }

  @Test
  void sortedByAFigureWithHostsWithoutItLastEitherWay() {
    List<HostHistory.Summary> hosts = new ArrayList<>(List.of(host(1, "a", "", 30), host(2, "b", "", Double.NaN),
        host(3, "c", "", 0), host(4, "d", "", 30)));
    hosts.sort(parse(Map.of("sort", "loss", "order", "desc")).order());
    assertEquals(List.of("a", "d", "c", "b"), hosts.stream().map(h -> h.host().target().name()).toList());
    hosts.sort(parse(Map.of("sort", "loss")).order());
    assertEquals(List.of("c", "a", "d", "b"), hosts.stream().map(h -> h.host().target().name()).toList());
  }
}
