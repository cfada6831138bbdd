package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Recorded from funding-service: a tranche paid to this platform. */
public record ProjectFundsReceived(
        String platformId,
        String projectId,
        int trancheNumber,
        long amountFen,
        LocalDate disbursedOn,
        String sourceEventId) {
}
