package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A pool hire employed by this platform left the pool (no personal data). */
public record RecordPoolHireLeft(
        String platformId,
        String enrollmentId,
        String reason,
        LocalDate exitedOn,
        String sourceEventId) {

    /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
    @TargetAggregateIdentifier
    public String recordId() {
        return PlatformRecord.idOf(platformId);
    }
}
