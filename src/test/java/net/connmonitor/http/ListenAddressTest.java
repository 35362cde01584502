package net.connmonitor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void anIpv4AddressAnIpv6AddressInBracketsOrEveryAddress() {
    assertEquals(new ListenAddress("127.0.0.1", 9100, "127.0.0.1:9100"), ListenAddress.parse("127.0.0.1:9100"));
    assertEquals(new ListenAddress("::1", 9100, "[::1]:9100"), ListenAddress.parse("[::1]:9100"));
    assertEquals(new ListenAddress("2001:db8::1", 1, "[2001:db8::1]:1"), ListenAddress.parse("[2001:db8::1]:1"));
    assertEquals(new ListenAddress("::", 65535, ":65535"), ListenAddress.parse(":65535"));
  }

  @Test
  void anythingElseSaysWhatIsWrongAndWhatIsAccepted() {
    String accepted = "; expected ADDRESS:PORT, [IPv6-ADDRESS]:PORT or :PORT";
    assertProblem("9100", "no :PORT");
    assertProblem("localhost:9100", "\"localhost\" is not an IPv4 address or an IPv6 address in brackets");
    assertProblem("::1:9100", "\"::1\" is not an IPv4 address or an IPv6 address in brackets");
    assertProblem("010.0.0.1:9100", "\"010.0.0.1\" is not an IPv4 address or an IPv6 address in brackets");
    assertProblem("[[::1]]:9100", "\"[[::1]]\" is not an IPv4 address or an IPv6 address in brackets");
    assertProblem("[::1]9100", "the port \"1]9100\" is not a number");
    assertProblem("127.0.0.1:", "the port \"\" is not a number");
    assertProblem("127.0.0.1:http", "the port \"http\" is not a number");
    assertProblem("127.0.0.1:+80", "the port \"+80\" is not a number");
    assertProblem("127.0.0.1:0", "the port 0 is outside 1..65535");
    assertProblem(":65536", "the port 65536 is outside 1..65535");
    assertEquals("--listen \"x\": no :PORT" + accepted,
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("x")).getMessage());
  }

  private static void assertProblem(String text, String problem) {
    String message = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(text)).getMessage();
    assertEquals("--listen \"" + text + "\": " + problem
        + "; expected ADDRESS:PORT, [IPv6-ADDRESS]:PORT or :PORT", message);
  }
}
