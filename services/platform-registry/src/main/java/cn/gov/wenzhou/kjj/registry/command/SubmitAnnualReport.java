package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The annual report of a year's ten indicators; a resubmission before the year is evaluated replaces it. */
public record SubmitAnnualReport(
        @TargetAggregateIdentifier String platformId,
        int year,
        Indicators indicators,
        LocalDate submittedOn) {
}
