package cn.gov.wenzhou.kjj.registry.query;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case, in history stored before the bounds: a report of 9223372036854775807 patents. The indicators
 * projection refuses it and parks it for an operator instead of adding it to the city totals (which would then stop the
 * projection at the next report of the year, for the whole city); the other platforms' reports go on, the dashboard
 * keeps answering with totals that never wrap, and a rebuild runs to the end, parking it again.
 */
@RegistryIntegrationTest
class OutOfBoundHistoryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PARKED = "/ops/parked-events/" + PlatformIndicatorsProjection.NAME;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;

    @Test
    void aReportStoredBeforeTheBoundsIsParkedAndTheCityGoesOn() {
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        ApiClient operator = ApiClient.on(port).as("OPERATOR");
        Registered legacy = platforms.recognized(uniqueName("旧数据"));
        Registered honest = platforms.recognized(uniqueName("正常"));
        storeAReportOfLongMaxPatents(legacy);
        expect(200, platforms.report(honest.platformId(), 2023, 9));

        projections.awaitCaughtUp(PlatformIndicatorsProjection.NAME, PATIENCE);
        List<JsonNode> parked = parkedOf(operator, legacy.platformId());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).path("eventType").asText()).endsWith("AnnualReportSubmitted");
        assertThat(parked.get(0).path("causeType").asText()).endsWith("InvalidInputException");
        assertThat(parked.get(0).path("causeMessage").asText()).contains("1000000");
        JsonNode honestYear = platforms.awaitDetail(honest.platformId(), d -> d.path("years").size() == 1);
        assertThat(honestYear.path("years").get(0).path("report").path("indicators").path("researchers").asLong())
                .isEqualTo(9);
        JsonNode status = operator.get("/ops/projections/" + PlatformIndicatorsProjection.NAME).json();
        assertThat(status.path("state").asText()).isEqualTo("RUNNING");
        assertThat(status.path("parked").asLong()).isPositive();

        ApiClient.Response dashboard = platforms.admin().get("/api/dashboard?recruitmentYear=2024");
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.json().path("indicators").path("inventionPatents").asLong()).isPositive()
                .isLessThan(Long.MAX_VALUE / 2);

        projections.rebuild(PlatformIndicatorsProjection.NAME);
        await().atMost(PATIENCE).until(() -> operator.get("/ops/projections/" + PlatformIndicatorsProjection.NAME)
                .json().path("rebuild").path("finishedAt").isTextual());
        assertThat(parkedOf(operator, legacy.platformId())).hasSize(1);
        assertThat(platforms.admin().get("/api/dashboard").status()).isEqualTo(200);

        String id = parkedOf(operator, legacy.platformId()).get(0).path("id").asText();
        assertThat(operator.delete(PARKED + "/" + id).status()).isEqualTo(204);
        assertThat(parkedOf(operator, legacy.platformId())).isEmpty();
    }

    /** As a release without the bounds stored it: a raw row of the event store, next in the platform's history. */
    private void storeAReportOfLongMaxPatents(Registered platform) {
        Long next = jdbc.queryForObject("select max(sequence_number) + 1 from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, platform.platformId());
        String payload = """
                {"platformId":"%s","creditCode":"%s","year":2023,"indicators":{"jointRdCentres":1,\
                "cooperationAgreements":1,"provincialProjects":1,"researchFundingFen":100,\
                "inventionPatents":9223372036854775807,"fourTechIncomeFen":100,"researchers":1,\
                "incubatedEnterprises":1,"resultsTransferred":1,"localEnterprisesServed":1},"revision":1,\
                "submittedOn":"2024-01-15"}""".formatted(platform.platformId(), platform.creditCode());
        jdbc.update("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (nextval('domain_event_entry_seq'), ?, ?, ?, 'Platform', '2024-01-15T02:00:00Z', ?,
                            null, ?, ?)""",
                UUID.randomUUID().toString(), platform.platformId(), next, AnnualReportSubmitted.class.getName(),
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"test-registry_admin\",\"actorRole\":\"REGISTRY_ADMIN\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> parkedOf(ApiClient operator, String platformId) {
        ApiClient.Response response = operator.get(PARKED);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> parked = new ArrayList<>();
        response.json().forEach(letter -> {
            if (platformId.equals(letter.path("sequence").asText())) {
                parked.add(letter);
            }
        });
        return parked;
    }
}
