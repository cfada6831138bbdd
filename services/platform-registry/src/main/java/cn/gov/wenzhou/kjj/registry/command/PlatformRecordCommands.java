package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The facts other services report about a platform, for its {@link PlatformRecord}: each counted once.
 */
public sealed interface PlatformRecordCommands {

    /** A project this platform received was accepted or terminated and closed. */
    record RecordFundedProjectClosed(
            String platformId,
            String projectId,
            String outcome,
            LocalDate closedOn,
            String sourceEventId) implements PlatformRecordCommands {

        /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
        @TargetAggregateIdentifier
        public String recordId() {
            return PlatformRecord.idOf(platformId);
        }
    }

    /** funding-service awarded a project this platform leads or partners in. */
    record RecordFundedProjectWon(
            String platformId,
            String projectId,
            String callId,
            String title,
            ProjectRole role,
            long awardFen,
            LocalDate awardedOn,
            String sourceEventId) implements PlatformRecordCommands {

        /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
        @TargetAggregateIdentifier
        public String recordId() {
            return PlatformRecord.idOf(platformId);
        }
    }

    /** talent-pool-service admitted a hire employed by this platform (no personal data). */
    record RecordPoolHireJoined(
            String platformId,
            String enrollmentId,
            String field,
            String titleLevel,
            LocalDate admittedOn,
            String sourceEventId) implements PlatformRecordCommands {

        /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
        @TargetAggregateIdentifier
        public String recordId() {
            return PlatformRecord.idOf(platformId);
        }
    }

    /** A pool hire employed by this platform left the pool (no personal data). */
    record RecordPoolHireLeft(
            String platformId,
            String enrollmentId,
            String reason,
            LocalDate exitedOn,
            String sourceEventId) implements PlatformRecordCommands {

        /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
        @TargetAggregateIdentifier
        public String recordId() {
            return PlatformRecord.idOf(platformId);
        }
    }

    /** funding-service paid a tranche of a project this platform receives. */
    record RecordProjectFundsReceived(
            String platformId,
            String projectId,
            int trancheNumber,
            long amountFen,
            LocalDate disbursedOn,
            String sourceEventId) implements PlatformRecordCommands {

        /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
        @TargetAggregateIdentifier
        public String recordId() {
            return PlatformRecord.idOf(platformId);
        }
    }

    /** funding-service recovered (追回) disbursed funds from this platform. */
    record RecordProjectFundsRecovered(
            String platformId,
            String projectId,
            long amountFen,
            LocalDate recoveredOn,
            String sourceEventId) implements PlatformRecordCommands {

        /** Recorded apart from the platform's own history (see {@link PlatformRecord}). */
        @TargetAggregateIdentifier
        public String recordId() {
            return PlatformRecord.idOf(platformId);
        }
    }
}
