package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** funding-service awarded a project this platform leads or partners in. */
public record RecordFundedProjectWon(
        String platformId,
        String projectId,
        String callId,
        String title,
        ProjectRole role,
        long awardFen,
        LocalDate awardedOn,
        String sourceEventId) {

    /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
    @TargetAggregateIdentifier
    public String recordId() {
        return PlatformRecord.idOf(platformId);
    }
}
