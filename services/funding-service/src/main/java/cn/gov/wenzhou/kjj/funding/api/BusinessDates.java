package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;

import java.time.Clock;
import java.time.LocalDate;

/** Business dates of requests: today (Asia/Shanghai) when omitted, never in the future, never before 2000. */
final class BusinessDates {

    private BusinessDates() {
    }

    static LocalDate orToday(LocalDate date, String field, Clock clock) {
        LocalDate today = BusinessCalendar.today(clock);
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(field, "must not be in the future");
        }
        return Bounds.notBeforeMinimum(date, field);
    }
}
