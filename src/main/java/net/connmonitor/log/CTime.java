package net.connmonitor.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** C {@code ctime} layout without its newline, e.g. {@code Tue Nov  3 09:05:07 2026}: English names whatever the locale. */
public final class CTime {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private CTime() {
  }

  public static String format(Instant at, ZoneId zone) {
    ZonedDateTime time = at.atZone(zone);
    return String.format(Locale.ROOT, "%s %s %2d %02d:%02d:%02d %d",
        DAYS[time.getDayOfWeek().ordinal()], MONTHS[time.getMonthValue() - 1], time.getDayOfMonth(),
        time.getHour(), time.getMinute(), time.getSecond(), time.getYear());
  }
}
