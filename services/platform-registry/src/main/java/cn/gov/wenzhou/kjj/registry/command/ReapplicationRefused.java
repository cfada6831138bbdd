package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** A re-application inside the two-year bar was refused; it reopens on {@code reopensOn}. */
public record ReapplicationRefused(
        String platformId,
        String creditCode,
        LocalDate attemptedOn,
        LocalDate reopensOn) {
}
