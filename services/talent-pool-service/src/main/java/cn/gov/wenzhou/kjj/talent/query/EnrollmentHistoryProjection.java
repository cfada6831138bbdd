package cn.gov.wenzhou.kjj.talent.query;

import cn.gov.wenzhou.kjj.support.security.Actor;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.AdmissionApprovedByCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationForwardedToCouncil;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationRejected;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.ApplicationWithdrawn;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.EnrollmentApplied;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireAdmitted;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.HireExited;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PeriodicReviewRecorded;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents.PersonalDataErased;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;

/**
 * Every event of every enrollment, in order, with who recorded it ({@code enrollment_history}): the hire's history.
 * Details are the event's own fields minus anything encrypted; a note stays ciphertext (decrypted by the API for those
 * allowed) and is cleared when the person is erased.
 */
@Component
@ProcessingGroup(EnrollmentHistoryProjection.NAME)
public class EnrollmentHistoryProjection {

    public static final String NAME = "enrollment-history";
    public static final String TABLE = "enrollment_history";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcTemplate jdbc;

    public EnrollmentHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnrollmentEvents payload, DomainEventMessage<?> message) {
        ObjectNode details = JSON.valueToTree(payload);
        String note = null;
        for (Iterator<String> names = details.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("Ciphertext")) {
                note = details.path(name).isNull() ? null : details.path(name).asText();
                names.remove();
            }
        }
        details.remove("personalData");
        details.remove("enrollmentId");
        Object actor = message.getMetaData().get(Actor.SUBJECT_KEY);
        Object role = message.getMetaData().get(Actor.ROLE_KEY);
        jdbc.update("""
                        insert into enrollment_history (enrollment_id, sequence_number, event_type, occurred_on,
                            recorded_at, actor, actor_role, details, note_ciphertext)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                message.getAggregateIdentifier(), message.getSequenceNumber(), payload.getClass().getSimpleName(),
                occurredOn(payload), message.getTimestamp().atOffset(ZoneOffset.UTC),
                actor == null ? null : actor.toString(), role == null ? null : role.toString(), details.toString(),
                note);
        if (payload instanceof PersonalDataErased erased) {
            jdbc.update("update enrollment_history set note_ciphertext = null where enrollment_id = ?",
                    erased.enrollmentId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from enrollment_history");
    }

    private static LocalDate occurredOn(EnrollmentEvents payload) {
        if (payload instanceof EnrollmentApplied e) {
            return e.appliedOn();
        } else if (payload instanceof ApplicationWithdrawn e) {
            return e.withdrawnOn();
        } else if (payload instanceof ApplicationForwardedToCouncil e) {
            return e.reviewedOn();
        } else if (payload instanceof ApplicationRejected e) {
            return e.rejectedOn();
        } else if (payload instanceof AdmissionApprovedByCouncil e) {
            return e.decidedOn();
        } else if (payload instanceof HireAdmitted e) {
            return e.admittedOn();
        } else if (payload instanceof PeriodicReviewRecorded e) {
            return e.reviewedOn();
        } else if (payload instanceof HireExited e) {
            return e.exitedOn();
        } else if (payload instanceof PersonalDataErased e) {
            return e.erasedOn();
        }
        return null;
    }
}
