package net.connmonitor.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import net.connmonitor.config.FamilyChoice;
import org.junit.jupiter.api.Test;

class HostResolverTest {

  private static final InetAddress WEB_V6 = address("2001:db8:0:10::2");
  private static final InetAddress WEB_V4 = address("198.18.10.2");
  private static final InetAddress LOSSY_V4 = address("198.18.11.2");

  @Test
  void aNameWithOneAddressGoesWithoutSaying() {
    assertEquals(Optional.empty(), usual(WEB_V4, WEB_V4).choice("web", FamilyChoice.ANY));
  }

  @Test
  void ofSeveralAddressesTheMeasuredOneIsSaidWithWhy() {
    assertEquals(Optional.of("web has 3 addresses (2001:db8:0:10::2, 198.18.10.2, 198.18.11.2); measuring "
        + "198.18.10.2, the first IPv4 one the resolver gave (family=6 measures IPv6), and only it"),
        usual(WEB_V4, WEB_V6, WEB_V4, LOSSY_V4).choice("web", FamilyChoice.ANY));
    assertEquals(Optional.of("web has 2 addresses (198.18.10.2, 198.18.11.2); measuring 198.18.10.2, the first the "
        + "resolver gave, and only it"),
        usual(WEB_V4, WEB_V4, LOSSY_V4).choice("web", FamilyChoice.V4));
  }

  @Test
  void aLiteralIsItsOwnOnlyCandidate() throws Exception {
    assertEquals(new HostResolver.Resolution(WEB_V6, List.of(WEB_V6), HostResolver.REFRESH_MS),
        HostResolver.literal("2001:db8:0:10::2", FamilyChoice.ANY));
  }

  @Test
  void aNameServersAnswerIsLookedUpAgainWhenItsTtlRunsOutWithinASecondAndFiveMinutes() throws Exception {
    assertEquals(2_000, refreshAfter(2));
    assertEquals(1_000, refreshAfter(0));
    assertEquals(300_000, refreshAfter(301));
    assertEquals(300_000, refreshAfter(86_400));
  }

  @Test
  void aNameInTheHostsFileIsLookedUpAgainEveryFiveMinutesAndMeasuredAtItsFirstIpv4Address() throws Exception {
    assertEquals(new HostResolver.Resolution(WEB_V4, List.of(WEB_V6, WEB_V4), 300_000),
        HostResolver.fromHostsFile("web", FamilyChoice.ANY, List.of(WEB_V6, WEB_V4)));
    assertEquals(new HostResolver.Resolution(WEB_V6, List.of(WEB_V6), 300_000),
        HostResolver.fromHostsFile("web", FamilyChoice.V6, List.of(WEB_V6, WEB_V4)));
  }

  /** A resolution looked up again at the usual period. */
  private static HostResolver.Resolution usual(InetAddress measured, InetAddress... candidates) {
    return new HostResolver.Resolution(measured, List.of(candidates), HostResolver.REFRESH_MS);
  }

  private static long refreshAfter(long ttlSeconds) throws UnknownHostException {
    return HostResolver.fromNameServer("web", FamilyChoice.ANY, new NameServers.Answer(List.of(WEB_V4), ttlSeconds))
        .refreshMs();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
