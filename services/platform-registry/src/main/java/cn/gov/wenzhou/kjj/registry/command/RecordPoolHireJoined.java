package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** talent-pool-service admitted a hire employed by this platform (no personal data). */
public record RecordPoolHireJoined(
        String platformId,
        String enrollmentId,
        String field,
        String titleLevel,
        LocalDate admittedOn,
        String sourceEventId) {

    /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
    @TargetAggregateIdentifier
    public String recordId() {
        return PlatformRecord.idOf(platformId);
    }
}
