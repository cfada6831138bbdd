package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** funding-service recovered (追回) disbursed funds from this platform. */
public record RecordProjectFundsRecovered(
        String platformId,
        String projectId,
        long amountFen,
        LocalDate recoveredOn,
        String sourceEventId) {

    /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
    @TargetAggregateIdentifier
    public String recordId() {
        return PlatformRecord.idOf(platformId);
    }
}
