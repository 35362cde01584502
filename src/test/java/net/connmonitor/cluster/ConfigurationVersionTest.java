package net.connmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.connmonitor.config.ConfigParser;
import net.connmonitor.config.HostConfig;
import org.junit.jupiter.api.Test;

class ConfigurationVersionTest {

  private static final List<HostConfig> HOSTS =
      ConfigParser.parse("a.example from=any\nb.example ping=250 labels=site:x\n".getBytes()).hosts();

  @Test
  void orderedByCounterThenByVantage() {
    ConfigurationVersion first = new ConfigurationVersion(1, "site-b", HOSTS);
    ConfigurationVersion second = first.next("site-a", HOSTS);
    assertEquals(2, second.counter());
    assertTrue(second.compareTo(first) > 0);
    // Two reloads at once on different nodes: every node orders them alike.
    assertTrue(first.next("site-c", List.of()).compareTo(second) > 0);
  }

  @Test
  void holdsTheHostsLineForLineThroughItsJsonForm() {
    ConfigurationVersion version = ConfigurationVersion.fromJson(new ConfigurationVersion(3, "site-a", HOSTS).toJson());
    assertEquals(HOSTS, version.hosts());
    assertTrue(version.holds(HOSTS));
    assertFalse(version.holds(HOSTS.subList(0, 1)));
  }
}
