package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** funding-service recovered (追回) disbursed funds from this platform. */
public record RecordProjectFundsRecovered(
        @TargetAggregateIdentifier String platformId,
        String projectId,
        long amountFen,
        LocalDate recoveredOn,
        String sourceEventId) {
}
