package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/**
 * The due date of {@code year}'s annual report has passed without one (年报未交): the platform is listed for registry
 * staff, who decide with the non-participation command whether the absence is justified.
 */
public record AnnualReportMissing(String platformId, String creditCode, int year, LocalDate dueOn,
                                  String parameterVersion, LocalDate listedOn) {
}
