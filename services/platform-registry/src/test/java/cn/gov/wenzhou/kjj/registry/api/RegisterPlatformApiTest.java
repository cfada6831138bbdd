package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RegistryIntegrationTest
class RegisterPlatformApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionOperations projections;

    ApiClient admin;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        admin = ApiClient.on(port).as(Role.REGISTRY_ADMIN);
    }

    @Test
    void registeredPlatformIsStoredAsAnEventShownInTheViewAndPublished() throws Exception {
        JsonNode created = json.readTree(post("""
                {"creditCode": "91330300MA2H7K8L0G", "name": "温州智能装备研究院", "district": "鹿城",
                 "industry": "智能装备", "legalForm": "PRIVATE_NON_ENTERPRISE", "leadModel": "LEADING_ENTERPRISE",
                 "hosts": ["温州大学"]}""").body);
        String platformId = created.get("platformId").asText();

        assertThat(jdbc.queryForObject("select payload_type from domain_event_entry where aggregate_identifier = ?",
                String.class, platformId)).endsWith("PlatformRegistered");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = admin.get("/api/platforms/" + platformId).json();
            assertThat(view.path("district").asText()).isEqualTo("LUCHENG");
            assertThat(view.path("industry").asText()).isEqualTo("INTELLIGENT_EQUIPMENT");
            assertThat(view.path("status").asText()).isEqualTo("REGISTERED");
        });
        var published = TopicRecords.awaitMatching(RealInfrastructure.kafka().bootstrapServers(),
                Topics.REGISTRY_PLATFORM_V1, r -> platformId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(TopicRecords.header(published.get(0), CloudEventHeaders.SOURCE))
                .isEqualTo("/wenzhou-stb/platform-registry");
    }

    @Test
    void wrongCheckCharacterIsA400NamingTheFieldAndNothingIsStored() {
        long before = eventCount();
        Response response = post("""
                {"creditCode": "91330300MA2H7K8L0H", "name": "x", "district": "LUCHENG",
                 "industry": "DIGITAL_ECONOMY", "legalForm": "ENTERPRISE", "leadModel": "GOVERNMENT"}""");
        assertThat(response.status).isEqualTo(400);
        assertThat(response.body).contains("\"field\":\"creditCode\"");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownDistrictIsA400NamingTheField() {
        Response response = post("""
                {"creditCode": "91330300MA2H7K8L0G", "name": "x", "district": "杭州",
                 "industry": "DIGITAL_ECONOMY", "legalForm": "ENTERPRISE", "leadModel": "GOVERNMENT"}""");
        assertThat(response.status).isEqualTo(400);
        assertThat(response.body).contains("\"field\":\"district\"");
    }

    @Test
    void unknownLegalFormIsA400NamingTheField() {
        Response response = post("""
                {"creditCode": "91330300MA2H7K8L0G", "name": "x", "district": "LUCHENG",
                 "industry": "DIGITAL_ECONOMY", "legalForm": "COOPERATIVE", "leadModel": "GOVERNMENT"}""");
        assertThat(response.status).isEqualTo(400);
        assertThat(response.body).contains("\"field\":\"legalForm\"");
    }

    @Test
    void rebuildingThePlatformSummaryReproducesIdenticalRows() {
        for (int i = 0; i < 5; i++) {
            post("""
                    {"creditCode": "91330300MA2H7K8L0G", "name": "rebuild %d", "district": "OUHAI",
                     "industry": "NEW_MATERIALS", "legalForm": "ENTERPRISE", "leadModel": "GOVERNMENT"}"""
                    .formatted(i));
        }
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(20));
        String before = TableChecksums.of(dataSource, "platform_summary");

        projections.rebuild(PlatformSummaryProjection.NAME);
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(30));

        assertThat(TableChecksums.of(dataSource, "platform_summary")).isEqualTo(before);
        assertThat(before).doesNotStartWith("0:");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private Response post(String body) {
        ApiClient.Response response = admin.post("/api/platforms", body);
        return new Response(response.status(), response.body());
    }

    record Response(int status, String body) {
    }
}
