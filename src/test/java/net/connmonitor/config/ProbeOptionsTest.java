package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options of the further probes: {@code tcp=}, {@code tos=}, {@code family=} and {@code hopstats=}, each judged
 * with its line and token.
 */
class ProbeOptionsTest {

  @Test
  void tcpPortsAreReadAscendingAndKeptThroughJson() {
    HostConfig host = onlyHost("example.org tcp=3306,80,443 tos=184");
    assertEquals(List.of(80, 443, 3306), host.tcpPorts());
    assertEquals(184, host.tos());
    assertEquals(host, HostConfig.fromJson(host.toJson()));
    assertEquals(List.of(), onlyHost("example.org").tcpPorts());
    assertEquals(0, onlyHost("example.org").tos());
  }

  @Test
  void tcpTakesAFewPortsEachOnce() {
    String expected = "1 to 4 TCP port numbers from 1 to 65535, comma-separated, each once";
    assertEquals(List.of(
            "line 1: \"tcp=80,80\": invalid value for tcp; expected " + expected,
            "line 2: \"tcp=0\": value out of range for tcp; expected " + expected,
            "line 3: \"tcp=1,2,3,4,5\": value out of range for tcp; expected " + expected,
            "line 4: \"tcp=80,\": invalid value for tcp; expected " + expected,
            "line 5: \"tcp=http\": invalid value for tcp; expected " + expected,
            "line 6: \"tcp=65536\": value out of range for tcp; expected " + expected,
            "line 7: \"tcp=\": empty value for tcp; expected " + expected),
        messages("a tcp=80,80\nb tcp=0\nc tcp=1,2,3,4,5\nd tcp=80,\ne tcp=http\nf tcp=65536\ng tcp=\n"));
    assertEquals(List.of(1, 2, 3, 65535), onlyHost("example.org tcp=1,2,3,65535").tcpPorts());
  }

  @Test
  void tcpPingsGoWithThePingBursts() {
    assertEquals(List.of("line 1: \"tcp=443\": TCP pings go with the ping bursts, which ping=0 turns off; expected "
        + "ping= above 0, or no tcp="), messages("example.org ping=0 tcp=443\n"));
  }

  @Test
  void tosIsOneByte() {
    String expected = "an integer from 0 to 255 (the IPv4 TOS or IPv6 traffic class byte: DSCP times 4, plus ECN)";
    assertEquals(List.of("line 1: \"tos=256\": value out of range for tos; expected " + expected,
            "line 2: \"tos=ef\": invalid value for tos; expected " + expected),
        messages("a tos=256\nb tos=ef\n"));
    assertEquals(255, onlyHost("example.org tos=255").tos());
  }

  @Test
  void familyBothIsMeasuredAsOneHostPerFamily() {
    HostConfig both = onlyHost("example.org family=both tcp=443");
    assertEquals(FamilyChoice.BOTH, both.family());
    assertEquals(both, HostConfig.fromJson(both.toJson()));
    assertEquals(List.of(FamilyChoice.V4, FamilyChoice.V6), both.perFamily().stream().map(HostConfig::family).toList());
    assertEquals(List.of(List.of(443), List.of(443)), both.perFamily().stream().map(HostConfig::tcpPorts).toList());
    HostConfig one = onlyHost("example.org family=6");
    assertEquals(List.of(one), one.perFamily());
    assertEquals(List.of("line 1: \"family=both\": not of the same address family as the host 192.0.2.7; expected "
        + "addresses and family of one kind, IPv4 or IPv6"), messages("192.0.2.7 family=both\n"));
  }

  @Test
  void hopStatisticsAreOffUnlessAskedForAndKeptThroughJson() {
    assertEquals(0, onlyHost("example.org trace=1000").hopStats());
    HostConfig host = onlyHost("example.org trace=1000 hopstats=10");
    assertEquals(10, host.hopStats());
    assertEquals(host, HostConfig.fromJson(host.toJson()));
    assertEquals(100, onlyHost("example.org trace=1000 hopstats=100").hopStats());
    assertEquals(0, onlyHost("example.org hopstats=0").hopStats());
  }

  @Test
  void hopStatisticsTakeAFewTracesAndOnlyWithTraces() {
    String expected = "an integer number of traces from 0 to 100 (each hop statistics record is over that many), 0 for "
        + "none";
    assertEquals(List.of(
            "line 1: \"hopstats=101\": value out of range for hopstats; expected " + expected,
            "line 2: \"hopstats=ten\": invalid value for hopstats; expected " + expected,
            "line 3: \"hopstats=-5\": invalid value for hopstats; expected " + expected,
            "line 4: \"HopStats=10\": hop statistics are over the traces, which trace=0 turns off; expected trace= "
                + "above 0, or no hopstats=",
            "line 5: \"hopstats=1\": hop statistics are over the traces, which trace=0 turns off; expected trace= "
                + "above 0, or no hopstats="),
        messages("a trace=1 hopstats=101\nb trace=1 hopstats=ten\nc trace=1 hopstats=-5\nd HopStats=10\n"
            + "e trace=0 hopstats=1\n"));
  }

  private static HostConfig onlyHost(String text) {
    ParsedConfig config = ConfigParser.parse(text);
    assertEquals(List.of(), messages(text));
    return config.hosts().get(0);
  }

  private static List<String> messages(String text) {
    return ConfigParser.parse(text).errors().stream().map(ConfigError::message).toList();
  }
}
