package net.connmonitor.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import net.connmonitor.probe.PingStats;
import net.connmonitor.record.MonitorRecord;
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

  private static MonitorRecord record(String name, String address, PingStats stats) {
    return new MonitorRecord(new Target(name, address), MEASURED, stats);
  }
}
