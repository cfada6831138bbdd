package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A project this platform received was accepted or terminated and closed. */
public record RecordFundedProjectClosed(
        String platformId,
        String projectId,
        String outcome,
        LocalDate closedOn,
        String sourceEventId) {

    /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
    @TargetAggregateIdentifier
    public String recordId() {
        return PlatformRecord.idOf(platformId);
    }
}
