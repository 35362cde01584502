package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** labels=, source=, interface= and family=, against a machine whose addresses and interfaces the test gives. */
class HostOptionsTest {

  private static final LocalNetwork MACHINE =
      new LocalNetwork(Set.of("127.0.0.1", "::1", "198.18.0.1", "2001:db8::1"), Set.of("lo", "cmt0"));

  @Test
  void labelsKeepTheirCaseAndOrderByKey() {
    HostConfig host = only("example.org LABELS=site:eu-West,rack:R12,_team:Net");
    assertEquals(new TreeMap<>(Map.of("_team", "Net", "rack", "R12", "site", "eu-West")), host.labels());
  }

  @Test
  void labelsThatAreNoListOfKeysAndValuesAreRefused() {
    String expected = "invalid value for labels; expected KEY:VALUE[,KEY:VALUE...], each key once, of letters, "
        + "digits and _ (not first a digit, not __ first, none of host, addr, source, interface, service, port, "
        + "vantage, le, quantile), each value not empty";
    for (String bad : List.of("labels=site", "labels=site:", "labels=1site:x", "labels=__x:y", "labels=host:x",
        "labels=le:0.5", "labels=source:x", "labels=vantage:x", "labels=a:1,a:2", "labels=a:1,", "labels=s-ite:x")) {
      assertEquals(List.of("line 1: \"" + bad + "\": " + expected), errors("example.org " + bad), bad);
    }
  }

  @Test
  void aSourceMustBeAnAddressOfThisMachine() {
    assertEquals(Optional.of("2001:db8::1"), only("example.org source=2001:DB8:0::1").source());
    assertEquals(List.of("line 1: \"source=198.51.100.7\": not an address of this machine; expected one of "
        + "127.0.0.1, 198.18.0.1, 2001:db8::1, ::1"), errors("example.org source=198.51.100.7"));
    assertEquals(List.of("line 1: \"source=example.org\": invalid value for source; expected an IPv4 or IPv6 address "
        + "of this machine"), errors("example.org source=example.org"));
  }

  @Test
  void anInterfaceMustBeOneOfThisMachineAndKeepsItsCase() {
    assertEquals(Optional.of("cmt0"), only("example.org interface=cmt0").interfaceName());
    assertEquals(List.of("line 1: \"interface=CMT0\": no such network interface; expected one of cmt0, lo"),
        errors("example.org interface=CMT0"));
    assertEquals(List.of("line 1: \"interface=a/b\": invalid value for interface; expected the name of a network "
        + "interface of this machine"), errors("example.org interface=a/b"));
  }

  @Test
  void theFamilyOfAHostsAddressesMustAgree() {
    assertEquals(FamilyChoice.V6, only("example.org family=6").family());
    assertEquals(FamilyChoice.V6, only("example.org source=::1").addressFamily());
    assertEquals(FamilyChoice.ANY, only("example.org").addressFamily());
    assertEquals(List.of("line 1: \"family=5\": invalid value for family; expected 4, 6 or both (which address of a "
        + "name that has both; both: each, told apart by its address)"), errors("example.org family=5"));
    String otherFamily = "not of the same address family as ";
    assertEquals(List.of("line 1: \"family=6\": " + otherFamily + "the host 198.18.10.2; expected addresses and family"
        + " of one kind, IPv4 or IPv6"), errors("198.18.10.2 family=6"));
    assertEquals(List.of("line 1: \"source=::1\": " + otherFamily + "family=4; expected addresses and family of one "
        + "kind, IPv4 or IPv6"), errors("example.org family=4 source=::1"));
    assertEquals(List.of("line 1: \"source=127.0.0.1\": " + otherFamily + "the host ::1; expected addresses and family"
        + " of one kind, IPv4 or IPv6"), errors("::1 source=127.0.0.1"));
  }

  @Test
  void everyOptionSurvivesTheJsonThatCarriesALineBetweenNodes() {
    ParsedConfig config = ConfigParser.parse("example.org labels=site:eu source=2001:db8::1 interface=cmt0 family=6\n"
        + "b.example\n", MACHINE);
    assertEquals(config.hosts(),
        config.hosts().stream().map(host -> HostConfig.fromJson(new JsonObject(host.toJson().encode()))).toList());
  }

  @Test
  void theJsonNamesWhatALineDoesNotLeaveAtItsDefaultAsALineWould() {
    assertEquals(new JsonObject("{\"host\":\"example.org\"}"), only("example.org").toJson());
    assertEquals(new JsonObject("{\"host\":\"b.example\",\"ping\":\"250\",\"labels\":\"site:eu\",\"family\":\"6\","
        + "\"tcp\":\"22,443\"}"), only("b.example tcp=443,22 family=6 labels=site:eu ping=250.0").toJson());
  }

  private static HostConfig only(String line) {
    ParsedConfig config = ConfigParser.parse(line, MACHINE);
    assertEquals(List.of(), config.errorReport());
    return config.hosts().get(0);
  }

  private static List<String> errors(String line) {
    return ConfigParser.parse(line, MACHINE).errorReport();
  }
}
