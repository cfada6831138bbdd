package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** funding-service paid a tranche of a project this platform receives. */
public record RecordProjectFundsReceived(
        String platformId,
        String projectId,
        int trancheNumber,
        long amountFen,
        LocalDate disbursedOn,
        String sourceEventId) {

    /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
    @TargetAggregateIdentifier
    public String recordId() {
        return PlatformRecord.idOf(platformId);
    }
}
