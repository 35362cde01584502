package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.NetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

  @ParameterizedTest
  @CsvSource({
      "192.0.2.7, 4", "0.0.0.0, 4", "255.255.255.255, 4", "10.0.0.1, 4",
      "::1, 6", "::, 6", "2001:db8::1, 6", "2001:DB8:0:0:0:0:0:1, 6", "1:2:3:4:5:6:7::, 6", "0001:db8::0001, 6",
      "::ffff:192.0.2.7, 6", "::192.0.2.7, 6", "64:ff9b::192.0.2.7, 6", "1:2:3:4:5:6:192.0.2.7, 6",
      "fe80::1%eth0, 6", "fe80::1%2, 6", "fe80::1%enp0s31f6, 6", "fe80::1%br-lan.10, 6"})
  void literalsOfEachFamily(String text, int family) {
    assertEquals(family == 4, IpLiteral.isIpv4(text), text);
    assertEquals(family == 6, IpLiteral.isIpv6(text), text);
    assertTrue(IpLiteral.isAddress(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "1.2.3", "1.2.3.4.", "1.2.3.4.5", "256.1.1.1", "1..2.3", ".", "10", "1.2.3.4a", " 1.2.3.4",
      "1.2.3.010", "01.2.3.4", "1.2.3.00",
      "[::1]", "[2001:db8::1]", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", ":1::",
      "fe80::1%", "::1%eth/0", "::1%eth 0", "::ffff:1.2.3", "::ffff:192.0.2.256", "::ffff:192.0.2.07",
      "1:2:3:4:5:6:7:192.0.2.7", "example.org", "host%eth0"})
  void whatIsNoLiteral(String text) {
    assertFalse(IpLiteral.isAddress(text), text);
  }

  /** The guards refuse what Netty lets through: each of these is a literal to NetUtil. */
  @Test
  void theGuardsAreWhatNettyLacks() {
    assertTrue(NetUtil.isValidIpV4Address("010.0.0.1"));
    assertFalse(IpLiteral.isIpv4("010.0.0.1"));
    assertTrue(NetUtil.isValidIpV6Address("[::1]"));
    assertFalse(IpLiteral.isIpv6("[::1]"));
    assertTrue(NetUtil.isValidIpV6Address("fe80::1%"));
    assertFalse(IpLiteral.isIpv6("fe80::1%"));
    assertTrue(NetUtil.isValidIpV6Address("::ffff:010.0.0.1"));
    assertFalse(IpLiteral.isIpv6("::ffff:010.0.0.1"));
    assertFalse(NetUtil.isValidIpV6Address("64:ff9b::192.0.2.7"));
    assertTrue(IpLiteral.isIpv6("64:ff9b::192.0.2.7"));
  }

  @Test
  void canonicalIsTheFormTheSystemListsItsAddressesIn() {
    assertEquals("2001:db8::1", IpLiteral.canonical("2001:DB8:0:0:0:0:0:1"));
    assertEquals("192.0.2.7", IpLiteral.canonical("192.0.2.7"));
    // An IPv4-mapped address is the IPv4 address, as a socket bound to it is.
    assertEquals("192.0.2.7", IpLiteral.canonical("::ffff:192.0.2.7"));
  }
}
