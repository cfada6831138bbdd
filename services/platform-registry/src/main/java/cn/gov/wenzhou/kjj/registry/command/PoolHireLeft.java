package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/** Recorded from talent-pool-service: a hire of this platform left the staffing pool. No personal data. */
public record PoolHireLeft(
        String platformId,
        String enrollmentId,
        String reason,
        LocalDate exitedOn,
        String sourceEventId) {
}
