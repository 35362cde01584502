package net.connmonitor.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import net.connmonitor.probe.Measurement;
import net.connmonitor.probe.PingStats;
import net.connmonitor.record.MonitorRecord;
import net.connmonitor.record.SampleMeasurements;
import net.connmonitor.record.Target;
import org.junit.jupiter.api.Test;

class PlainTextFormatterTest {

  private static final Instant MEASURED = Instant.parse("2026-11-03T09:05:06.900Z");
  private static final Optional<Instant> PRINTED = Optional.of(Instant.parse("2026-11-03T09:05:07.250Z"));
  private static final PingStats STATS = new PingStats(0.021, 0.034, 0.051, 0.012, 0);

  private final PlainTextFormatter formatter = new PlainTextFormatter(ZoneOffset.UTC);

  @Test
  void nameAddressTimeAndStatistics() {
    assertEquals("localhost 127.0.0.1\nTue Nov  3 09:05:07 2026\n0.021\t0.034\t0.051\t0.012\t0.000\n",
        formatter.format(record("localhost", "127.0.0.1", STATS), PRINTED));
  }

  @Test
  void withoutTimestampThereIsNoTimeLine() {
    assertEquals("localhost 127.0.0.1\n0.021\t0.034\t0.051\t0.012\t0.000\n",
        formatter.format(record("localhost", "127.0.0.1", STATS), Optional.empty()));
  }

  @Test
  void anAddressTypedAsTheHostIsPrintedOnce() {
    assertEquals("127.0.0.1\nTue Nov  3 09:05:07 2026\n0.021\t0.034\t0.051\t0.012\t0.000\n",
        formatter.format(record("127.0.0.1", "127.0.0.1", STATS), PRINTED));
    assertEquals("::1\n0.021\t0.034\t0.051\t0.012\t0.000\n",
        formatter.format(record("::1", "::1", STATS), Optional.empty()));
    assertEquals("ip6-localhost ::1\n0.021\t0.034\t0.051\t0.012\t0.000\n",
        formatter.format(record("ip6-localhost", "::1", STATS), Optional.empty()));
  }

  @Test
  void inAClusterTheNameLineSaysTheVantage() {
    MonitorRecord measured =
        new MonitorRecord(new Target("web", "198.18.10.2"), MEASURED, STATS, Optional.of("site-a"));
    assertEquals("web 198.18.10.2 from site-a\n0.021\t0.034\t0.051\t0.012\t0.000\n",
        formatter.format(measured, Optional.empty()));
  }

  @Test
  void everythingLost() {
    assertEquals("192.0.2.7\nTue Nov  3 09:05:07 2026\n-1.000\t-1.000\t-1.000\t-1.000\t100.000\n",
        formatter.format(record("192.0.2.7", "192.0.2.7", PingStats.ALL_LOST), PRINTED));
  }

  @Test
  void threeDecimalsRoundedWithADotWhateverTheLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      PingStats stats = new PingStats(0.0004, 1.23456, 12345678.9, 0.0996, 100.0 / 3);
      assertEquals("h\n0.000\t1.235\t12345678.900\t0.100\t33.333\n",
          formatter.format(record("h", "h", stats), Optional.empty()));
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void aTraceHasOneLinePerStepAndAStarForASilentOne() {
    assertEquals("web 2001:db8:0:10::2\nTue Nov  3 09:05:07 2026\n"
            + "198.18.0.2\t0.412\n*\n2001:db8:0:10::2\t3.902\n",
        formatter.format(record("web", "2001:db8:0:10::2", SampleMeasurements.TRACE), PRINTED));
  }

  @Test
  void aScanIsOneLineWithNoneForAServiceThatDidNotAnswer() {
    assertEquals("web 198.18.10.2\n1.235, 200, nginx/1.22.1\tNone\t0.500, 10.11.6-MariaDB-0+deb12u1\n",
        formatter.format(record("web", "198.18.10.2", SampleMeasurements.SCAN), Optional.empty()));
    assertEquals("web 198.18.10.2\nNone\tNone\tNone\n",
        formatter.format(record("web", "198.18.10.2", SampleMeasurements.NOTHING_ANSWERED), Optional.empty()));
  }

  @Test
  void anHttpsAnswerEndsWithItsTlsFacts() {
    assertEquals("web 198.18.10.2\nNone\t3.500, 200, nginx/1.22.1, TLSv1.2, expires 2026-11-30T00:53:20Z, does not "
            + "verify: self-signed certificate (CN=cmt-web) that the system does not trust\tNone\n",
        formatter.format(record("web", "198.18.10.2", SampleMeasurements.TLS), Optional.empty()));
  }

  @Test
  void aTcpPingHasALinePerPortWithItsRefusals() {
    assertEquals("web 198.18.10.2\n80\t0.125\t0.292\t0.500\t0.191\t25.000\t0\n"
            + "443\t-1.000\t-1.000\t-1.000\t-1.000\t0.000\t4\n3306\t-1.000\t-1.000\t-1.000\t-1.000\t100.000\t0\n",
        formatter.format(record("web", "198.18.10.2", SampleMeasurements.TCP), Optional.empty()));
  }

  @Test
  void hopStatisticsHaveALinePerHopWithMtrsColumns() {
    assertEquals("lossy 198.18.11.2\nTue Nov  3 09:05:07 2026\n"
            + "1\t198.18.0.2\t0.000\t10\t0.025\t0.016\t0.006\t0.033\t0.009\n"
            + "2\t*\t100.000\t10\t-1.000\t-1.000\t-1.000\t-1.000\t-1.000\n"
            + "3\t198.18.11.2\t30.000\t10\t0.016\t0.013\t0.008\t0.022\t0.004\n",
        formatter.format(record("lossy", "198.18.11.2", SampleMeasurements.HOPS), PRINTED));
  }

  private static MonitorRecord record(String name, String address, Measurement stats) {
    return new MonitorRecord(new Target(name, address), MEASURED, stats);
  }
}
