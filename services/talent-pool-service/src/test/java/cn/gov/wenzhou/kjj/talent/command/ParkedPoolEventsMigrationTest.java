package cn.gov.wenzhou.kjj.talent.command;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V15: a pool event a projection parked under its old class name is renamed to the class that reads it now. */
class ParkedPoolEventsMigrationTest {

    private static final String COMMAND = "cn.gov.wenzhou.kjj.talent.command.";

    @Test
    void aPoolEventParkedUnderItsOldNameIsParkedUnderItsCurrentNameAndOtherEventsKeepTheirs() {
        MigratedDatabase database = MigratedDatabase.create().migrateTo("14");
        JdbcTemplate jdbc = database.jdbc;

        parked(jdbc, "taken", COMMAND + "PostTaken");
        parked(jdbc, "freed", COMMAND + "PostFreed");
        parked(jdbc, "quota", COMMAND + "PoolQuotaSet");
        parked(jdbc, "admitted", COMMAND + "EnrollmentEvents$HireAdmitted");
        database.migrateTo("15");

        assertThat(jdbc.queryForList("select dead_letter_id || '=' || payload_type from dead_letter_entry"
                + " order by dead_letter_id", String.class)).containsExactly(
                "admitted=" + COMMAND + "EnrollmentEvents$HireAdmitted",
                "freed=" + StaffingPoolEvents.PostFreed.class.getName(),
                "quota=" + StaffingPoolEvents.PoolQuotaSet.class.getName(),
                "taken=" + StaffingPoolEvents.PostTaken.class.getName());
    }

    private static void parked(JdbcTemplate jdbc, String id, String payloadType) {
        jdbc.update("""
                insert into dead_letter_entry (dead_letter_id, enqueued_at, sequence_index, payload, event_identifier,
                    message_type, payload_type, processing_group, sequence_identifier, time_stamp)
                values (?, now(), 0, '\\x7b7d', ?, 'DomainEventMessage', ?, 'pool-status', ?,
                        '2026-12-01T02:00:00Z')""",
                id, UUID.randomUUID().toString(), payloadType, id);
    }
}
