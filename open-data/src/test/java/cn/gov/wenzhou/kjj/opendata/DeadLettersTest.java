package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered;
import cn.gov.wenzhou.kjj.opendata.integration.DeadLetterReplayOnStart;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetter;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetterRecoverer;
import cn.gov.wenzhou.kjj.support.kafka.DeadLetterReplay;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.PATIENCE;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record the intake cannot apply (here its database refuses the row, as a bug or a missing migration would) becomes a
 * dead letter after its bounded retries, counted, and the records behind it are read; once the cause is fixed, the
 * replay the open data runs at start (OPEN_DATA_REPLAY_DEAD_LETTERS) applies it, once however often it runs.
 */
@OpenDataIntegrationTest
class DeadLettersTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadLetterReplayOnStart replay;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void fixTheCause() {
        jdbc.execute("drop trigger if exists refuse_test_platform on platform");
    }

    @Test
    void aRecordThatCannotBeAppliedIsDeadLetteredAndAppliedOnceWhenReplayedAfterTheFix() {
        OpenDataTestSupport openData = new OpenDataTestSupport(jdbc, port);
        String refusedCode = newCreditCode();
        jdbc.execute("""
                create or replace function refuse_test_platform() returns trigger language plpgsql as $$
                begin
                    if new.credit_code = '%s' then
                        raise exception 'the test refuses this platform';
                    end if;
                    return new;
                end $$""".formatted(refusedCode));
        jdbc.execute("create trigger refuse_test_platform before insert or update on platform for each row "
                + "execute function refuse_test_platform()");
        String platformId = newId();
        String poison = openData.publish(registered(platformId, refusedCode), platformId);
        // behind it on the same partition (same key): read although the one before it is not applied
        String behind = newId();
        String behindCeId = openData.publish(registered(behind, newCreditCode()), platformId);

        openData.awaitApplied(behindCeId);
        await().atMost(PATIENCE).until(() -> status(poison) != null);
        assertThat(status(poison)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select reason from kafka_dead_letter where ce_id = ?", String.class, poison))
                .contains("the test refuses this platform");
        assertThat(meters.get(DeadLetterRecoverer.METRIC).tag("topic", Topics.REGISTRY_PLATFORM_V2).counter().count())
                .isPositive();
        assertThat(platformRows(platformId)).isZero();

        jdbc.execute("drop trigger refuse_test_platform on platform");
        List<DeadLetterReplay.Outcome> outcomes = replay.replayPending();

        assertThat(outcomes).anySatisfy(outcome -> {
            assertThat(outcome.id()).isEqualTo(idOf(poison));
            assertThat(outcome.status()).isEqualTo(DeadLetter.Status.REPLAYED);
        });
        assertThat(status(poison)).isEqualTo("REPLAYED");
        assertThat(platformRows(platformId)).isEqualTo(1);

        assertThat(replay.replayPending()).as("a replayed dead letter is not pending any more")
                .noneMatch(outcome -> outcome.id() == idOf(poison));
        assertThat(status(poison)).isEqualTo("REPLAYED");
        assertThat(platformRows(platformId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class,
                poison)).isEqualTo(1);
    }

    private long platformRows(String platformId) {
        return jdbc.queryForObject("select count(*) from platform where platform_id = ?", Long.class, platformId);
    }

    private String status(String ceId) {
        return jdbc.query("select status from kafka_dead_letter where ce_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, ceId);
    }

    private long idOf(String ceId) {
        return jdbc.queryForObject("select id from kafka_dead_letter where ce_id = ?", Long.class, ceId);
    }

    private static PlatformRegistered registered(String platformId, String creditCode) {
        return new PlatformRegistered(platformId, creditCode, "死信重放测试研究院",
                new PlatformRegistered.District("RUIAN", "瑞安市"), new PlatformRegistered.Industry("NEW_MATERIALS",
                "2023.1"), "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE", List.of(), LocalDate.of(2023, 1, 2));
    }
}
