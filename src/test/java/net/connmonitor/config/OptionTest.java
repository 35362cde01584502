package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OptionTest {

  @Test
  void keywordsFollowTheSpecificationTable() {
    assertEquals("ping, numpings, payload, trace, hops, scan, json, timestamp, timeout, labels, source, interface, "
        + "family, tcp, tos, from, pingrecords, hopstats", Option.keywords());
  }

  @Test
  void defaults() {
    assertEquals(Arrays.asList(500.0, 10, 41, 0.0, 30, 0.0, false, true, 2000.0, Collections.emptySortedMap(),
        Optional.empty(), Optional.empty(), FamilyChoice.ANY, List.of(), 0, Vantages.ALL, Optional.empty(), 0),
        Option.all().stream().map(Option::defaultValue).toList());
  }

  @Test
  void eachNumberOrFlagDefaultIsAnAcceptedValueOfItsType() throws ValueSyntax.RefusedValueException {
    Map<Option<?>, Class<?>> types = new LinkedHashMap<>();
    List.of(Option.PING, Option.TRACE, Option.SCAN, Option.TIMEOUT).forEach(option -> types.put(option, Double.class));
    List.of(Option.NUMPINGS, Option.PAYLOAD, Option.HOPS, Option.TOS)
        .forEach(option -> types.put(option, Integer.class));
    List.of(Option.JSON, Option.TIMESTAMP).forEach(option -> types.put(option, Boolean.class));
    for (Map.Entry<Option<?>, Class<?>> typed : types.entrySet()) {
      Option<?> option = typed.getKey();
      assertEquals(option.defaultValue(), option.parse(String.valueOf(option.defaultValue())), option.keyword());
      assertEquals(typed.getValue(), option.defaultValue().getClass(), option.keyword());
    }
  }

  /** What a host line carries between processes is each value as a line names it: it reads back as itself. */
  @Test
  void eachValueWrittenReadsBackAsItself() throws ValueSyntax.RefusedValueException {
    SortedMap<String, String> labels = new TreeMap<>();
    labels.put("Site", "eu:west-1");
    labels.put("team", "Ops");
    assertRoundTrip(Option.PING, 31_536_000_000.0);
    assertRoundTrip(Option.PING, 0.5);
    assertRoundTrip(Option.TIMEOUT, 1e-3);
    assertRoundTrip(Option.NUMPINGS, 65535);
    assertRoundTrip(Option.JSON, true);
    assertRoundTrip(Option.LABELS, labels);
    assertRoundTrip(Option.SOURCE, Optional.of("2001:db8::1"));
    assertRoundTrip(Option.INTERFACE, Optional.of("Cmt0"));
    assertRoundTrip(Option.FAMILY, FamilyChoice.BOTH);
    assertRoundTrip(Option.TCP, List.of(22, 443));
    assertRoundTrip(Option.FROM, Vantages.parse("Site-A,site-b").orElseThrow());
    assertRoundTrip(Option.PINGRECORDS, Optional.of(PingRecords.CHANGES));
    assertEquals("31536000000", Option.PING.written(31_536_000_000.0));
  }

  /** Each range is said from the bounds the reader checks. */
  @Test
  void phrasesComeFromTheBounds() {
    assertEquals("a decimal number of milliseconds from 0 to 31536000000 (a year), 0 for no pings",
        Option.PING.accepted());
    assertEquals("a decimal number of milliseconds greater than 0 and at most 3600000 (an hour)",
        Option.TIMEOUT.accepted());
    assertEquals("an integer number of bytes from 1 to 65507 (the most that fits one IPv4 datagram after its 20-byte"
        + " IP and 8-byte ICMP headers)", Option.PAYLOAD.accepted());
    assertEquals("1 to 4 TCP port numbers from 1 to 65535, comma-separated, each once", Option.TCP.accepted());
  }

  @Test
  void lookupIgnoresAsciiCaseOnly() {
    assertEquals(Optional.of(Option.NUMPINGS), Option.byKeyword("NumPings"));
    assertEquals(Optional.empty(), Option.byKeyword("pings"));
    assertEquals(Optional.empty(), Option.byKeyword("\u017Fcan"));
  }

  private static <T> void assertRoundTrip(Option<T> option, T value) throws ValueSyntax.RefusedValueException {
    assertEquals(value, option.parse(option.written(value)), option.keyword());
  }
}
