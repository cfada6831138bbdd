package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.projection.ParkedEventUpcasting;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool event a projection parked under its class name of the last release is brought to the class that reads it
 * now by the service's own renames (the parked events are upcast at start; here the same step is run again), and
 * events that did not move keep their names.
 */
@TalentIntegrationTest
class ParkedPoolEventsUnderTheirOldNamesTest {

    private static final String COMMAND = "cn.gov.wenzhou.kjj.talent.command.";
    /** Not a processing group of the service: its running projections never retry these rows. */
    private static final String GROUP = "parked-under-old-names-test";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ParkedEventUpcasting parkedEvents;

    @AfterEach
    void removeTheRows() {
        jdbc.update("delete from dead_letter_entry where processing_group = ?", GROUP);
    }

    @Test
    void aPoolEventParkedUnderItsOldNameIsParkedUnderItsCurrentNameAndOtherEventsKeepTheirs() {
        parked("taken", COMMAND + "PostTaken");
        parked("freed", COMMAND + "PostFreed");
        parked("quota", COMMAND + "PoolQuotaSet");
        parked("admitted", COMMAND + "EnrollmentEvents$HireAdmitted");

        parkedEvents.upcastParkedEvents();

        assertThat(jdbc.queryForList("select sequence_identifier || '=' || payload_type from dead_letter_entry"
                + " where processing_group = ? order by sequence_identifier", String.class, GROUP)).containsExactly(
                "admitted=" + COMMAND + "EnrollmentEvents$HireAdmitted",
                "freed=" + StaffingPoolEvents.PostFreed.class.getName(),
                "quota=" + StaffingPoolEvents.PoolQuotaSet.class.getName(),
                "taken=" + StaffingPoolEvents.PostTaken.class.getName());
    }

    private void parked(String name, String payloadType) {
        jdbc.update("""
                insert into dead_letter_entry (dead_letter_id, enqueued_at, sequence_index, payload, event_identifier,
                    message_type, payload_type, processing_group, sequence_identifier, time_stamp)
                values (?, now(), 0, '\\x7b7d', ?, 'DomainEventMessage', ?, ?, ?, '2026-12-01T02:00:00Z')""",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), payloadType, GROUP, name);
    }
}
