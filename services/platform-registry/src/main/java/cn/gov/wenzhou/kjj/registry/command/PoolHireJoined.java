package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Recorded from talent-pool-service: a hire of this platform joined the staffing pool. No personal data. */
public record PoolHireJoined(
        String platformId,
        String enrollmentId,
        String field,
        String titleLevel,
        LocalDate admittedOn,
        String sourceEventId) {
}
