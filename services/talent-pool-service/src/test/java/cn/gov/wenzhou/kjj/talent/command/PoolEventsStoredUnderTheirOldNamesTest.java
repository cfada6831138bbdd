package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolEvents.PoolQuotaSet;
import cn.gov.wenzhou.kjj.talent.query.PoolStatusProjection;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service reads a pool event stored under its name of the last release (a file of its own then) as the
 * class it is now, both when an aggregate is loaded and in its projections: the renames are wired first.
 */
@TalentIntegrationTest
class PoolEventsStoredUnderTheirOldNamesTest {

    private static final int A_YEAR_NO_OTHER_TEST_USES = 2097;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ProjectionOperations projections;

    @Test
    void aQuotaStoredUnderItsOldNameIsReadAsTheCurrentEventByTheStoreAndTheViews() {
        String aggregate = "renamed-" + UUID.randomUUID();
        jdbc.update("""
                insert into domain_event_entry (global_index, sequence_number, payload, meta_data, aggregate_identifier,
                    event_identifier, payload_type, time_stamp, type)
                values (nextval('domain_event_entry_seq'), 0, ?, '\\x7b7d', ?, ?, ?, ?, 'StaffingPool')""",
                ("{\"poolId\":\"" + aggregate + "\",\"year\":" + A_YEAR_NO_OTHER_TEST_USES + ",\"posts\":13,"
                        + "\"previousPosts\":0,\"reason\":\"stored by the last release\",\"decidedOn\":\"2026-12-01\"}")
                        .getBytes(StandardCharsets.UTF_8),
                aggregate, UUID.randomUUID().toString(), "cn.gov.wenzhou.kjj.talent.command.PoolQuotaSet",
                "2026-12-01T02:00:00Z");

        assertThat(eventStore.readEvents(aggregate).next().getPayload()).isEqualTo(new PoolQuotaSet(aggregate,
                A_YEAR_NO_OTHER_TEST_USES, 13, 0, "stored by the last release", LocalDate.of(2026, 12, 1)));
        projections.awaitCaughtUp(PoolStatusProjection.NAME, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from pool_year where pool_year = ? and quota_posts = 13", Long.class,
                A_YEAR_NO_OTHER_TEST_USES) == 1);
    }
}
