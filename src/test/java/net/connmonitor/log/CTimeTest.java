package net.connmonitor.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CTimeTest {

  @Test
  void aOneDigitDayIsPaddedWithASpace() {
    assertEquals("Tue Nov  3 09:05:07 2026", CTime.format(Instant.parse("2026-11-03T08:05:07.999Z"),
        ZoneId.of("Europe/Berlin")));
  }

  @Test
  void aTwoDigitDayFillsTheField() {
    assertEquals("Wed Nov 25 23:59:59 2026", CTime.format(Instant.parse("2026-11-25T23:59:59Z"), ZoneOffset.UTC));
  }

  @Test
  void theZoneDecidesTheDate() {
    Instant newYearsEveUtc = Instant.parse("2026-12-31T23:30:00Z");
    assertEquals("Thu Dec 31 23:30:00 2026", CTime.format(newYearsEveUtc, ZoneOffset.UTC));
    assertEquals("Fri Jan  1 08:30:00 2027", CTime.format(newYearsEveUtc, ZoneId.of("Asia/Tokyo")));
  }

  @Test
  void namesAreEnglishWhateverTheLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("Sun May 10 00:00:00 2026", CTime.format(Instant.parse("2026-05-10T00:00:00Z"), ZoneOffset.UTC));
    } finally {
      Locale.setDefault(original);
    }
  }
}
