package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.talent.command.Redacted;
import cn.gov.wenzhou.kjj.talent.command.Redaction;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the enrollment endpoints. */
public final class EnrollmentResponses {

    private EnrollmentResponses() {
    }

    /** What a command did: the enrollment and the state it is in now. */
    public record Decision(String enrollmentId, @Schema(example = "FORWARDED") String state) {
    }

    public record Applied(String enrollmentId, @Schema(example = "APPLIED") String state, String policyVersion) {
    }

    public record Erased(List<String> enrollmentIds, LocalDate erasedOn) {
    }

    public record Enrollment(
            String enrollmentId, PersonResponse person, String employerCreditCode,
            @Schema(description = "the registry platform the employer is, as known at admission") String
                    employerPlatformId,
            String position, LocalDate hireDate, String titleLevel, String field, String state, LocalDate appliedOn,
            @Schema(description = "eligibility parameters applied") String policyVersion, LocalDate reviewedOn,
            String councilResolution, LocalDate councilDecidedOn, String rejectionStage, @Redacted String rejectionReason,
            LocalDate rejectedOn, LocalDate withdrawnOn, LocalDate admittedOn,
            @Schema(description = "term and review parameters applied") String termsVersion, LocalDate termEndsOn,
            LocalDate nextReviewDue, LocalDate lastReviewOn, String lastReviewOutcome, String exitReason,
            LocalDate exitedOn, LocalDate personalDataErasedOn,
            @Schema(description = "the institute only: the person's open enrollments with other employers, a"
                    + " duplicate to review (one person, one post is enforced at admission); absent for employers,"
                    + " who never learn of another employer's enrollment")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<OtherEnrollment> samePersonElsewhere) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    /** Another employer's open enrollment of the same person (shown to the institute only). */
    public record OtherEnrollment(String enrollmentId, String employerCreditCode, String state, LocalDate appliedOn) {
    }

    public record Page(List<Enrollment> items, int page, int size, long total) {
    }

    /**
     * @param actor who recorded it (shown to the institute only)
     * @param note  a note staff wrote (the employer sees only rejection and withdrawal reasons); gone once the
     *              person is erased
     */
    public record HistoryEntry(long sequence, String type, LocalDate occurredOn, Instant recordedAt, String actor,
                               String actorRole, JsonNode details, @Redacted String note) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    public record History(Enrollment enrollment, List<HistoryEntry> events) {
    }

    /**
     * An enrollment as it stood at {@code at}, replayed from the event store.
     *
     * @param eventsApplied how many of its events were recorded up to {@code at}
     * @param lastEventAt   when the last of them was recorded
     * @param state         the enrollment then, its personal data shown as the caller may see it today
     */
    @Schema(description = "An enrollment as of an instant, replayed from its events")
    public record AsOf(Instant at, int eventsApplied, Instant lastEventAt, Enrollment state) {
    }
}
