package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Recorded from funding-service: a project of this platform closed. */
public record FundedProjectClosed(
        String platformId,
        String projectId,
        String outcome,
        LocalDate closedOn,
        String sourceEventId) {
}
