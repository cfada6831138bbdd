package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.time.LocalDate;

/** Dates in requests are business dates: absent means today, a future one is a {@code 400}. */
final class BusinessDates {

    private BusinessDates() {
    }

    static LocalDate notInFuture(LocalDate date, String field, LocalDate today) {
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(field, "is in the future");
        }
        return date;
    }
}
