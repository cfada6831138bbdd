package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration stored by the first release (revision 1, as a raw row of the event store) still loads, is recognized,
 * shows in the timeline and survives a rebuild: the upcaster runs wherever history is read.
 */
@RegistryIntegrationTest
class StoredRevisionOneRegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;

    @Test
    void firstReleaseRegistrationStillLoadsIsRecognizedAndSurvivesARebuild() {
        String platformId = UUID.randomUUID().toString();
        String creditCode = TestPlatforms.newCreditCode();
        storeAsTheFirstReleaseDid(platformId, creditCode);
        TestPlatforms platforms = new TestPlatforms(port, jdbc);
        JsonNode projected = platforms.awaitDetail(platformId,
                d -> "REGISTERED".equals(d.path("platform").path("status").asText()));
        assertThat(projected.path("platform").path("industry").asText()).isEqualTo("INTELLIGENT_EQUIPMENT");
        assertThat(projected.path("platform").path("industryTableVersion").asText()).isEqualTo("2023.1");

        expect(200, platforms.admin().post("/api/platforms/" + platformId + "/recognition", """
                {"level": "MUNICIPAL", "documentNumber": "温科发〔2024〕3号", "recognizedOn": "2024-05-06"}"""));

        JsonNode timeline = platforms.timeline(platformId);
        assertThat(timeline.toString()).contains("PlatformRegistered").contains("PlatformRecognized");
        projections.rebuild(PlatformSummaryProjection.NAME);
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(60));
        JsonNode detail = platforms.awaitDetail(platformId,
                d -> "RECOGNIZED".equals(d.path("platform").path("status").asText()));
        assertThat(detail.path("platform").path("industry").asText()).isEqualTo("INTELLIGENT_EQUIPMENT");
        assertThat(detail.path("platform").path("creditCode").asText()).isEqualTo(creditCode);
    }

    private void storeAsTheFirstReleaseDid(String platformId, String creditCode) {
        String payload = """
                {"platformId":"%s","creditCode":"%s","name":"首版登记研究院","district":"LUCHENG",\
                "industry":"INTELLIGENT_EQUIPMENT","legalForm":"PRIVATE_NON_ENTERPRISE",\
                "leadModel":"LEADING_ENTERPRISE","hosts":["温州大学"],"registeredOn":"2024-03-15"}"""
                .formatted(platformId, creditCode);
        jdbc.update("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (nextval('domain_event_entry_seq'), ?, ?, 0, 'Platform', '2024-03-15T02:00:00Z', ?, null,
                            ?, ?)""",
                UUID.randomUUID().toString(), platformId, PlatformRegistered.class.getName(),
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"test-registry_admin\",\"actorRole\":\"REGISTRY_ADMIN\"}".getBytes(StandardCharsets.UTF_8));
        // what migration V11 backfilled for registrations made before credit codes were claimed
        jdbc.update("insert into platform_credit_code (credit_code, platform_id) values (?, ?)", creditCode, platformId);
    }
}
