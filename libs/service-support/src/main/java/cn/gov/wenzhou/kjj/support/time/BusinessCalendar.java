package cn.gov.wenzhou.kjj.support.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates (recognition, evaluation years, hire dates) are Wenzhou dates. */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The Wenzhou date of an instant (an event's timestamp, say). */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The last instant of a business day in Wenzhou: everything recorded that day is at or before it. */
    public static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1);
    }

    public static int currentYear(Clock clock) {
        return today(clock).getYear();
    }
}
