package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.support.ops.RebuildStatusHeaderFilter;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class ProjectionOperationsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    DataSource dataSource;
    ApiClient operator;

    @BeforeEach
    void setUp() {
        operator = ApiClient.on(port).as("OPERATOR");
    }

    @Test
    void operatorSeesEveryProjectionWithPositionAndLag() {
        commands.sendAndWait(new Ledger.OpenLedger(UUID.randomUUID().toString(), "listed"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balances = projection(operator.get("/ops/projections").json(), LedgerBalances.NAME);
            assertThat(balances.path("state").asText()).isEqualTo("RUNNING");
            assertThat(balances.path("lag").asLong()).isZero();
            assertThat(balances.path("position").asLong()).isEqualTo(balances.path("head").asLong());
        });
        assertThat(projection(operator.get("/ops/projections").json(), "kafka-publisher")).isNotNull();
    }

    @Test
    void rebuildThroughTheEndpointReplaysEverythingAndReproducesTheRows() {
        for (int i = 0; i < 20; i++) {
            String ledgerId = UUID.randomUUID().toString();
            commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "rebuild " + i));
            commands.sendAndWait(new Ledger.Post(ledgerId, 100L * i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                operator.get("/ops/projections/" + LedgerBalances.NAME).json().path("lag").asLong() == 0);
        String before = TableChecksums.of(dataSource, "ledger_balance");

        ApiClient.Response started = operator.post("/ops/projections/" + LedgerBalances.NAME + "/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("rebuild").path("targetPosition").asLong()).isPositive();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = operator.get("/ops/projections/" + LedgerBalances.NAME).json();
            assertThat(status.path("state").asText()).isEqualTo("RUNNING");
            assertThat(status.path("rebuild").path("percent").asDouble()).isEqualTo(100.0);
            assertThat(status.path("rebuild").path("finishedAt").isTextual()).isTrue();
        });
        assertThat(TableChecksums.of(dataSource, "ledger_balance")).isEqualTo(before);
        assertThat(operator.get("/ops/projections").headers().getFirst(RebuildStatusHeaderFilter.HEADER)).isNull();
    }

    @Test
    void thePublisherIsNeverRebuilt() {
        ApiClient.Response refused = operator.post("/ops/projections/kafka-publisher/rebuild", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("projection.not-rebuildable");
    }

    @Test
    void unknownProjectionIs404() {
        assertThat(operator.get("/ops/projections/no-such-projection").status()).isEqualTo(404);
    }

    @Test
    void onlyOperatorsMayOperate() {
        ApiClient api = ApiClient.on(port);
        assertThat(api.anonymous().get("/ops/projections").status()).isEqualTo(401);
        assertThat(api.as("FUNDING_OFFICER").get("/ops/projections").status()).isEqualTo(403);
        assertThat(api.as("FUNDING_OFFICER").post("/ops/projections/" + LedgerBalances.NAME + "/rebuild", null)
                .status()).isEqualTo(403);
    }

    private static JsonNode projection(JsonNode list, String name) {
        for (JsonNode projection : list) {
            if (name.equals(projection.path("name").asText())) {
                return projection;
            }
        }
        return null;
    }
}
