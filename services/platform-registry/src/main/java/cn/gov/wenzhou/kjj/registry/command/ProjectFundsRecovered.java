package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Recorded from funding-service: funds recovered from this platform. */
public record ProjectFundsRecovered(
        String platformId,
        String projectId,
        long amountFen,
        LocalDate recoveredOn,
        String sourceEventId) {
}
