package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.talent.PoolQuotaSet;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TalentIntegrationTest
class PoolQuotaApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient institute;

    @BeforeEach
    void setUp() {
        institute = ApiClient.on(port).as(Role.TALENT_INSTITUTE);
    }

    @Test
    void quotaSetThroughRestIsStoredAsAnEventAndShown() {
        int status = put("/api/pool/quotas/2031", "{\"posts\": 180, \"reason\": \"市编委核定\"}");
        assertThat(status).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%PoolQuotaSet'", Long.class))
                .isPositive();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(institute.get("/api/pool/status/2031").json().path("quota").asInt()).isEqualTo(180));
    }

    @Test
    void quotaIsPublishedOnTheTalentPoolTopicAsACountWithoutItsReason() throws Exception {
        assertThat(put("/api/pool/quotas/2032", "{\"posts\": 175, \"reason\": \"REASON-STAYS-INSIDE\"}"))
                .isEqualTo(200);

        ConsumerRecord<String, byte[]> record = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.TALENT_POOL_V1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"year\":2032"),
                Duration.ofSeconds(30)).get(0);
        PoolQuotaSet published = IntegrationJson.mapper().readValue(record.value(), PoolQuotaSet.class);

        assertThat(record.key()).isEqualTo(StaffingPool.WENZHOU);
        assertThat(TopicRecords.header(record, "ce_type")).isEqualTo(IntegrationEventCatalog.typeOf(PoolQuotaSet.class));
        assertThat(published.posts()).isEqualTo(175);
        assertThat(published.poolId()).isEqualTo(StaffingPool.WENZHOU);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("REASON-STAYS-INSIDE", "reason");
    }

    @Test
    void negativeQuotaIsA400NamingTheField() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(put("/api/pool/quotas/2031", "{\"posts\": -3, \"reason\": \"x\"}")).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void theParametersListEveryVersionWithItsEffectiveDateAndTheOneInForce() {
        var versions = institute.get("/api/pool/parameters").json();

        assertThat(versions.findValuesAsText("version")).containsExactly("2021.1", "2024.1");
        assertThat(versions.get(1).path("effectiveFrom").asText()).isEqualTo("2024-07-01");
        assertThat(versions.get(1).path("inForce").asBoolean()).isTrue();
        assertThat(versions.get(0).path("inForce").asBoolean()).isFalse();
        assertThat(versions.get(1).path("eligibleTitleLevels").toString()).contains("MID_LEVEL", "TECHNICIAN")
                .doesNotContain("JUNIOR", "ADVANCED_WORKER");
        assertThat(versions.get(1).path("urgentlyNeededFields")).hasSize(10);
        assertThat(versions.get(1).path("urgentlyNeededFields").findValuesAsText("name")).contains("智能装备");
    }

    @Test
    void aQuotaOrYearBeyondItsBoundIsA400NamingTheFieldAndStoresNothing() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        for (String posts : List.of("100001", "2147483648", "99999999999999999999")) {
            ApiClient.Response response = institute.put("/api/pool/quotas/2031",
                    "{\"posts\": " + posts + ", \"reason\": \"x\"}");
            assertThat(response.status()).as(posts).isEqualTo(400);
            assertThat(response.body()).as(posts).contains("\"field\":\"posts\"");
        }
        for (String year : List.of("2101", "99999", "2147483648")) {
            ApiClient.Response set = institute.put("/api/pool/quotas/" + year, "{\"posts\": 1, \"reason\": \"x\"}");
            assertThat(set.status()).as(year).isEqualTo(400);
            assertThat(set.body()).contains("\"field\":\"year\"");
            ApiClient.Response read = institute.get("/api/pool/status/" + year);
            assertThat(read.status()).as(year).isEqualTo(400);
            assertThat(read.body()).contains("\"field\":\"year\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    private int put(String path, String body) {
        return institute.put(path, body).status();
    }
}
