package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A pool hire employed by this platform left the pool (no personal data). */
public record RecordPoolHireLeft(
        @TargetAggregateIdentifier String platformId,
        String enrollmentId,
        String reason,
        LocalDate exitedOn,
        String sourceEventId) {
}
