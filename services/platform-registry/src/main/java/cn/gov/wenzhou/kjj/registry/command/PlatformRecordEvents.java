package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/**
 * What other services reported about a platform, as its {@link PlatformRecord} keeps it.
 */
public sealed interface PlatformRecordEvents {

    /** The platform the fact is about. */
    String platformId();

    /** What makes the fact count once, however often it is reported: the same key is the same fact. */
    String naturalKey();

    /** Recorded from funding-service: a project of this platform closed. */
    record FundedProjectClosed(
            String platformId,
            String projectId,
            String outcome,
            LocalDate closedOn,
            String sourceEventId) implements PlatformRecordEvents {
        @Override
        public String naturalKey() {
            return "closed:" + projectId;
        }
    }

    /** Recorded from funding-service: a project won, as lead (with its award) or as partner of a joint bid. */
    record FundedProjectWon(
            String platformId,
            String projectId,
            String callId,
            String title,
            ProjectRole role,
            long awardFen,
            LocalDate awardedOn,
            String sourceEventId) implements PlatformRecordEvents {
        @Override
        public String naturalKey() {
            return "project:" + projectId;
        }
    }

    /** Recorded from talent-pool-service: a hire of this platform joined the staffing pool. No personal data. */
    record PoolHireJoined(
            String platformId,
            String enrollmentId,
            String field,
            String titleLevel,
            LocalDate admittedOn,
            String sourceEventId) implements PlatformRecordEvents {
        @Override
        public String naturalKey() {
            return "joined:" + enrollmentId;
        }
    }

    /** Recorded from talent-pool-service: a hire of this platform left the staffing pool. No personal data. */
    record PoolHireLeft(
            String platformId,
            String enrollmentId,
            String reason,
            LocalDate exitedOn,
            String sourceEventId) implements PlatformRecordEvents {
        @Override
        public String naturalKey() {
            return "left:" + enrollmentId;
        }
    }

    /** Recorded from funding-service: a tranche paid to this platform. */
    record ProjectFundsReceived(
            String platformId,
            String projectId,
            int trancheNumber,
            long amountFen,
            LocalDate disbursedOn,
            String sourceEventId) implements PlatformRecordEvents {
        @Override
        public String naturalKey() {
            return "tranche:" + projectId + "#" + trancheNumber;
        }
    }

    /** Recorded from funding-service: funds recovered from this platform. */
    record ProjectFundsRecovered(
            String platformId,
            String projectId,
            long amountFen,
            LocalDate recoveredOn,
            String sourceEventId) implements PlatformRecordEvents {
        @Override
        public String naturalKey() {
            return "recovery:" + sourceEventId;
        }
    }
}
