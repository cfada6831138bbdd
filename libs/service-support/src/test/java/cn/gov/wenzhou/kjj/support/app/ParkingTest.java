package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * A projection that cannot apply an event parks it for an operator and goes on with the other aggregates' events,
 * instead of stopping for everyone; the operator sees it (projections, health, metrics), retries it once the cause is
 * fixed, or evicts it; a rebuild still runs to the end. The failures here are real PostgreSQL errors (an integer
 * column too narrow, a name too long), which abort the transaction they happen in.
 */
@IntegrationTest(properties = SupportTestApplication.CONFIG)
class ParkingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PARKED = "/ops/parked-events/" + LedgerPostings.NAME;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionOperations projections;
    ApiClient operator;

    @BeforeEach
    void setUp() {
        operator = ApiClient.on(port).as("OPERATOR");
    }

    @Test
    void aFailingEventIsParkedTheOthersGoOnAndARetryAfterTheFixAppliesIt() {
        String failing = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(failing, "too big"));
        commands.sendAndWait(new Ledger.OpenLedger(healthy, "fine"));
        commands.sendAndWait(new Ledger.Post(failing, 100));
        commands.sendAndWait(new Ledger.Post(failing, 3_000_000_000L)); // above an integer column: the SQL fails
        commands.sendAndWait(new Ledger.Post(failing, 5));                // waits behind it: never out of order
        commands.sendAndWait(new Ledger.Post(healthy, 7));                // another aggregate: goes on

        projections.awaitCaughtUp(LedgerPostings.NAME, PATIENCE);
        assertThat(total(healthy)).isEqualTo(7);
        assertThat(total(failing)).isEqualTo(100);
        List<JsonNode> parked = parkedOf(failing);
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0).path("index").asLong()).isZero();
        assertThat(parked.get(0).path("eventType").asText()).endsWith("Posted");
        assertThat(parked.get(0).path("causeMessage").asText()).contains("out of range");
        assertThat(parked.get(1).path("causeType").isNull()).isTrue();
        JsonNode status = operator.get("/ops/projections/" + LedgerPostings.NAME).json();
        assertThat(status.path("state").asText()).isEqualTo("RUNNING");
        assertThat(status.path("parked").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode health = operator.get("/actuator/health").json();
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.path("components").path("projections").path("details").path(LedgerPostings.NAME)
                .path("parked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ApiClient.on(port).anonymous().get("/actuator/health").body()).doesNotContain(LedgerPostings.NAME);
        assertThat(operator.get("/actuator/prometheus").body())
                .containsPattern("stb_projection_parked_events\\{[^}]*projection=\"ledger-postings\"[^}]*} [1-9]");

        ApiClient.Response tooEarly = operator.post(PARKED + "/sequences/" + failing + "/retry", null);
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(200);
        assertThat(tooEarly.json().path("sequencesCleared").asInt()).isZero();
        assertThat(parkedOf(failing)).hasSize(2);

        jdbc.execute("alter table ledger_posting_total alter column total_fen type bigint"); // the fix
        ApiClient.Response retried = operator.post(PARKED + "/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("sequencesCleared").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(parkedOf(failing)).isEmpty();
        assertThat(total(failing)).isEqualTo(3_000_000_105L);

        String before = TableChecksums.of(dataSource, "ledger_posting_total");
        assertThat(operator.post("/ops/projections/" + LedgerPostings.NAME + "/rebuild", null).status())
                .isEqualTo(202);
        await().atMost(PATIENCE).until(() -> operator.get("/ops/projections/" + LedgerPostings.NAME).json()
                .path("rebuild").path("finishedAt").isTextual());
        assertThat(TableChecksums.of(dataSource, "ledger_posting_total")).isEqualTo(before);
        assertThat(parkedOf(failing)).isEmpty();
    }

    @Test
    void anEventThatWillNeverApplyIsEvictedByTheOperator() {
        String ledger = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledger, "a name far longer than the forty characters of the view"));
        projections.awaitCaughtUp(LedgerPostings.NAME, PATIENCE);
        List<JsonNode> parked = parkedOf(ledger);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).path("causeMessage").asText()).contains("too long");

        assertThat(ApiClient.on(port).as("FUNDING_OFFICER").delete(PARKED + "/" + parked.get(0).path("id").asText())
                .status()).isEqualTo(403);
        assertThat(operator.delete(PARKED + "/" + parked.get(0).path("id").asText()).status()).isEqualTo(204);
        assertThat(parkedOf(ledger)).isEmpty();
        assertThat(operator.delete(PARKED + "/" + parked.get(0).path("id").asText()).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("select ledger_id from ledger_posting_total where ledger_id = ?", String.class,
                ledger)).isEmpty();
    }

    @Test
    void theKafkaPublisherNeverParks() {
        JsonNode summaries = operator.get("/ops/parked-events").json();
        List<String> names = new ArrayList<>();
        summaries.forEach(summary -> names.add(summary.path("projection").asText()));
        assertThat(names).contains(LedgerPostings.NAME, LedgerBalances.NAME).doesNotContain("kafka-publisher");
        assertThat(operator.get("/ops/parked-events/kafka-publisher").status()).isEqualTo(404);
    }

    private long total(String ledgerId) {
        return jdbc.queryForObject("select total_fen from ledger_posting_total where ledger_id = ?", Long.class,
                ledgerId);
    }

    private List<JsonNode> parkedOf(String ledgerId) {
        ApiClient.Response response = operator.get(PARKED);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> parked = new ArrayList<>();
        response.json().forEach(letter -> {
            if (ledgerId.equals(letter.path("sequence").asText())) {
                parked.add(letter);
            }
        });
        parked.sort(java.util.Comparator.comparingLong(letter -> letter.path("index").asLong()));
        return parked;
    }
}
