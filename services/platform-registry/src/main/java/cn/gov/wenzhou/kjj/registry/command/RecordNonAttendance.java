package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records that a platform did not take part in a year's evaluation, with or without a justified reason. */
public record RecordNonAttendance(
        @TargetAggregateIdentifier String platformId,
        int year,
        boolean justified,
        String reason,
        LocalDate recordedOn) {
}
