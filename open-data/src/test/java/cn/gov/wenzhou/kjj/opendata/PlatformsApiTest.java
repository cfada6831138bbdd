package cn.gov.wenzhou.kjj.opendata;

import cn.gov.wenzhou.kjj.contracts.registry.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformEvaluated;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformReRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationConfirmed;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newCreditCode;
import static cn.gov.wenzhou.kjj.opendata.OpenDataTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

@OpenDataIntegrationTest
class PlatformsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    OpenDataTestSupport openData;

    @BeforeEach
    void setUp() {
        openData = new OpenDataTestSupport(jdbc, port);
    }

    @Test
    void revokedPlatformShowsAsRevokedWithItsDatesAndWithoutALevel() {
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "撤销测试研究院", "OUHAI", "瓯海区", "NEW_MATERIALS",
                LocalDate.of(2022, 5, 10));
        openData.awaitApplied(openData.publish(new RecognitionRevoked(platformId, code, "CONSECUTIVE_FAILS",
                LocalDate.of(2025, 6, 1), LocalDate.of(2027, 6, 1)), platformId));

        JsonNode platform = openData.api().get("/open/v1/platforms/" + platformId).json();
        assertThat(platform.path("status").asText()).isEqualTo("REVOKED");
        assertThat(platform.path("revokedOn").asText()).isEqualTo("2025-06-01");
        assertThat(platform.path("reapplicationOpensOn").asText()).isEqualTo("2027-06-01");
        assertThat(platform.path("firstRecognizedOn").asText()).isEqualTo("2022-05-10");
        assertThat(platform.path("level").isNull()).isTrue();
        assertThat(platform.path("name").asText()).isEqualTo("撤销测试研究院");
        assertThat(platform.path("orgId").asText()).isEqualTo("CN-USCI-" + code);
        assertThat(platform.path("district").path("name").asText()).isEqualTo("瓯海区");
        JsonNode revoked = openData.api().get("/open/v1/platforms?status=REVOKED&district=OUHAI&limit=200").json();
        assertThat(revoked.path("items").findValuesAsText("platformId")).contains(platformId);
        JsonNode recognized = openData.api().get("/open/v1/platforms?status=RECOGNIZED&limit=200").json();
        assertThat(recognized.path("items").findValuesAsText("platformId")).doesNotContain(platformId);
    }

    @Test
    void lifecycleFollowsTheRegistryUpgradeRectificationAndRecognitionAgain() {
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "生命周期研究院", "LUCHENG", "鹿城区", "LIFE_HEALTH",
                LocalDate.of(2021, 3, 1));
        String upgraded = openData.publish(new PlatformUpgraded(platformId, code, "MUNICIPAL", "PROVINCIAL",
                "浙科发〔2023〕1号", LocalDate.of(2023, 2, 1)), platformId);
        String issued = openData.publish(new RectificationIssued(platformId, code, 2023, "鹿城区科技局",
                LocalDate.of(2024, 6, 1)), platformId);
        openData.awaitApplied(upgraded, issued);
        assertThat(openData.api().get("/open/v1/platforms/" + platformId).json().path("status").asText())
                .isEqualTo("UNDER_RECTIFICATION");

        openData.awaitApplied(openData.publish(new RectificationConfirmed(platformId, code, 2023,
                LocalDate.of(2024, 9, 1)), platformId));
        JsonNode confirmed = openData.api().get("/open/v1/platforms/" + platformId).json();
        assertThat(confirmed.path("status").asText()).isEqualTo("RECOGNIZED");
        assertThat(confirmed.path("level").asText()).isEqualTo("PROVINCIAL");

        String revoked = openData.publish(new RecognitionRevoked(platformId, code, "NOT_ATTENDED",
                LocalDate.of(2025, 1, 5), LocalDate.of(2027, 1, 5)), platformId);
        String again = openData.publish(new PlatformReRecognized(platformId, code, "MUNICIPAL", "温科发〔2027〕3号",
                LocalDate.of(2027, 3, 1)), platformId);
        openData.awaitApplied(revoked, again);
        JsonNode back = openData.api().get("/open/v1/platforms/" + platformId).json();
        assertThat(back.path("status").asText()).isEqualTo("RECOGNIZED");
        assertThat(back.path("recognizedOn").asText()).isEqualTo("2027-03-01");
        assertThat(back.path("firstRecognizedOn").asText()).isEqualTo("2021-03-01");
        assertThat(back.path("revokedOn").asText()).isEqualTo("2025-01-05");
        // recognized in 2024 and in 2027, not in 2026 (revoked in between)
        assertThat(ids("/open/v1/platforms?industry=LIFE_HEALTH&year=2024&limit=200")).contains(platformId);
        assertThat(ids("/open/v1/platforms?industry=LIFE_HEALTH&year=2026&limit=200")).doesNotContain(platformId);
        assertThat(ids("/open/v1/platforms?industry=LIFE_HEALTH&year=2027&limit=200")).contains(platformId);
    }

    @Test
    void gradesAreShownByYearAndAScoreNeverIs() {
        String code = newCreditCode();
        String platformId = openData.recognizedPlatform(code, "评价测试研究院", "RUIAN", "瑞安市", "PUMPS_VALVES",
                LocalDate.of(2022, 1, 1));
        String fail = openData.publish(new PlatformEvaluated(platformId, code, 2023, "FAIL", new BigDecimal("57.35"),
                "2021.1", LocalDate.of(2024, 3, 1)), platformId);
        String good = openData.publish(new PlatformEvaluated(platformId, code, 2024, "GOOD", new BigDecimal("83.65"),
                "2021.1", LocalDate.of(2025, 3, 1)), platformId);
        String absent = openData.publish(new EvaluationNotAttended(platformId, code, 2022, true,
                LocalDate.of(2023, 3, 1)), platformId);
        openData.awaitApplied(fail, good, absent);

        ApiClient.Response answer = openData.api().get("/open/v1/platforms/" + platformId);
        assertThat(answer.json().path("grades").toString()).isEqualTo(
                "[{\"year\":2022,\"grade\":\"NOT_ATTENDED_JUSTIFIED\"},{\"year\":2023,\"grade\":\"FAIL\"},"
                        + "{\"year\":2024,\"grade\":\"GOOD\"}]");
        assertThat(answer.body()).doesNotContain("57.35", "83.65", "score", "2021.1");
    }

    @Test
    void aPlatformThatOnlyAppliedIsNotPublished() {
        String code = newCreditCode();
        String platformId = newId();
        openData.awaitApplied(openData.publish(new PlatformRegistered(platformId, code, "仅申请研究院", "LONGWAN",
                "DIGITAL_ECONOMY", "ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2025, 1, 2)), platformId));

        assertThat(openData.api().get("/open/v1/platforms/" + platformId).status()).isEqualTo(404);
        assertThat(openData.api().get("/open/v1/platforms?district=LONGWAN&limit=200").body()).doesNotContain(code);
    }

    @Test
    void aRecognitionThatOvertakesItsRegistrationShowsOnceTheRegistrationArrives() {
        String code = newCreditCode();
        String platformId = newId();
        openData.awaitApplied(openData.publish(new PlatformRecognized(platformId, code, "NATIONAL", "国科发〔2025〕9号",
                LocalDate.of(2025, 4, 1)), platformId));
        assertThat(openData.api().get("/open/v1/platforms/" + platformId).status()).isEqualTo(404);

        openData.awaitApplied(openData.publish(new cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered(
                platformId, code, "后到登记研究院",
                new cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered.District("YUEQING", "乐清市"),
                new cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformRegistered.Industry("ELECTRICAL_EQUIPMENT",
                        "2023.1"), "ENTERPRISE", "LEADING_ENTERPRISE", List.of(), LocalDate.of(2025, 1, 2)),
                platformId));
        JsonNode platform = openData.api().get("/open/v1/platforms/" + platformId).json();
        assertThat(platform.path("status").asText()).isEqualTo("RECOGNIZED");
        assertThat(platform.path("level").asText()).isEqualTo("NATIONAL");
        assertThat(platform.path("district").path("name").asText()).isEqualTo("乐清市");
        assertThat(ids("/open/v1/platforms?district=乐清市&limit=200")).contains(platformId);
    }

    @Test
    void cursorPagesThroughAFilteredListWithoutGapsOrRepeats() {
        String industry = "TEST_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(openData.recognizedPlatform(newCreditCode(), "分页研究院" + i, "YONGJIA", "永嘉县", industry,
                    LocalDate.of(2024, 1, 1 + i)));
        }
        List<String> seen = new ArrayList<>();
        String next = "/open/v1/platforms?industry=" + industry + "&limit=2";
        List<Integer> sizes = new ArrayList<>();
        while (next != null) {
            ApiClient.Response page = openData.api().get(next);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("total").asLong()).isEqualTo(5);
            sizes.add(page.json().path("items").size());
            seen.addAll(page.json().path("items").findValuesAsText("platformId"));
            JsonNode link = page.json().path("next");
            next = link.isNull() ? null : link.asText();
            if (next != null) {
                assertThat(page.headers().getFirst("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
            }
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @ParameterizedTest
    @CsvSource({"year=1999, year", "year=abc, year", "limit=0, limit", "limit=201, limit", "cursor=bm9wZQ, cursor",
            "level=CITY, level", "status=DELETED, status", "district=lu cheng, district"})
    void aBadParameterIsA400NamingIt(String query, String parameter) {
        ApiClient.Response answer = openData.api().get("/open/v1/platforms?" + query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getFirst("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly(parameter);
        assertThat(answer.headers().getCacheControl()).isEqualTo("no-store");
    }

    private List<String> ids(String path) {
        return openData.api().get(path).json().path("items").findValuesAsText("platformId");
    }
}
