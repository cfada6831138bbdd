package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Recorded from funding-service: a project won, as lead (with its award) or as partner of a joint bid. */
public record FundedProjectWon(
        String platformId,
        String projectId,
        String callId,
        String title,
        ProjectRole role,
        long awardFen,
        LocalDate awardedOn,
        String sourceEventId) {
}
