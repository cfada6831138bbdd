package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.support.history.AsOfReplay;
import cn.gov.wenzhou.kjj.talent.command.EncryptedPersonalData;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.AdmissionApprovedByCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationForwardedToCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationRejected;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationWithdrawn;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.EnrollmentApplied;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireAdmitted;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireExited;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PeriodicReviewRecorded;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PersonalDataErased;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.RejectionStage;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentState;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enrollment as it stood at a past instant, replayed from the event store itself ({@link AsOfReplay}), never from
 * the view: the same row the {@code enrollments} view holds, as it was then. Personal data stays as the events carry
 * it, encrypted; the API shows it only as the caller may see it today (an erased person stays erased in the past).
 */
@Component
public class EnrollmentAsOf {

    private final EventStore eventStore;

    public EnrollmentAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The enrollment's row as of {@code at}; 404 for an unknown enrollment or one applied for later. */
    public Replayed asOf(String enrollmentId, Instant at) {
        Fold fold = new Fold();
        AsOfReplay.Replayed replayed = AsOfReplay.replay(eventStore, enrollmentId, EnrollmentApplied.class,
                "enrollment", at, fold::apply);
        return new Replayed(replayed, fold.row());
    }

    public record Replayed(AsOfReplay.Replayed replay, EnrollmentRow row) {
    }

    /** The fold: one mutable accumulator per replay, never shared. */
    private static final class Fold {
        private EnrollmentApplied applied;
        private EnrollmentState state;
        private boolean erased;
        private LocalDate erasedOn;
        private LocalDate reviewedOn;
        private String councilResolution;
        private LocalDate councilDecidedOn;
        private String rejectionStage;
        private String rejectionReasonCiphertext;
        private LocalDate rejectedOn;
        private LocalDate withdrawnOn;
        private LocalDate admittedOn;
        private String employerPlatformId;
        private String termsVersion;
        private LocalDate termEndsOn;
        private LocalDate nextReviewDue;
        private LocalDate lastReviewOn;
        private String lastReviewOutcome;
        private String exitReason;
        private LocalDate exitedOn;

        void apply(Object event) {
            if (event instanceof EnrollmentApplied e) {
                applied = e;
                state = EnrollmentState.APPLIED;
            } else if (event instanceof ApplicationWithdrawn e) {
                state = EnrollmentState.WITHDRAWN;
                withdrawnOn = e.withdrawnOn();
            } else if (event instanceof ApplicationForwardedToCouncil e) {
                state = EnrollmentState.FORWARDED;
                reviewedOn = e.reviewedOn();
            } else if (event instanceof ApplicationRejected e) {
                boolean council = e.stage() == RejectionStage.COUNCIL;
                state = EnrollmentState.REJECTED;
                rejectionStage = e.stage().name();
                rejectionReasonCiphertext = e.reasonCiphertext();
                rejectedOn = e.rejectedOn();
                reviewedOn = reviewedOn != null || council ? reviewedOn : e.rejectedOn();
                councilResolution = e.resolutionNumber();
                councilDecidedOn = council ? e.rejectedOn() : null;
            } else if (event instanceof AdmissionApprovedByCouncil e) {
                state = EnrollmentState.APPROVED;
                councilResolution = e.resolutionNumber();
                councilDecidedOn = e.decidedOn();
            } else if (event instanceof HireAdmitted e) {
                state = EnrollmentState.ADMITTED;
                admittedOn = e.admittedOn();
                employerPlatformId = e.employerPlatformId();
                termsVersion = e.policyVersion();
                termEndsOn = e.termEndsOn();
                nextReviewDue = e.firstReviewDue();
            } else if (event instanceof PeriodicReviewRecorded e) {
                lastReviewOn = e.reviewedOn();
                lastReviewOutcome = e.outcome().name();
                nextReviewDue = e.nextReviewDue();
            } else if (event instanceof HireExited e) {
                state = EnrollmentState.EXITED;
                exitReason = e.reason().name();
                exitedOn = e.exitedOn();
                nextReviewDue = null;
            } else if (event instanceof PersonalDataErased e) {
                erased = true;
                erasedOn = e.erasedOn();
                rejectionReasonCiphertext = null;
            }
        }

        EnrollmentRow row() {
            EncryptedPersonalData data = erased
                    ? new EncryptedPersonalData(applied.personalData().keyId(), null, null, null)
                    : applied.personalData();
            return new EnrollmentRow(applied.enrollmentId(), applied.personId(), data, erased, erasedOn,
                    applied.employerCreditCode(), employerPlatformId, applied.position(), applied.hireDate(),
                    applied.titleLevel().name(), applied.field(), state.name(), applied.appliedOn(),
                    applied.policyVersion(), reviewedOn, councilResolution, councilDecidedOn, rejectionStage,
                    rejectionReasonCiphertext, rejectedOn, withdrawnOn, admittedOn, termsVersion, termEndsOn,
                    nextReviewDue, lastReviewOn, lastReviewOutcome, exitReason, exitedOn);
        }
    }
}
