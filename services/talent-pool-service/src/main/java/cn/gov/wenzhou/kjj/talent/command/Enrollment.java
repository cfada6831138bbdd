package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.platforms.PlatformDirectory;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.LifecycleDates;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.AdmitHire;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ApplyForEnrollment;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ErasePersonalData;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ExitHire;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.RecordCouncilDecision;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.RecordPeriodicReview;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ReviewApplication;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.WithdrawApplication;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One enterprise hire's way through the pool: application, the institute's review, the council's decision,
 * admission, periodic reviews and exit, and the erasure of the person's data. A decision that takes or frees a post
 * (admission, a failed periodic review, an exit) is decided here for the enrollment and on the {@link StaffingPool} for
 * the post, both in one unit of work by {@link AdmissionAndExitHandler}.
 */
@Aggregate
public class Enrollment {

    @AggregateIdentifier
    private String enrollmentId;
    private String personId;
    private String keyId;
    private String employerCreditCode;
    private String employerPlatformId;
    private String field;
    private TitleLevel titleLevel;
    private EnrollmentState state;
    private LocalDate appliedOn;
    private LocalDate reviewedOn;
    private LocalDate councilDecidedOn;
    private LocalDate admittedOn;
    private LocalDate termEndsOn;
    private LocalDate lastPeriodicReviewOn;
    /** The day the enrollment closed (exit, rejection, withdrawal): an erasure follows it. */
    private LocalDate closedOn;
    private int reviewIntervalMonths;
    private boolean personalDataErased;

    protected Enrollment() {
    }

    /**
     * The eligibility rules (title level, the urgently-needed field catalogue, a recent hire) are decided here alone;
     * the API only translates what it was sent.
     *
     * @return the version of the eligibility parameters applied
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(ApplyForEnrollment command, TalentPolicy policy, PersonRegistry people) {
        PolicyVersion rules = policy.inForceOn(command.appliedOn());
        if (command.hireDate().isAfter(command.appliedOn())) {
            throw new InvalidInputException("hireDate", "is in the future");
        }
        PolicyVersion.UrgentField field = rules.field(command.field()).orElseThrow(() -> new InvalidInputException(
                "field", "is not in the urgently-needed field catalogue (policy " + rules.version() + ")"));
        if (!rules.isEligible(command.titleLevel())) {
            throw new RuleViolationException("eligibility.title-level", command.titleLevel()
                    + " is below the eligible levels: " + rules.minimumProfessionalTitle() + " or "
                    + rules.minimumSkillLevel() + " upward (policy " + rules.version() + ")");
        }
        LocalDate earliest = rules.earliestHireDate(command.appliedOn());
        if (command.hireDate().isBefore(earliest)) {
            throw new RuleViolationException("eligibility.hire-not-recent", "only hires of the last "
                    + rules.hireWithinMonths() + " months are eligible: hired on or after " + earliest
                    + " (policy " + rules.version() + ")");
        }
        PersonRegistry.SealedPerson sealed = people.register(command.enrollmentId(), command.employerCreditCode(),
                command.person());
        apply(new EnrollmentApplied(command.enrollmentId(), sealed.personId(), sealed.data(),
                command.employerCreditCode(), command.position(), command.hireDate(), command.titleLevel(),
                field.code(), command.appliedOn(), rules.version()));
        return rules.version();
    }

    @CommandHandler
    public EnrollmentState handle(WithdrawApplication command, PersonRegistry people) {
        if (state != EnrollmentState.APPLIED && state != EnrollmentState.FORWARDED) {
            throw new RuleViolationException("enrollment.not-withdrawable",
                    "only an application the council has not decided can be withdrawn (it is " + state + ")");
        }
        LifecycleDates.notBefore(command.withdrawnOn(), "withdrawnOn", appliedOn, "the application",
                "withdrawal.before-application");
        LifecycleDates.notBefore(command.withdrawnOn(), "withdrawnOn", reviewedOn, "the institute's review",
                "withdrawal.before-review");
        people.release(enrollmentId);
        apply(new ApplicationWithdrawn(enrollmentId, people.sealNote(keyId, command.reason()),
                command.withdrawnOn()));
        return EnrollmentState.WITHDRAWN;
    }

    @CommandHandler
    public EnrollmentState handle(ReviewApplication command, PersonRegistry people) {
        if (state != EnrollmentState.APPLIED) {
            throw new RuleViolationException("review.not-awaiting-review",
                    "only an application awaiting review can be reviewed (it is " + state + ")");
        }
        LifecycleDates.notBefore(command.reviewedOn(), "reviewedOn", appliedOn, "the application",
                "review.before-application");
        if (command.decision() == EnrollmentCommands.ReviewDecision.REJECT) {
            requireReason(command.note(), "note");
            people.release(enrollmentId);
            apply(new ApplicationRejected(enrollmentId, RejectionStage.INSTITUTE_REVIEW, null,
                    people.sealNote(keyId, command.note()), command.reviewedOn()));
            return EnrollmentState.REJECTED;
        }
        apply(new ApplicationForwardedToCouncil(enrollmentId, people.sealNote(keyId, command.note()),
                command.reviewedOn()));
        return EnrollmentState.FORWARDED;
    }

    @CommandHandler
    public EnrollmentState handle(RecordCouncilDecision command, PersonRegistry people) {
        if (state != EnrollmentState.FORWARDED) {
            throw new RuleViolationException("council.not-before-council",
                    "the council decides only on an application the institute forwarded (it is " + state + ")");
        }
        if (command.resolutionNumber() == null || command.resolutionNumber().isBlank()) {
            throw new InvalidInputException("resolutionNumber", "is required: the council's resolution (决议文号)");
        }
        LifecycleDates.notBefore(command.decidedOn(), "decidedOn", reviewedOn, "the institute's review",
                "council.before-review");
        if (command.decision() == EnrollmentCommands.CouncilDecision.REJECT) {
            requireReason(command.note(), "note");
            people.release(enrollmentId);
            apply(new ApplicationRejected(enrollmentId, RejectionStage.COUNCIL, command.resolutionNumber(),
                    people.sealNote(keyId, command.note()), command.decidedOn()));
            return EnrollmentState.REJECTED;
        }
        apply(new AdmissionApprovedByCouncil(enrollmentId, command.resolutionNumber(),
                people.sealNote(keyId, command.note()), command.decidedOn()));
        return EnrollmentState.APPROVED;
    }

    /** The enrollment's part of an admission; the post is the pool's ({@link AdmissionAndExitHandler}). */
    EnrollmentState handle(AdmitHire command, TalentPolicy policy, PlatformDirectory platforms,
                           PersonRegistry people) {
        if (state != EnrollmentState.APPROVED) {
            throw new RuleViolationException("admission.requires-council-approval",
                    "only an application the council approved can be admitted (it is " + state + ")");
        }
        LifecycleDates.notBefore(command.admittedOn(), "admittedOn", councilDecidedOn, "the council's decision",
                "admission.before-council-decision");
        PolicyVersion rules = policy.inForceOn(command.admittedOn());
        // one person, one post: checked here, where only the institute asks, since applications from several
        // employers for the same person are accepted (an employer must not learn of another's)
        people.holdPost(enrollmentId);
        apply(new HireAdmitted(enrollmentId, employerCreditCode, platforms.platformIdOf(employerCreditCode).orElse(null),
                field, titleLevel,
                command.admittedOn(), HireAdmitted.SPECIAL_ESTABLISHMENT,
                BenefitScheme.allOpenedOn(command.admittedOn()), HireAdmitted.EMPLOYER,
                command.admittedOn().plusYears(rules.termYears()), rules.reviewIntervalMonths(),
                command.admittedOn().plusMonths(rules.reviewIntervalMonths()), rules.version()));
        return EnrollmentState.ADMITTED;
    }

    /** A failed review exits the hire: its post is then freed on the pool ({@link AdmissionAndExitHandler}). */
    EnrollmentState handle(RecordPeriodicReview command, PersonRegistry people) {
        if (state != EnrollmentState.ADMITTED) {
            throw new RuleViolationException("review.requires-admitted-hire",
                    "only an admitted hire is reviewed (it is " + state + ")");
        }
        LifecycleDates.notBefore(command.reviewedOn(), "reviewedOn", admittedOn, "the admission",
                "periodic-review.before-admission");
        LifecycleDates.notBefore(command.reviewedOn(), "reviewedOn", lastPeriodicReviewOn, "the previous review",
                "periodic-review.before-previous-review");
        String note = people.sealNote(keyId, command.note());
        if (command.outcome() == ReviewOutcome.PASSED) {
            apply(new PeriodicReviewRecorded(enrollmentId, ReviewOutcome.PASSED, note, command.reviewedOn(),
                    command.reviewedOn().plusMonths(reviewIntervalMonths)));
            return EnrollmentState.ADMITTED;
        }
        apply(new PeriodicReviewRecorded(enrollmentId, ReviewOutcome.FAILED, note, command.reviewedOn(), null));
        leave(ExitReason.FAILED_REVIEW, note, command.reviewedOn(), people);
        return EnrollmentState.EXITED;
    }

    /** The enrollment's part of an exit; the post is freed on the pool ({@link AdmissionAndExitHandler}). */
    EnrollmentState handle(ExitHire command, PersonRegistry people) {
        if (state != EnrollmentState.ADMITTED) {
            throw new RuleViolationException("exit.requires-admitted-hire",
                    "only an admitted hire can exit (it is " + state + ")");
        }
        LifecycleDates.notBefore(command.exitedOn(), "exitedOn", admittedOn, "the admission", "exit.before-admission");
        LifecycleDates.notBefore(command.exitedOn(), "exitedOn", lastPeriodicReviewOn, "the last periodic review",
                "exit.before-periodic-review");
        if (command.reason() == ExitReason.FAILED_REVIEW) {
            throw new RuleViolationException("exit.failed-review-through-periodic-review",
                    "record the failed periodic review: it exits the hire in the same decision");
        }
        if (command.reason() == ExitReason.TERM_ENDED && command.exitedOn().isBefore(termEndsOn)) {
            throw new RuleViolationException("exit.term-not-ended", "the term ends on " + termEndsOn);
        }
        leave(command.reason(), people.sealNote(keyId, command.note()), command.exitedOn(), people);
        return EnrollmentState.EXITED;
    }

    @CommandHandler
    public EnrollmentState handle(ErasePersonalData command) {
        if (personalDataErased) {
            throw new RuleViolationException("erasure.already-erased", "this person's data is already erased");
        }
        if (state.isOpen()) {
            throw new RuleViolationException("erasure.enrollment-open", "the enrollment is " + state
                    + ": the institute still needs the person's data; erase after it is closed (exit, rejection,"
                    + " withdrawal)");
        }
        LifecycleDates.notBefore(command.erasedOn(), "erasedOn", closedOn, "the enrollment's closure",
                "erasure.before-closure");
        apply(new PersonalDataErased(enrollmentId, personId, keyId, command.requestReference(),
                command.erasedOn()));
        return state;
    }

    private void leave(ExitReason reason, String noteCiphertext, LocalDate exitedOn, PersonRegistry people) {
        people.release(enrollmentId);
        apply(new HireExited(enrollmentId, employerCreditCode, employerPlatformId, field, titleLevel, reason,
                noteCiphertext, exitedOn, List.of(BenefitScheme.values())));
    }

    private static void requireReason(String reason, String fieldName) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(fieldName, "is required when rejecting: the employer is told why");
        }
    }

    @EventSourcingHandler
    void on(EnrollmentApplied event) {
        enrollmentId = event.enrollmentId();
        personId = event.personId();
        keyId = event.personalData().keyId();
        employerCreditCode = event.employerCreditCode();
        field = event.field();
        titleLevel = event.titleLevel();
        appliedOn = event.appliedOn();
        state = EnrollmentState.APPLIED;
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        state = EnrollmentState.WITHDRAWN;
        closedOn = event.withdrawnOn();
    }

    @EventSourcingHandler
    void on(ApplicationForwardedToCouncil event) {
        reviewedOn = event.reviewedOn();
        state = EnrollmentState.FORWARDED;
    }

    @EventSourcingHandler
    void on(ApplicationRejected event) {
        state = EnrollmentState.REJECTED;
        closedOn = event.rejectedOn();
    }

    @EventSourcingHandler
    void on(AdmissionApprovedByCouncil event) {
        councilDecidedOn = event.decidedOn();
        state = EnrollmentState.APPROVED;
    }

    @EventSourcingHandler
    void on(HireAdmitted event) {
        employerPlatformId = event.employerPlatformId();
        admittedOn = event.admittedOn();
        termEndsOn = event.termEndsOn();
        reviewIntervalMonths = event.reviewIntervalMonths();
        state = EnrollmentState.ADMITTED;
    }

    @EventSourcingHandler
    void on(HireExited event) {
        state = EnrollmentState.EXITED;
        closedOn = event.exitedOn();
    }

    @EventSourcingHandler
    void on(PeriodicReviewRecorded event) {
        lastPeriodicReviewOn = event.reviewedOn();
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        personalDataErased = true;
    }
}
