package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13 on a database that has enrollments already: each claim gets its employer from the enrollment's first event,
 * and an admitted hire who has not exited holds their post.
 */
class OnePostPerPersonMigrationTest {

    private static final String EVENTS = "cn.gov.wenzhou.kjj.talent.command.EnrollmentEvents$";
    private long globalIndex;

    @Test
    void existingEnrollmentsGetTheirEmployerAndAdmittedHiresTheirPost() {
        MigratedDatabase database = MigratedDatabase.create().migrateTo("12");
        JdbcTemplate jdbc = database.jdbc;

        person(jdbc, "p1");
        person(jdbc, "p2");
        person(jdbc, "p3");
        enrollment(jdbc, "admitted", "p1", "91330300MA2H7K8L0G", true, "HireAdmitted");
        enrollment(jdbc, "applied", "p2", "91330300MA2H7K8L1X", true);
        enrollment(jdbc, "exited", "p3", "91330300MA2H7K8L0G", false, "HireAdmitted", "HireExited");
        database.migrateTo("13");

        assertThat(jdbc.queryForList("select enrollment_id || '=' || employer_credit_code from person_enrollment"
                + " order by enrollment_id", String.class)).containsExactly("admitted=91330300MA2H7K8L0G",
                "applied=91330300MA2H7K8L1X", "exited=91330300MA2H7K8L0G");
        assertThat(jdbc.queryForList("select person_id || ':' || enrollment_id from person_post", String.class))
                .containsExactly("p1:admitted");
    }

    private static void person(JdbcTemplate jdbc, String personId) {
        jdbc.update("insert into personal_data_key (person_id, key_id, wrapped_key, master_key_id, lookup_hash,"
                + " created_at) values (?, ?, '\\x00', '0000000000000000', ?, now())", personId, "key-" + personId,
                "hash-" + personId);
    }

    private void enrollment(JdbcTemplate jdbc, String id, String personId, String employer, boolean open,
                            String... laterEvents) {
        jdbc.update("insert into person_enrollment (enrollment_id, person_id, open) values (?, ?, ?)", id, personId,
                open);
        event(jdbc, id, 0, "EnrollmentApplied", "{\"enrollmentId\":\"" + id + "\",\"personId\":\"" + personId
                + "\",\"employerCreditCode\":\"" + employer + "\",\"appliedOn\":\"2025-03-10\"}");
        for (int i = 0; i < laterEvents.length; i++) {
            event(jdbc, id, i + 1, laterEvents[i], "{\"enrollmentId\":\"" + id + "\"}");
        }
    }

    private void event(JdbcTemplate jdbc, String aggregate, long sequence, String type, String json) {
        jdbc.update("insert into domain_event_entry (global_index, sequence_number, payload, aggregate_identifier,"
                        + " event_identifier, payload_type, time_stamp, type) values (?, ?, ?, ?, ?, ?, ?, ?)",
                ++globalIndex, sequence, json.getBytes(StandardCharsets.UTF_8), aggregate,
                UUID.randomUUID().toString(), EVENTS + type, "2025-03-10T00:00:00Z", "Enrollment");
    }
}
