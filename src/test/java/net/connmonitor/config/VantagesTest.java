package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** from=: where in a cluster a host is measured. */
class VantagesTest {

  @Test
  void allAnyOrNamesWithTheirCase() {
    assertEquals(Vantages.ANY, only("example.org from=ANY").from());
    assertEquals(Vantages.ALL, only("example.org").from());
    Vantages listed = only("example.org from=site-b,Site-A").from();
    assertEquals(new Vantages(Vantages.Kind.LISTED, new TreeSet<>(List.of("Site-A", "site-b"))), listed);
    assertEquals("Site-A,site-b", listed.written());
  }

  @Test
  void survivesTheJsonForm() {
    HostConfig line = only("example.org from=site-a,site-c");
    assertEquals(line, HostConfig.fromJson(line.toJson()));
    HostConfig any = only("example.org from=any");
    assertEquals(any, HostConfig.fromJson(any.toJson()));
  }

  @Test
  void refusesWhatIsNoVantage() {
    assertEquals(List.of("line 1: \"from=a,,b\": invalid value for from; expected " + Option.FROM.accepted()),
        ConfigParser.parse("example.org from=a,,b".getBytes()).errorReport());
    assertEquals(List.of("line 1: \"from=-a\": invalid value for from; expected " + Option.FROM.accepted()),
        ConfigParser.parse("example.org from=-a".getBytes()).errorReport());
  }

  private static HostConfig only(String line) {
    ParsedConfig parsed = ConfigParser.parse(line.getBytes());
    assertEquals(List.of(), parsed.errorReport());
    return parsed.hosts().get(0);
  }
}
