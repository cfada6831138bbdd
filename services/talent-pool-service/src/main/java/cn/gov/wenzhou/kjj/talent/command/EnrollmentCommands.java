package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What can be asked of an enrollment. Every date is a business date supplied by the caller (never the clock). */
public sealed interface EnrollmentCommands {

    /** The employer applies for its newly introduced hire (企业新引进人才). */
    public record ApplyForEnrollment(@TargetAggregateIdentifier String enrollmentId, String employerCreditCode,
                                     PersonalData person, String position, LocalDate hireDate,
                                     TitleLevel titleLevel, String field, LocalDate appliedOn)
            implements EnrollmentCommands {
    }

    /** The employer withdraws its application before the council decided. */
    public record WithdrawApplication(@TargetAggregateIdentifier String enrollmentId, @Redacted String reason,
                                      LocalDate withdrawnOn) implements EnrollmentCommands {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public enum ReviewDecision { FORWARD_TO_COUNCIL, REJECT }

    /** The institute's review (人才院审核): forward to the council or reject with a reason. */
    public record ReviewApplication(@TargetAggregateIdentifier String enrollmentId, ReviewDecision decision,
                                    @Redacted String note, LocalDate reviewedOn) implements EnrollmentCommands {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public enum CouncilDecision { APPROVE, REJECT }

    /** The institute records its council's resolution (理事会决议), with the resolution number. */
    public record RecordCouncilDecision(@TargetAggregateIdentifier String enrollmentId, CouncilDecision decision,
                                        String resolutionNumber, @Redacted String note, LocalDate decidedOn)
            implements EnrollmentCommands {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Admission (入编): a post of the pool, the special establishment and the three benefit schemes, together. */
    public record AdmitHire(@TargetAggregateIdentifier String enrollmentId, LocalDate admittedOn)
            implements EnrollmentCommands {
    }

    /** A periodic review (定期考核) of an admitted hire; a failed one ends the admission. */
    public record RecordPeriodicReview(@TargetAggregateIdentifier String enrollmentId, ReviewOutcome outcome,
                                       @Redacted String note, LocalDate reviewedOn) implements EnrollmentCommands {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** The hire leaves the pool and frees the post. */
    public record ExitHire(@TargetAggregateIdentifier String enrollmentId, ExitReason reason, @Redacted String note,
                           LocalDate exitedOn) implements EnrollmentCommands {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Marks one enrollment's personal data as erased (sent by {@link PersonalDataErasure}, never alone). */
    public record ErasePersonalData(@TargetAggregateIdentifier String enrollmentId, String requestReference,
                                    LocalDate erasedOn) implements EnrollmentCommands {
    }

    /**
     * An erasure request (PIPL 删除权) for the person behind an enrollment: all their enrollments record it and their
     * data key is destroyed, in one transaction.
     *
     * @param requestReference the institute's reference of the request; never personal data
     */
    public record ErasePerson(String enrollmentId, String requestReference, LocalDate erasedOn)
            implements EnrollmentCommands {
    }
}
