package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** The platform has not reported for {@code year}, due on {@code dueOn}: it is reminded (年报提醒). */
public record AnnualReportReminded(String platformId, String creditCode, int year, LocalDate dueOn,
                                   String parameterVersion, LocalDate remindedOn) {
}
