package cn.gov.wenzhou.kjj.talent.command;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened to an enrollment. Personal data appears only as ciphertext under the person's key
 * ({@link EncryptedPersonalData}, and {@code *Ciphertext} notes, which staff write about a person): once the key is
 * destroyed, no replay can read them, while everything else here stays.
 */
public sealed interface EnrollmentEvents {

    /** @param policyVersion the eligibility parameters applied */
    public record EnrollmentApplied(String enrollmentId, String personId, EncryptedPersonalData personalData,
                                    String employerCreditCode, String position, LocalDate hireDate,
                                    TitleLevel titleLevel, String field, LocalDate appliedOn,
                                    String policyVersion) implements EnrollmentEvents {
    }

    public record ApplicationWithdrawn(String enrollmentId, String reasonCiphertext, LocalDate withdrawnOn)
            implements EnrollmentEvents {
    }

    public record ApplicationForwardedToCouncil(String enrollmentId, String noteCiphertext, LocalDate reviewedOn)
            implements EnrollmentEvents {
    }

    public enum RejectionStage { INSTITUTE_REVIEW, COUNCIL }

    /** @param resolutionNumber the council's resolution, when the council rejected */
    public record ApplicationRejected(String enrollmentId, RejectionStage stage, String resolutionNumber,
                                      String reasonCiphertext, LocalDate rejectedOn) implements EnrollmentEvents {
    }

    public record AdmissionApprovedByCouncil(String enrollmentId, String resolutionNumber, String noteCiphertext,
                                             LocalDate decidedOn) implements EnrollmentEvents {
    }

    /**
     * One decision: the hire takes a post (see {@code PostTaken} of the pool, same transaction), is placed under the
     * special establishment and joins all three benefit schemes on the same day; the employer sets and pays the
     * salary, the pool pays nothing.
     *
     * @param establishment  the establishment the hire is placed under
     * @param benefitsOpened always all three {@link BenefitScheme}s, opened on {@code admittedOn}
     * @param salaryPaidBy   always {@code EMPLOYER}
     * @param reviewIntervalMonths how often the hire is reviewed, per the parameters applied
     * @param policyVersion  the term and review parameters applied
     */
    public record HireAdmitted(String enrollmentId, String employerCreditCode, String employerPlatformId,
                               String field, TitleLevel titleLevel, LocalDate admittedOn, String establishment,
                               List<BenefitScheme.BenefitAccount> benefitsOpened, String salaryPaidBy,
                               LocalDate termEndsOn, int reviewIntervalMonths, LocalDate firstReviewDue,
                               String policyVersion) implements EnrollmentEvents {

        public static final String SPECIAL_ESTABLISHMENT = "SPECIAL_PUBLIC_INSTITUTION_ESTABLISHMENT";
        public static final String EMPLOYER = "EMPLOYER";

        public HireAdmitted {
            if (benefitsOpened.size() != BenefitScheme.values().length
                    || benefitsOpened.stream().map(BenefitScheme.BenefitAccount::scheme).distinct().count()
                    != BenefitScheme.values().length
                    || benefitsOpened.stream().anyMatch(account -> !admittedOn.equals(account.openedOn()))) {
                throw new IllegalArgumentException("an admission opens all three benefit schemes on its own date");
            }
            if (!EMPLOYER.equals(salaryPaidBy)) {
                throw new IllegalArgumentException("the employer sets and pays the salary, never the pool");
            }
        }
    }

    /** @param nextReviewDue null when the hire failed (and exits in the same decision) */
    public record PeriodicReviewRecorded(String enrollmentId, ReviewOutcome outcome, String noteCiphertext,
                                         LocalDate reviewedOn, LocalDate nextReviewDue) implements EnrollmentEvents {
    }

    /** The hire left the pool: the post is freed (see {@code PostFreed}) and the three schemes end together. */
    public record HireExited(String enrollmentId, String employerCreditCode, String employerPlatformId, String field,
                             TitleLevel titleLevel, ExitReason reason, String noteCiphertext, LocalDate exitedOn,
                             List<BenefitScheme> benefitsEnded) implements EnrollmentEvents {
    }

    /**
     * The person's data key was destroyed on request. Carries no personal data: the request reference is the
     * institute's own.
     */
    public record PersonalDataErased(String enrollmentId, String personId, String keyId, String requestReference,
                                     LocalDate erasedOn) implements EnrollmentEvents {
    }
}
