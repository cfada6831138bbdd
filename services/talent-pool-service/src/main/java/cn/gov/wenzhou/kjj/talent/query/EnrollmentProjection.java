package cn.gov.wenzhou.kjj.talent.query;

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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row per enrollment ({@code enrollment}): its current state and dates. Personal data is kept as the events carry
 * it, encrypted, and cleared when the person is erased; only the API decrypts it, for the institute's role.
 */
@Component
@ProcessingGroup(EnrollmentProjection.NAME)
public class EnrollmentProjection {

    public static final String NAME = "enrollments";
    public static final String TABLE = "enrollment";

    private final JdbcTemplate jdbc;

    public EnrollmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnrollmentApplied event, @Timestamp Instant at) {
        jdbc.update("""
                        insert into enrollment (enrollment_id, person_id, key_id, name_ciphertext, id_number_ciphertext,
                            phone_ciphertext, employer_credit_code, position, hire_date, title_level, field, state,
                            applied_on, policy_version, last_event_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.enrollmentId(), event.personId(), event.personalData().keyId(),
                event.personalData().nameCiphertext(), event.personalData().idNumberCiphertext(),
                event.personalData().phoneCiphertext(), event.employerCreditCode(), event.position(),
                event.hireDate(), event.titleLevel().name(), event.field(), EnrollmentState.APPLIED.name(),
                event.appliedOn(), event.policyVersion(), utc(at));
    }

    @EventHandler
    void on(ApplicationWithdrawn event, @Timestamp Instant at) {
        jdbc.update("update enrollment set state = ?, withdrawn_on = ?, last_event_at = ? where enrollment_id = ?",
                EnrollmentState.WITHDRAWN.name(), event.withdrawnOn(), utc(at), event.enrollmentId());
    }

    @EventHandler
    void on(ApplicationForwardedToCouncil event, @Timestamp Instant at) {
        jdbc.update("update enrollment set state = ?, reviewed_on = ?, last_event_at = ? where enrollment_id = ?",
                EnrollmentState.FORWARDED.name(), event.reviewedOn(), utc(at), event.enrollmentId());
    }

    @EventHandler
    void on(ApplicationRejected event, @Timestamp Instant at) {
        boolean council = event.stage() == RejectionStage.COUNCIL;
        jdbc.update("""
                        update enrollment set state = ?, rejection_stage = ?, rejection_reason_ciphertext = ?,
                            rejected_on = ?, reviewed_on = coalesce(reviewed_on, ?), council_resolution = ?,
                            council_decided_on = ?, last_event_at = ?
                        where enrollment_id = ?""",
                EnrollmentState.REJECTED.name(), event.stage().name(), event.reasonCiphertext(), event.rejectedOn(),
                council ? null : event.rejectedOn(), event.resolutionNumber(), council ? event.rejectedOn() : null,
                utc(at), event.enrollmentId());
    }

    @EventHandler
    void on(AdmissionApprovedByCouncil event, @Timestamp Instant at) {
        jdbc.update("""
                        update enrollment set state = ?, council_resolution = ?, council_decided_on = ?,
                            last_event_at = ? where enrollment_id = ?""",
                EnrollmentState.APPROVED.name(), event.resolutionNumber(), event.decidedOn(), utc(at),
                event.enrollmentId());
    }

    @EventHandler
    void on(HireAdmitted event, @Timestamp Instant at) {
        jdbc.update("""
                        update enrollment set state = ?, admitted_on = ?, employer_platform_id = ?, terms_version = ?,
                            term_ends_on = ?, next_review_due = ?, last_event_at = ? where enrollment_id = ?""",
                EnrollmentState.ADMITTED.name(), event.admittedOn(), event.employerPlatformId(),
                event.policyVersion(), event.termEndsOn(), event.firstReviewDue(), utc(at), event.enrollmentId());
    }

    @EventHandler
    void on(PeriodicReviewRecorded event, @Timestamp Instant at) {
        jdbc.update("""
                        update enrollment set last_review_on = ?, last_review_outcome = ?, next_review_due = ?,
                            last_event_at = ? where enrollment_id = ?""",
                event.reviewedOn(), event.outcome().name(), event.nextReviewDue(), utc(at), event.enrollmentId());
    }

    @EventHandler
    void on(HireExited event, @Timestamp Instant at) {
        jdbc.update("""
                        update enrollment set state = ?, exit_reason = ?, exited_on = ?, next_review_due = null,
                            last_event_at = ? where enrollment_id = ?""",
                EnrollmentState.EXITED.name(), event.reason().name(), event.exitedOn(), utc(at),
                event.enrollmentId());
    }

    @EventHandler
    void on(PersonalDataErased event, @Timestamp Instant at) {
        jdbc.update("""
                        update enrollment set name_ciphertext = null, id_number_ciphertext = null,
                            phone_ciphertext = null, rejection_reason_ciphertext = null, personal_data_erased = true,
                            erased_on = ?, last_event_at = ? where enrollment_id = ?""",
                event.erasedOn(), utc(at), event.enrollmentId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from enrollment");
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
