package cn.gov.wenzhou.kjj.talent.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The pool in one year.
 *
 * @param quota     posts decided for the year; null if no quota has been set
 * @param admitted  posts taken by admissions dated in the year
 * @param exited    posts freed by exits dated in the year
 * @param taken     posts held at the end of the year (for the current year: now)
 * @param free      posts still free in the year's quota (never negative); null without a quota
 * @param overQuota posts held beyond a quota that was lowered below them (admissions wait until exits)
 */
public record PoolYearStatus(
        @Schema(example = "2026") int year,
        @Schema(example = "200") Integer quota,
        LocalDate quotaDecidedOn,
        @Schema(example = "市委编办核定") String quotaReason,
        @Schema(example = "37") int admitted,
        @Schema(example = "4") int exited,
        @Schema(example = "151") int taken,
        @Schema(example = "49") Integer free,
        @Schema(example = "0") int overQuota) {
}
