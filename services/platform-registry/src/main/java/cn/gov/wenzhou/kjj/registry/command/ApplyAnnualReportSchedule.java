package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sent by the obligation sweep: apply a year's annual-report schedule as of {@code today} — remind a platform that
 * has not reported in the days before the due date, list it as missing after. The platform decides, so sending it
 * twice (two sweeps, a restart) records each step once.
 */
public record ApplyAnnualReportSchedule(@TargetAggregateIdentifier String platformId, int year, LocalDate today) {
}
