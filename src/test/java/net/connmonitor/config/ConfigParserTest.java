package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigParserTest {

  private static final HostConfig EXAMPLE_DEFAULTS =
      line("example.org", 500, 10, 41, 0, 30, 0, false, true, 2000);

  /** A line as the ten probe options make it, the other options at their default. */
  private static HostConfig line(String host, double ping, int numPings, int payload, double trace, int hops,
      double scan, boolean json, boolean timestamp, double timeout) {
    return HostConfig.of(host).with(Option.PING, ping).with(Option.NUMPINGS, numPings).with(Option.PAYLOAD, payload)
        .with(Option.TRACE, trace).with(Option.HOPS, hops).with(Option.SCAN, scan).with(Option.JSON, json)
        .with(Option.TIMESTAMP, timestamp).with(Option.TIMEOUT, timeout);
  }

  private static List<String> messages(ParsedConfig config) {
    return config.errors().stream().map(ConfigError::message).toList();
  }

  private static HostConfig onlyHost(String text) {
    ParsedConfig config = ConfigParser.parse(text);
    assertEquals(List.of(), messages(config));
    assertEquals(1, config.hosts().size());
    return config.hosts().get(0);
  }

  @Test
  void aHostAloneGetsEveryDefault() {
    ParsedConfig config = ConfigParser.parse("example.org\n");
    assertTrue(config.valid());
    assertEquals(List.of(EXAMPLE_DEFAULTS), config.hosts());
  }

  @Test
  void everyOptionIsRead() {
    assertEquals(
        line("example.org", 250, 5, 100, 5000, 12, 60000, true, false, 800),
        onlyHost("example.org ping=250 numpings=5 payload=100 trace=5000 hops=12 scan=60000 json=1"
            + " timestamp=0 timeout=800"));
  }

  @Test
  void namesAndValuesIgnoreCaseButTheHostKeepsIt() {
    assertEquals(
        line("Example.ORG", 1000, 10, 41, 0.5, 30, 0, true, false, 2000),
        onlyHost("Example.ORG PING=1E3 Trace=.5 Json=TRUE TimeStamp=False"));
  }

  @Test
  void hostLinesKeepTheirOrder() {
    ParsedConfig config = ConfigParser.parse("b.example\nexample.org\na.example\n");
    assertEquals(List.of("b.example", "example.org", "a.example"),
        config.hosts().stream().map(HostConfig::host).toList());
  }

  @Test
  void aLineThatRepeatsAnEarlierOneAsParsedIsMeasuredOnceAndNamesBothLines() {
    ParsedConfig config = ConfigParser.parse("example.org json=1 ping=100\nb.example\n\n"
        + "example.org PING=100.0   JSON=true # again\nExample.org json=1 ping=100\nb.example ping=500\n");
    assertEquals(List.of("example.org", "b.example", "Example.org"),
        config.hosts().stream().map(HostConfig::host).toList());
    assertEquals(List.of(new DuplicateHost(4, 1, "example.org"), new DuplicateHost(6, 2, "b.example")),
        config.duplicates());
    assertEquals(List.of("line 4: \"example.org\" repeats line 1 (the same host and options); measured once",
        "line 6: \"b.example\" repeats line 2 (the same host and options); measured once"), config.duplicateReport());
    assertTrue(config.valid());
  }

  @Test
  void atMostAHundredErrorsAreListedAndTheRestCounted() {
    ParsedConfig config = ConfigParser.parse("example.org ping=x\n".repeat(150));
    assertEquals(ParsedConfig.LISTED, config.errors().size());
    assertEquals(50, config.moreErrors());
    assertEquals(100, config.errors().get(99).line());
    List<String> report = config.errorReport();
    assertEquals(101, report.size());
    assertEquals("… and 50 more errors", report.get(100));
    assertEquals("… and 1 more error", ConfigParser.parse("example.org ping=x\n".repeat(101)).errorReport().get(100));
  }

  @Test
  void atMostAHundredRepeatedLinesAreListedAndTheRestCounted() {
    ParsedConfig config = ConfigParser.parse("example.org\n".repeat(1000));
    assertEquals(List.of(line("example.org", 500, 10, 41, 0, 30, 0, false, true, 2000)), config.hosts());
    assertEquals(101, config.duplicateReport().size());
    assertEquals("… and 899 more repeated host lines", config.duplicateReport().get(100));
  }

  @Test
  void aMegabyteOfRandomBytesIsReportedInAHundredShortLines() {
    byte[] garbage = new byte[1 << 20];
    new Random(11).nextBytes(garbage);
    ParsedConfig config = ConfigParser.parse(garbage);
    List<String> report = config.errorReport();
    assertEquals(ParsedConfig.LISTED + 1, report.size());
    assertTrue(config.moreErrors() > 10_000, report.get(100));
    assertTrue(report.get(100).matches("… and \\d+ more errors"), report.get(100));
    assertTrue(report.stream().allMatch(line -> line.length() < 300),
        report.stream().filter(line -> line.length() >= 300).findFirst().orElse(""));
  }

  @Test
  void aMegabyteTokenIsReportedCut() {
    List<String> report = ConfigParser.parse("x".repeat(1 << 20) + " ping=" + "9".repeat(1 << 20)).errorReport();
    assertEquals(List.of(
            "line 1: \"" + "x".repeat(60) + "…\" (1048576 characters): not a valid host name; expected a DNS name of"
                + " at most 253 characters: dot-separated labels of 1 to 63 ASCII letters, digits, '-' and '_', not"
                + " starting or ending with '-'",
            "line 1: \"ping=" + "9".repeat(55) + "…\" (1048581 characters): value out of range for ping; expected a"
                + " decimal number of milliseconds from 0 to 31536000000 (a year), 0 for no pings"),
        report);
  }

  @Test
  void blankLinesAndCommentsAreIgnored() {
    ParsedConfig config = ConfigParser.parse(
        "# hosts\n\n   \t\nexample.org ping=1 # every millisecond\nb.example#no space\nc.example trace=2#glued\n"
            + "  # indented comment ping=x\n");
    assertEquals(List.of(), messages(config));
    assertEquals(List.of(
            line("example.org", 1, 10, 41, 0, 30, 0, false, true, 2000),
            line("b.example", 500, 10, 41, 0, 30, 0, false, true, 2000),
            line("c.example", 500, 10, 41, 2, 30, 0, false, true, 2000)),
        config.hosts());
  }

  @Test
  void everyLineTerminatorEndsALineAndCrLfCountsOnce() {
    String text = "a x\nb x\rc x\r\nd x\u000Be x\ff x\u0085g x\u2028h x\u2029i x";
    ParsedConfig config = ConfigParser.parse(text);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), config.errors().stream().map(ConfigError::line).toList());
    assertEquals(List.of(), config.hosts());
  }

  @Test
  void lfThenCrIsTwoLineEndsAndCrThenCrLfIsTwo() {
    ParsedConfig config = ConfigParser.parse("a\n\rb x\r\r\nc x");
    assertEquals(List.of(3, 5), config.errors().stream().map(ConfigError::line).toList());
  }

  @Test
  void aLoneCrEndsTheLastLine() {
    assertEquals(List.of(line("a", 500, 10, 41, 0, 30, 0, false, true, 2000)),
        ConfigParser.parse("a\r").hosts());
  }

  @Test
  void tokensAreSeparatedByAnyWhiteSpaceThatDoesNotEndALine() {
    // tab, no-break space, em space, ideographic space, unit separator, thin no-break space
    assertEquals(
        line("example.org", 1, 10, 41, 2, 30, 3, true, false, 4),
        onlyHost(" \texample.org\tping=1\u00A0trace=2\u2003scan=3\u3000json=1\u001Ftimestamp=0\u202Ftimeout=4 \t"));
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstHost() {
    byte[] bytes = "\uFEFFexample.org\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(EXAMPLE_DEFAULTS), ConfigParser.parse(bytes).hosts());
  }

  @Test
  void anUnknownOption() {
    assertEquals(List.of("line 3: \"pings=5\": unknown option; expected one of ping, numpings, payload, trace,"
            + " hops, scan, json, timestamp, timeout, labels, source, interface, family, tcp, tos, from,"
            + " pingrecords, hopstats"),
        messages(ConfigParser.parse("a.example\n\nexample.org pings=5\n")));
  }

  @Test
  void anOptionNameThatOnlyFoldsToAKeywordOutsideAsciiIsUnknown() {
    // U+017F LATIN SMALL LETTER LONG S upper-cases to 'S'.
    assertEquals(List.of("line 1: \"\u017Fcan=5\": unknown option; expected one of ping, numpings, payload,"
            + " trace, hops, scan, json, timestamp, timeout, labels, source, interface, family, tcp, tos,"
            + " from, pingrecords, hopstats"),
        messages(ConfigParser.parse("example.org \u017Fcan=5")));
  }

  @Test
  void aTokenWithoutEquals() {
    assertEquals(List.of("line 1: \"b.example\": not an option; expected NAME=VALUE"
            + " (only the first token of a line is a host)"),
        messages(ConfigParser.parse("example.org b.example")));
  }

  @Test
  void aMissingOptionName() {
    assertEquals(List.of("line 1: \"=5\": missing option name; expected NAME=VALUE with NAME one of ping,"
            + " numpings, payload, trace, hops, scan, json, timestamp, timeout, labels, source, interface, family,"
            + " tcp, tos, from, pingrecords, hopstats"),
        messages(ConfigParser.parse("example.org =5")));
  }

  @Test
  void anOptionTwiceIsAnErrorEvenWithTheSameValue() {
    ParsedConfig config = ConfigParser.parse("example.org ping=500 PING=500");
    assertEquals(List.of("line 1: \"PING=500\": option ping repeated; expected each option at most once per line"),
        messages(config));
    assertEquals(List.of(), config.hosts());
  }

  @Test
  void anOptionRepeatedAfterABadValueIsStillRepeated() {
    assertEquals(List.of(
            "line 1: \"hops=x\": invalid value for hops; expected an integer from 1 to 255 (the largest IP time to"
                + " live)",
            "line 1: \"hops=5\": option hops repeated; expected each option at most once per line"),
        messages(ConfigParser.parse("example.org hops=x hops=5")));
  }

  @Test
  void anEmptyValue() {
    assertEquals(List.of("line 1: \"hops=\": empty value for hops; expected an integer from 1 to 255"
            + " (the largest IP time to live)"),
        messages(ConfigParser.parse("example.org hops=")));
  }

  @Test
  void aMalformedDecimal() {
    assertEquals(List.of("line 1: \"ping=fast\": invalid value for ping; expected a decimal number of milliseconds"
            + " from 0 to 31536000000 (a year), 0 for no pings"),
        messages(ConfigParser.parse("example.org ping=fast")));
  }

  @Test
  void eachOptionSaysWhatItAccepts() {
    assertEquals(List.of(
            "line 1: \"numpings=0\": value out of range for numpings; expected an integer from 1 to 65535"
                + " (the ICMP sequence number space)",
            "line 1: \"payload=65508\": value out of range for payload; expected an integer number of bytes from 1"
                + " to 65507 (the most that fits one IPv4 datagram after its 20-byte IP and 8-byte ICMP headers)",
            "line 1: \"trace=-1\": invalid value for trace; expected a decimal number of milliseconds from 0 to"
                + " 31536000000 (a year), 0 for no traces",
            "line 1: \"scan=31536000001\": value out of range for scan; expected a decimal number of milliseconds"
                + " from 0 to 31536000000 (a year), 0 for no scans",
            "line 1: \"json=yes\": invalid value for json; expected true, false or an integer (non-zero means true)",
            "line 1: \"timestamp=on\": invalid value for timestamp; expected true, false or an integer"
                + " (non-zero means true)",
            "line 1: \"timeout=0\": value out of range for timeout; expected a decimal number of milliseconds"
                + " greater than 0 and at most 3600000 (an hour)"),
        messages(ConfigParser.parse(
            "example.org numpings=0 payload=65508 trace=-1 scan=31536000001 json=yes timestamp=on timeout=0")));
  }

  @Test
  void aLineThatStartsWithAnOptionHasNoHost() {
    assertEquals(List.of(
            "line 1: \"ping=500\": missing host; expected a line HOST [NAME=VALUE ...] that starts with the host",
            "line 1: \"trace=x\": invalid value for trace; expected a decimal number of milliseconds from 0 to"
                + " 31536000000 (a year), 0 for no traces"),
        messages(ConfigParser.parse("ping=500 trace=x")));
  }

  @Test
  void hostErrorsSayWhatKindOfHostWasMeant() {
    assertEquals(List.of(
            "line 1: \"1.2.3\": not a valid IPv4 address; expected four numbers from 0 to 255 separated by dots,"
                + " without leading zeros",
            "line 2: \"[::1]\": not a valid IPv6 address; expected an IPv6 address without brackets,"
                + " e.g. 2001:db8::1 or fe80::1%eth0",
            "line 3: \"-bad.example\": not a valid host name; expected a DNS name of at most 253 characters:"
                + " dot-separated labels of 1 to 63 ASCII letters, digits, '-' and '_', not starting or ending"
                + " with '-'"),
        messages(ConfigParser.parse("1.2.3\n[::1]\n-bad.example\n")));
  }

  @Test
  void everyErrorOfTheFileIsReportedInOrderAndBadLinesGiveNoHost() {
    ParsedConfig config = ConfigParser.parse(
        "a.example ping=x hops=0\nb.example\n1.2.3 json=maybe\nc.example timeout=1 unknown=1 stray\n");
    assertEquals(List.of("1:ping=x", "1:hops=0", "3:1.2.3", "3:json=maybe", "4:unknown=1", "4:stray"),
        config.errors().stream().map(error -> error.line() + ":" + error.token()).toList());
    assertEquals(List.of("b.example"), config.hosts().stream().map(HostConfig::host).toList());
    assertFalse(config.valid());
  }

  @Test
  void aConfigurationWithoutAnyHostLine() {
    List<String> noHost = List.of("no host to monitor; expected at least one line HOST [NAME=VALUE ...]");
    assertEquals(noHost, messages(ConfigParser.parse("")));
    assertEquals(noHost, messages(ConfigParser.parse("\n  \n# nothing here\n")));
    assertEquals(0, ConfigParser.parse("").errors().get(0).line());
  }

  @Test
  void aConfigurationWhoseHostLinesAreAllWrongDoesNotAlsoSayItHasNoHost() {
    assertEquals(1, ConfigParser.parse("example.org ping=x\n").errors().size());
  }

  @Test
  void invalidUtf8IsAnErrorOfItsLineAndOtherLinesStillCount() {
    byte[] bytes = concat("a.example\n# caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
        "\nb.example\nc".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF},
        ".example ping=x\nd.example\n".getBytes(StandardCharsets.US_ASCII));
    ParsedConfig config = ConfigParser.parse(bytes);
    assertEquals(List.of(
            "line 2: invalid UTF-8 (byte 0xE9); expected text encoded in UTF-8",
            "line 4: invalid UTF-8 (byte 0xFF); expected text encoded in UTF-8"),
        messages(config));
    assertEquals(List.of("a.example", "b.example", "d.example"),
        config.hosts().stream().map(HostConfig::host).toList());
  }

  @Test
  void aTruncatedSequenceAtTheEndIsInvalidUtf8() {
    byte[] bytes = concat("a.example\nb".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE2, (byte) 0x82});
    assertEquals(List.of("line 2: invalid UTF-8 (bytes 0xE2 0x82); expected text encoded in UTF-8"),
        messages(ConfigParser.parse(bytes)));
  }

  @Test
  void encodedSurrogatesAndOverlongFormsAreInvalidUtf8() {
    ParsedConfig surrogate = ConfigParser.parse(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    ParsedConfig overlong = ConfigParser.parse(new byte[] {'a', (byte) 0xC0, (byte) 0xAF});
    assertFalse(surrogate.errors().isEmpty());
    assertTrue(surrogate.errors().stream().allMatch(error -> error.problem().startsWith("invalid UTF-8")));
    assertFalse(overlong.errors().isEmpty());
    assertTrue(overlong.errors().stream().allMatch(error -> error.problem().startsWith("invalid UTF-8")));
  }

  @Test
  void validUtf8IsDecoded() {
    // A no-break space between host and option, in UTF-8.
    byte[] bytes = "example.org\u00A0ping=7".getBytes(StandardCharsets.UTF_8);
    assertEquals(7, ConfigParser.parse(bytes).hosts().get(0).pingIntervalMs());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "192.0.2.7", "0.0.0.0", "255.255.255.255",
      "::1", "::", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "1:2:3:4:5:6:7::", "::ffff:192.0.2.7",
      "fe80::1%eth0", "fe80::1%2", "fe80::1%enp0s31f6",
      "localhost", "example.org", "example.org.", "my_host.example", "_service._tcp.example", "xn--caf-dma.example",
      "1.2.3.4a", "a-b.example"})
  void acceptedHosts(String host) {
    assertEquals(host, onlyHost(host + " ping=0").host());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.2.3", "1.2.3.4.", "1.2.3.4.5", "256.1.1.1", "1.2.3.010", "01.2.3.4", "10", "1..2.3", ".",
      "[::1]", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", "fe80::1%", "::1%eth/0",
      "::ffff:1.2.3", "::ffff:192.0.2.256", ":1::",
      "-bad.example", "bad-.example", "a..b", ".example", "example..", "exa$mple", "caf\u00E9.example",
      "host%eth0", "\u0661.example"})
  void refusedHosts(String host) {
    ParsedConfig config = ConfigParser.parse(host);
    assertEquals(List.of(host), config.errors().stream().map(ConfigError::token).toList());
    assertEquals(List.of(), config.hosts());
  }

  @Test
  void labelsHaveAtMost63CharactersAndNamesAtMost253() {
    String label63 = "a".repeat(63);
    assertTrue(ConfigParser.parse(label63 + ".example").valid());
    assertFalse(ConfigParser.parse("a" + label63 + ".example").valid());
    // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253
    String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
    assertEquals(253, name253.length());
    assertTrue(ConfigParser.parse(name253).valid());
    assertTrue(ConfigParser.parse(name253 + ".").valid());
    assertFalse(ConfigParser.parse(name253 + "b").valid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"500=500", "0.5=0.5", ".5=0.5", "5.=5", "1e3=1000", "1E3=1000", "2.5e-1=0.25",
      "1E+2=100", "007=7", "0=0", "31536000000=31536000000", "+1=1", "+0.5e1=5", "-0=0", "-0.0=0", "-0e5=0",
      "-.0=0", "-000.000e-7=0", "+0=0"})
  void decimalForms(String valueAndExpected) {
    String[] parts = valueAndExpected.split("=");
    // assertEquals on doubles tells 0.0 from -0.0: a zero is stored without its sign.
    assertEquals(Double.parseDouble(parts[1]), onlyHost("example.org ping=" + parts[0]).pingIntervalMs());
  }

  @Test
  void minusZeroIsZeroForEveryDecimalOption() {
    assertEquals(onlyHost("example.org ping=0 trace=0 scan=0"), onlyHost("example.org ping=-0 trace=-0.0 scan=-0e5"));
    assertEquals(1, ConfigParser.parse("example.org ping=-0\nexample.org ping=0\n").hosts().size());
    assertEquals(List.of("timeout=-0"), tokens("example.org timeout=-0"));
    assertEquals(List.of("value out of range for timeout"), ConfigParser.parse("example.org timeout=-0").errors()
        .stream().map(error -> error.problem().substring(0, error.problem().indexOf(';'))).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "-0.5", "-.1", "-1e-400", "-0.0001", "--0", "+-0", "-+0", "-", "+", "1_000",
      "0x10", "inf", "nan", "Infinity", "NaN", "-inf", "1e", "e3", ".", "1.2.3", "5d", "5f", "1,5", "\u0665",
      "1e3.5", "\u22120"})
  void malformedDecimals(String value) {
    assertEquals(List.of("invalid value for ping; expected a decimal number of milliseconds from 0 to"
            + " 31536000000 (a year), 0 for no pings"),
        ConfigParser.parse("example.org ping=" + value).errors().stream().map(ConfigError::problem).toList());
  }

  @Test
  void decimalRangeEdges() {
    assertTrue(ConfigParser.parse("example.org ping=0 trace=0 scan=0").valid());
    assertTrue(ConfigParser.parse("example.org ping=31536000000 trace=3.1536e10 scan=31536000000.0").valid());
    assertEquals(List.of("ping=31536000001", "trace=1e400", "scan=31536000000.1"), tokens(
        "example.org ping=31536000001 trace=1e400 scan=31536000000.1"));
    assertEquals(3_600_000, onlyHost("example.org timeout=3600000").timeoutMs());
    assertEquals(0.001, onlyHost("example.org timeout=0.001").timeoutMs());
    assertEquals(List.of("timeout=3600001"), tokens("example.org timeout=3600001"));
    // So small that it is 0 as a double: not a usable timeout.
    assertEquals(List.of("timeout=1e-400"), tokens("example.org timeout=1e-400"));
  }

  @Test
  void integerRangeEdges() {
    HostConfig low = onlyHost("example.org numpings=1 payload=1 hops=1");
    assertEquals(List.of(1, 1, 1), List.of(low.numPings(), low.payloadBytes(), low.maxHops()));
    HostConfig high = onlyHost("example.org numpings=65535 payload=65507 hops=255");
    assertEquals(List.of(65535, 65507, 255), List.of(high.numPings(), high.payloadBytes(), high.maxHops()));
    assertEquals(List.of("numpings=0", "payload=0", "hops=0"), tokens("example.org numpings=0 payload=0 hops=0"));
    assertEquals(List.of("numpings=65536", "payload=65508", "hops=256"),
        tokens("example.org numpings=65536 payload=65508 hops=256"));
    assertEquals(List.of("numpings=99999999999999999999999"), tokens("example.org numpings=99999999999999999999999"));
  }

  @Test
  void integersMayHaveLeadingZerosAndASignButNoFraction() {
    assertEquals(30, onlyHost("example.org hops=00030").maxHops());
    HostConfig signed = onlyHost("example.org numpings=+5 payload=+0100 hops=+1");
    assertEquals(List.of(5, 100, 1), List.of(signed.numPings(), signed.payloadBytes(), signed.maxHops()));
    assertEquals(List.of("invalid value for numpings", "invalid value for payload", "invalid value for hops"),
        ConfigParser.parse("example.org numpings=5.0 payload=1e2 hops=--1").errors().stream()
            .map(error -> error.problem().substring(0, error.problem().indexOf(';')))
            .toList());
  }

  @Test
  void minusZeroIsZeroForIntegersToo() {
    // Zero is below every integer option's range, so "-0" is out of range, as "0" is; other negatives are invalid.
    assertEquals(List.of("value out of range for numpings", "value out of range for payload",
            "value out of range for hops"),
        ConfigParser.parse("example.org numpings=-0 payload=-00 hops=-0").errors().stream()
            .map(error -> error.problem().substring(0, error.problem().indexOf(';')))
            .toList());
    assertEquals(List.of("invalid value for numpings", "invalid value for payload", "invalid value for hops"),
        ConfigParser.parse("example.org numpings=-5 payload=-1 hops=-30").errors().stream()
            .map(error -> error.problem().substring(0, error.problem().indexOf(';')))
            .toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1=true", "0=false", "-1=true", "+0=false", "00=false", "TRUE=true", "False=false",
      "123456789012345678901234567890=true", "-000=false"})
  void flagForms(String valueAndExpected) {
    String[] parts = valueAndExpected.split("=");
    boolean expected = Boolean.parseBoolean(parts[1]);
    HostConfig host = onlyHost("example.org json=" + parts[0] + " timestamp=" + parts[0]);
    assertEquals(List.of(expected, expected), List.of(host.json(), host.timestamp()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "on", "1.0", "t", "truee", "--1", "1e3"})
  void malformedFlags(String value) {
    assertEquals(List.of("json=" + value), tokens("example.org json=" + value));
  }

  @Test
  void aValueMayContainEqualsOnlyToBeRefused() {
    assertEquals(List.of("invalid value for ping; expected a decimal number of milliseconds from 0 to"
            + " 31536000000 (a year), 0 for no pings"),
        ConfigParser.parse("example.org ping==5").errors().stream().map(ConfigError::problem).toList());
  }

  @Test
  void parsingTextAndItsUtf8BytesAgree() {
    String text = "example.org ping=1\nb.example hops=x\n";
    assertEquals(ConfigParser.parse(text), ConfigParser.parse(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> tokens(String text) {
    return ConfigParser.parse(text).errors().stream().map(ConfigError::token).toList();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  @Test
  void aFileOfTheMostBytesIsReadAndOneByteMoreIsRefusedWhole() {
    byte[] most = new byte[ConfigFile.MAX_BYTES];
    Arrays.fill(most, (byte) '\n');
    byte[] host = "127.0.0.1\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(host, 0, most, 0, host.length);
    assertTrue(ConfigParser.parse(most).valid());
    byte[] more = Arrays.copyOf(most, ConfigFile.MAX_BYTES + 1);
    assertEquals(List.of("larger than 16 MiB; expected a configuration of at most 16,777,216 bytes"),
        ConfigParser.parse(more).errorReport());
  }
}
