package cn.gov.wenzhou.kjj.registry.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What happened to a platform: the events of the {@link Platform} aggregate, in the order of its life.
 */
public sealed interface PlatformEvents {

    /**
     * The due date of {@code year}'s annual report has passed without one (年报未交): the platform is listed for registry
     * staff, who decide with the non-participation command whether the absence is justified.
     */
    record AnnualReportMissing(String platformId, String creditCode, int year, LocalDate dueOn,
                                   String parameterVersion, LocalDate listedOn) implements PlatformEvents {
    }

    /** The platform has not reported for {@code year}, due on {@code dueOn}: it is reminded (年报提醒). */
    record AnnualReportReminded(String platformId, String creditCode, int year, LocalDate dueOn,
                                    String parameterVersion, LocalDate remindedOn) implements PlatformEvents {
    }

    /**
     * The annual report of a year; {@code revision} counts submissions for that year (a later one replaces the
     * earlier).
     */
    record AnnualReportSubmitted(
            String platformId,
            String creditCode,
            int year,
            Indicators indicators,
            int revision,
            LocalDate submittedOn) implements PlatformEvents {
    }

    /** The platform did not take part in a year's evaluation; {@code reason} is given when justified. */
    record EvaluationNotAttended(
            String platformId,
            String creditCode,
            int year,
            boolean justified,
            String reason,
            LocalDate recordedOn) implements PlatformEvents {
    }

    /**
     * The address the platform's notices go to (通知邮箱). Personal-ish: kept in the event store and the mail outbox only,
     * never published, logged or put in a URL.
     */
    record NoticeAddressSet(String platformId, String address, LocalDate setOn) implements PlatformEvents {

        @Override
        public String toString() {
            return "NoticeAddressSet[" + platformId + ", " + setOn + "]";
        }
    }

    /** A year's evaluation result, with the parameter version whose thresholds gave the grade. */
    record PlatformEvaluated(
            String platformId,
            String creditCode,
            int year,
            Grade grade,
            BigDecimal score,
            String parameterVersion,
            LocalDate evaluatedOn) implements PlatformEvents {
    }

    /** A platform that had been revoked was recognized again after re-applying. */
    record PlatformReRecognized(
            String platformId,
            String creditCode,
            Level level,
            String documentNumber,
            LocalDate recognizedOn) implements PlatformEvents {
    }

    /** The bureau recognized the platform (认定) at a level. */
    record PlatformRecognized(
            String platformId,
            String creditCode,
            Level level,
            String documentNumber,
            LocalDate recognizedOn) implements PlatformEvents {
    }

    /**
     * A platform entered the registry as an applicant; {@code industryTableVersion} is the code table used.
     * Revision 2 added that version; events stored as revision 1 (the first release, one fixed code table) are upcast
     * by
     * {@link PlatformRegisteredUpcaster}.
     */
    @Revision(PlatformRegistered.REVISION)
    record PlatformRegistered(
            String platformId,
            String creditCode,
            String name,
            District district,
            String industry,
            String industryTableVersion,
            LegalForm legalForm,
            LeadModel leadModel,
            List<String> hosts,
            LocalDate registeredOn) implements PlatformEvents {

        public static final String REVISION = "2";
    }

    /** The platform moved to a higher level. */
    record PlatformUpgraded(
            String platformId,
            String creditCode,
            Level fromLevel,
            Level toLevel,
            String documentNumber,
            LocalDate upgradedOn) implements PlatformEvents {
    }

    /** A revoked platform re-applied after the bar; it awaits recognition again. */
    record ReapplicationAccepted(
            String platformId,
            String creditCode,
            LocalDate appliedOn) implements PlatformEvents {
    }

    /** A re-application inside the two-year bar was refused; it reopens on {@code reopensOn}. */
    record ReapplicationRefused(
            String platformId,
            String creditCode,
            LocalDate attemptedOn,
            LocalDate reopensOn) implements PlatformEvents {
    }

    /** Municipal recognition revoked; re-application is barred until {@code reapplicationOpensOn}. */
    record RecognitionRevoked(
            String platformId,
            String creditCode,
            RevocationReason reason,
            int basisYear,
            LocalDate revokedOn,
            LocalDate reapplicationOpensOn) implements PlatformEvents {
    }

    /** The rectification of a failed year was confirmed done. */
    record RectificationConfirmed(
            String platformId,
            String creditCode,
            int year,
            LocalDate confirmedOn) implements PlatformEvents {
    }

    /**
     * A rectification notice (整改通知) for a failed year, supervised by the district's authority, to be done by
     * {@code deadline} under obligation parameters {@code parameterVersion} (both absent on notices issued before the
     * deadlines existed: their deadline follows from the version in force on the issue date).
     */
    record RectificationIssued(
            String platformId,
            String creditCode,
            int year,
            String supervisingAuthority,
            LocalDate issuedOn,
            LocalDate deadline,
            String parameterVersion) implements PlatformEvents {
    }

    /**
     * A rectification's deadline passed unconfirmed: listed for follow-up by the district authority named on the notice
     * (整改跟进).
     */
    record RectificationOverdue(String platformId, String creditCode, int year, LocalDate deadline,
                                    String supervisingAuthority, LocalDate listedOn) implements PlatformEvents {
    }

    /** A rectification not yet confirmed approaches its deadline: the platform is reminded (整改提醒). */
    record RectificationReminded(String platformId, String creditCode, int year, LocalDate deadline,
                                     String supervisingAuthority, LocalDate remindedOn) implements PlatformEvents {
    }
}
