package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.talent.command.EncryptedPersonalData;

import java.time.LocalDate;

/** A row of {@code enrollment}, as the query side reads it (personal data still encrypted). */
public record EnrollmentRow(
        String enrollmentId, String personId, EncryptedPersonalData personalData, boolean personalDataErased,
        LocalDate erasedOn, String employerCreditCode, String employerPlatformId, String position, LocalDate hireDate,
        String titleLevel, String field, String state, LocalDate appliedOn, String policyVersion,
        LocalDate reviewedOn, String councilResolution, LocalDate councilDecidedOn, String rejectionStage,
        String rejectionReasonCiphertext, LocalDate rejectedOn, LocalDate withdrawnOn, LocalDate admittedOn,
        String termsVersion, LocalDate termEndsOn, LocalDate nextReviewDue, LocalDate lastReviewOn,
        String lastReviewOutcome, String exitReason, LocalDate exitedOn) {
}
