package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only projections are offered for rebuilding, and a refused rebuild leaves the processor running where it was: a
 * saga's processor (Axon cannot reset one) is not listed and its rebuild is refused before anything stops it; a
 * projection whose reset fails runs on with its rows and tokens untouched.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class RebuildRefusalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    LedgerNames ledgerNames;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    ApiClient operator;

    @BeforeEach
    void setUp() {
        operator = ApiClient.on(port).as("OPERATOR");
    }

    @AfterEach
    void switchesOff() {
        ledgerNames.failReset(false);
    }

    @Test
    void aSagaIsNotOfferedAsAProjection() {
        assertThat(processing.eventProcessor(LedgerWatchSaga.PROCESSOR)).isPresent();
        assertThat(names(operator.get("/ops/projections").json())).contains(LedgerBalances.NAME, LedgerNames.NAME)
                .doesNotContain(LedgerWatchSaga.PROCESSOR);
        assertThat(operator.get("/ops/projections/" + LedgerWatchSaga.PROCESSOR).status()).isEqualTo(404);
    }

    @Test
    void theHealthStillWatchesTheSaga() {
        JsonNode health = operator.get("/actuator/health").json();
        assertThat(health.path("components").path("projections").path("details").has(LedgerWatchSaga.PROCESSOR))
                .as(health.toString()).isTrue();
    }

    @Test
    void aSagaRebuildIsRefusedAndTheSagaGoesOn() {
        ApiClient.Response refused = operator.post("/ops/projections/" + LedgerWatchSaga.PROCESSOR + "/rebuild", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("projection.not-rebuildable");

        assertThat(processing.eventProcessor(LedgerWatchSaga.PROCESSOR).map(EventProcessor::isRunning)).contains(true);
        String ledgerId = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "saga goes on"));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from association_value_entry where association_value = ?", Long.class,
                ledgerId) == 1);
    }

    @Test
    void aRebuildWhoseResetFailsLeavesTheProjectionRunningWhereItWas() {
        commands.sendAndWait(new Ledger.OpenLedger(UUID.randomUUID().toString(), "before the failed reset"));
        await().atMost(PATIENCE).until(() -> caughtUp(LedgerNames.NAME));
        String rows = TableChecksums.of(dataSource, "ledger_name");
        long position = operator.get("/ops/projections/" + LedgerNames.NAME).json().path("position").asLong();
        // a segment with nothing of its own to handle stores its token a little later (claim-extension-threshold)
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from token_entry "
                + "where processor_name = ? and token_type is null", Long.class, LedgerNames.NAME) == 0);

        ledgerNames.failReset(true);
        ApiClient.Response refused = operator.post("/ops/projections/" + LedgerNames.NAME + "/rebuild", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("projection.reset-refused");

        // the tokens are as they were (a reset would have left replay tokens), and so are the rows
        assertThat(jdbc.queryForList("select token_type from token_entry where processor_name = ?", String.class,
                LedgerNames.NAME)).isNotEmpty().noneMatch(type -> type.contains("Replay"));
        assertThat(TableChecksums.of(dataSource, "ledger_name")).isEqualTo(rows);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode status = operator.get("/ops/projections/" + LedgerNames.NAME).json();
            assertThat(status.path("state").asText()).isEqualTo("RUNNING");
            assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(status.path("replaying").asBoolean()).isFalse();
        });

        String after = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(after, "after the failed reset"));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_name where ledger_id = ?", Long.class, after) == 1);
    }

    private boolean caughtUp(String name) {
        JsonNode status = operator.get("/ops/projections/" + name).json();
        return "RUNNING".equals(status.path("state").asText()) && status.path("lag").asLong() == 0;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(projection -> names.add(projection.path("name").asText()));
        return names;
    }
}
