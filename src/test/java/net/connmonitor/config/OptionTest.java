package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
        Optional.empty(), Optional.empty(), Family.ANY, List.of(), 0, Vantages.ALL, Optional.empty(), 0),
        Arrays.stream(Option.values()).map(Option::defaultValue).toList());
  }

  @Test
  void eachNumberOrFlagDefaultIsAnAcceptedValueOfItsKind() throws Option.RefusedValueException {
    for (Option option : Option.values()) {
      Class<?> type = switch (option.kind()) {
        case DECIMAL -> Double.class;
        case INTEGER -> Integer.class;
        case FLAG -> Boolean.class;
        case LABELS, ADDRESS, INTERFACE, FAMILY, PORTS, VANTAGES, PING_RECORDS -> null;
      };
      if (type != null) {
        assertEquals(option.defaultValue(), option.parse(String.valueOf(option.defaultValue())), option.keyword());
        assertEquals(type, option.defaultValue().getClass(), option.keyword());
      }
    }
  }

  @Test
  void lookupIgnoresAsciiCaseOnly() {
    assertEquals(Optional.of(Option.NUMPINGS), Option.byKeyword("NumPings"));
    assertEquals(Optional.empty(), Option.byKeyword("pings"));
    assertEquals(Optional.empty(), Option.byKeyword("\u017Fcan"));
  }
}
