package cn.gov.wenzhou.kjj.registry.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What may be asked of a platform: the commands the {@link Platform} aggregate decides.
 */
public sealed interface PlatformCommands {

    /**
     * Sent by the obligation sweep: apply a year's annual-report schedule as of {@code today} — remind a platform that
     * has not reported in the days before the due date, list it as missing after. The platform decides, so sending it
     * twice (two sweeps, a restart) records each step once.
     */
    record ApplyAnnualReportSchedule(@TargetAggregateIdentifier String platformId, int year, LocalDate today)
            implements PlatformCommands {
    }

    /**
     * Sent by the obligation sweep: apply a rectification notice's deadline as of {@code today} — remind before it,
     * list
     * the rectification for the district authority's follow-up once it has passed unconfirmed. Idempotent.
     */
    record ApplyRectificationSchedule(@TargetAggregateIdentifier String platformId, int year, LocalDate today)
            implements PlatformCommands {
    }

    /** Confirms that the rectification for a failed year is done (整改到位). */
    record ConfirmRectification(
            @TargetAggregateIdentifier String platformId,
            int year,
            LocalDate confirmedOn) implements PlatformCommands {
    }

    /** Issued by the evaluation rules after a FAIL: a rectification notice (整改通知). Idempotent. */
    record IssueRectification(
            @TargetAggregateIdentifier String platformId,
            int year,
            LocalDate issuedOn) implements PlatformCommands {
    }

    /**
     * A revoked platform applies for recognition again; inside the two-year bar the attempt is refused and recorded.
     */
    record ReapplyForRecognition(
            @TargetAggregateIdentifier String platformId,
            LocalDate attemptedOn) implements PlatformCommands {
    }

    /**
     * Records the bureau's recognition (认定) at a level; for a platform that re-applied after revocation, its
     * re-recognition.
     */
    record RecognizePlatform(
            @TargetAggregateIdentifier String platformId,
            Level level,
            String documentNumber,
            LocalDate recognizedOn,
            LocalDate today) implements PlatformCommands {
    }

    /**
     * Records a year's evaluation result. The grade follows from the score under {@code thresholds} (the version that
     * applies to the year, null when none does); a {@code claimedGrade} that disagrees is refused.
     */
    record RecordEvaluation(
            @TargetAggregateIdentifier String platformId,
            int year,
            BigDecimal score,
            Grade claimedGrade,
            GradeThresholds thresholds,
            LocalDate evaluatedOn) implements PlatformCommands {
    }

    /** Records that a platform did not take part in a year's evaluation, with or without a justified reason. */
    record RecordNonAttendance(
            @TargetAggregateIdentifier String platformId,
            int year,
            boolean justified,
            String reason,
            LocalDate recordedOn) implements PlatformCommands {
    }

    /** Registers a platform; it is then an applicant for recognition. The credit code is claimed for it for good. */
    record RegisterPlatform(
            @TargetAggregateIdentifier String platformId,
            String creditCode,
            String name,
            District district,
            String industry,
            String industryTableVersion,
            LegalForm legalForm,
            LeadModel leadModel,
            List<String> hosts,
            LocalDate registeredOn) implements PlatformCommands {
    }

    /** Issued by the evaluation rules: revokes municipal recognition (取消市级认定资格). Idempotent. */
    record RevokeRecognition(
            @TargetAggregateIdentifier String platformId,
            RevocationReason reason,
            int basisYear,
            LocalDate revokedOn) implements PlatformCommands {
    }

    /** Sets or changes the e-mail address the platform's notices go to. */
    record SetNoticeAddress(@TargetAggregateIdentifier String platformId, String address, LocalDate setOn)
            implements PlatformCommands {

        @Override
        public String toString() {
            return "SetNoticeAddress[" + platformId + ", " + setOn + "]";
        }
    }

    /** The annual report of a year's ten indicators; a resubmission before the year is evaluated replaces it. */
    record SubmitAnnualReport(
            @TargetAggregateIdentifier String platformId,
            int year,
            Indicators indicators,
            LocalDate submittedOn) implements PlatformCommands {
    }

    /** Moves a recognized platform to a higher level (e.g. municipal → provincial). */
    record UpgradePlatform(
            @TargetAggregateIdentifier String platformId,
            Level toLevel,
            String documentNumber,
            LocalDate upgradedOn,
            LocalDate today) implements PlatformCommands {
    }
}
