package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.registry.query.PlatformIndicatorsProjection;
import cn.gov.wenzhou.kjj.registry.query.PlatformSummaryProjection;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@RegistryIntegrationTest
class PlatformQueriesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;

    TestPlatforms platforms;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        platforms = new TestPlatforms(port, jdbc);
        admin = platforms.admin();
    }

    @Test
    void listFiltersByIndustryLevelStatusDistrictAndPages() {
        String tag = uniqueName("列表");
        Registered a = platforms.recognized(tag + "-A", "瑞安", "泵阀", "MUNICIPAL", "2021-06-01");
        Registered b = platforms.recognized(tag + "-B", "瑞安", "泵阀", "PROVINCIAL", "2022-06-01");
        Registered c = platforms.recognized(tag + "-C", "乐清", "电气", "MUNICIPAL", "2024-02-01");
        Registered d = platforms.register(tag + "-D", "瑞安", "泵阀");
        caughtUp();

        assertThat(names("name=" + tag)).containsExactly(a.name(), b.name(), c.name(), d.name());
        assertThat(names("name=" + tag + "&industry=泵阀")).containsExactly(a.name(), b.name(), d.name());
        assertThat(names("name=" + tag + "&industry=PUMPS_VALVES&level=PROVINCIAL")).containsExactly(b.name());
        assertThat(names("name=" + tag + "&status=REGISTERED")).containsExactly(d.name());
        assertThat(names("name=" + tag + "&district=乐清")).containsExactly(c.name());
        assertThat(names("name=" + tag + "&district=YUEQING&status=RECOGNIZED")).containsExactly(c.name());
        assertThat(names("name=" + tag + "&recognizedYear=2024")).containsExactly(c.name());
        assertThat(names("creditCode=" + a.creditCode())).containsExactly(a.name());

        JsonNode page = list("name=" + tag + "&size=3&page=1");
        assertThat(page.path("total").asLong()).isEqualTo(4);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("platform").path("name").asText()).isEqualTo(d.name());
    }

    @Test
    void listForAYearShowsEachPlatformsRecordAndFiltersOnGradeAndMissingReports() {
        String tag = uniqueName("年度");
        Registered good = platforms.recognized(tag + "-A");
        Registered failed = platforms.recognized(tag + "-B");
        Registered silent = platforms.recognized(tag + "-C");
        platforms.reportAndEvaluate(good.platformId(), 2023, "86.5");
        platforms.reportAndEvaluate(failed.platformId(), 2023, "41");
        platforms.awaitEvent(failed.platformId(), "RectificationIssued");
        caughtUp();

        JsonNode all = list("name=" + tag + "&year=2023");
        assertThat(all.path("total").asLong()).isEqualTo(3);
        JsonNode first = all.path("items").get(0);
        assertThat(first.path("year").path("evaluation").path("grade").asText()).isEqualTo("GOOD");
        assertThat(first.path("year").path("evaluation").path("score").decimalValue()).isEqualByComparingTo("86.5");
        assertThat(first.path("year").path("report").path("indicators").path("researchFunding").path("yuan")
                .decimalValue()).isEqualByComparingTo("1234567.89");
        assertThat(all.path("items").get(2).path("year").path("report").isNull()).isTrue();

        assertThat(names("name=" + tag + "&year=2023&grade=FAIL")).containsExactly(failed.name());
        assertThat(names("name=" + tag + "&year=2023&reported=false")).containsExactly(silent.name());
        assertThat(names("name=" + tag + "&year=2023&status=UNDER_RECTIFICATION")).containsExactly(failed.name());
    }

    @Test
    void detailGivesEveryYearWithReportResultAndTotals() {
        Registered platform = platforms.recognized(uniqueName("详情"));
        platforms.reportAndEvaluate(platform.platformId(), 2023, "91");
        expect(200, platforms.report(platform.platformId(), 2024, 7));
        expect(200, platforms.report(platform.platformId(), 2024, 12));

        JsonNode detail = platforms.awaitDetail(platform.platformId(), d -> d.path("years").size() == 2
                && d.path("years").get(1).path("report").path("revision").asInt() == 2);
        assertThat(detail.path("years").get(0).path("evaluation").path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(detail.path("years").get(0).path("evaluation").path("parameterVersion").asText()).isEqualTo("2023.1");
        assertThat(detail.path("years").get(1).path("report").path("indicators").path("researchers").asLong())
                .isEqualTo(12);
        assertThat(detail.path("reportedTotals").path("researchers").asLong()).isEqualTo(22);
        assertThat(detail.path("reportedTotals").path("reports").asLong()).isEqualTo(2);
        assertThat(detail.path("reportedTotals").path("fourTechIncome").path("fen").asLong()).isEqualTo(100_000_000L);
        assertThat(detail.path("platform").path("lastGrade").asText()).isEqualTo("EXCELLENT");
    }

    @Test
    void aPlatformSeesAndReportsForItselfOnly() {
        Registered own = platforms.recognized(uniqueName("本平台"));
        Registered other = platforms.recognized(uniqueName("他平台"));
        ApiClient self = platforms.asPlatform(own.creditCode());

        expect(200, self.post("/api/platforms/" + own.platformId() + "/annual-reports",
                TestPlatforms.reportBody(2024, 5)));
        assertThat(self.post("/api/platforms/" + other.platformId() + "/annual-reports",
                TestPlatforms.reportBody(2024, 5)).status()).isEqualTo(403);
        expect(200, self.get("/api/platforms/" + own.platformId() + "/timeline"));
        assertThat(self.get("/api/platforms/" + other.platformId()).status()).isEqualTo(403);
        assertThat(self.get("/api/platforms/" + other.platformId() + "/timeline").status()).isEqualTo(403);
        assertThat(self.get("/api/platforms").status()).isEqualTo(403);
        assertThat(self.post("/api/platforms/" + own.platformId() + "/evaluations",
                "{\"year\": 2024, \"score\": 99}").status()).isEqualTo(403);
        assertThat(platforms.eventTypes(other.platformId())).doesNotContain("AnnualReportSubmitted");

        JsonNode mine = platforms.awaitDetail(own.platformId(), d -> d.path("years").size() == 1);
        assertThat(mine.path("platform").path("platformId").asText()).isEqualTo(own.platformId());
        assertThat(self.get("/api/platforms/mine").json().path("platform").path("creditCode").asText())
                .isEqualTo(own.creditCode());
        assertThat(platforms.eventTypes(own.platformId())).contains("AnnualReportSubmitted");
    }

    @Test
    void aPlatformSeesBureauStaffInItsTimelineAsTheirRoleNotTheirAccount() {
        Registered platform = platforms.recognized(uniqueName("时间线"));
        expect(200, platforms.asPlatform(platform.creditCode()).post("/api/platforms/" + platform.platformId()
                + "/annual-reports", TestPlatforms.reportBody(2024, 5)));

        JsonNode own = expect(200, platforms.asPlatform(platform.creditCode())
                .get("/api/platforms/" + platform.platformId() + "/timeline")).json();
        assertThat(own.toString()).doesNotContain("test-registry_admin");
        assertThat(own).filteredOn(e -> "REGISTRY_ADMIN".equals(e.path("actorRole").asText())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("REGISTRY_ADMIN"));
        assertThat(own).filteredOn(e -> "PLATFORM".equals(e.path("actorRole").asText()))
                .allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("org-" + platform.creditCode()));
        JsonNode staff = platforms.timeline(platform.platformId());
        assertThat(staff.toString()).contains("test-registry_admin");
    }

    @Test
    void aPlatformThatAlsoHoldsAStaffRoleIsStillConfinedToItself() {
        Registered own = platforms.recognized(uniqueName("兼职本平台"));
        Registered other = platforms.recognized(uniqueName("兼职他平台"));
        ApiClient mixed = ApiClient.on(port).asOrganisationWithRoles(own.creditCode(), "PLATFORM", "REGISTRY_ADMIN");

        expect(200, mixed.get("/api/platforms/" + own.platformId()));
        assertThat(mixed.get("/api/platforms/" + other.platformId()).status()).isEqualTo(403);
        assertThat(mixed.get("/api/platforms/" + other.platformId() + "/timeline").status()).isEqualTo(403);
        assertThat(mixed.post("/api/platforms/" + other.platformId() + "/annual-reports",
                TestPlatforms.reportBody(2024, 5)).status()).isEqualTo(403);
        assertThat(mixed.post("/api/platforms/" + other.platformId() + "/upgrade",
                "{\"level\": \"PROVINCIAL\", \"documentNumber\": \"x\", \"upgradedOn\": \"2022-01-01\"}").status())
                .isEqualTo(403);
        assertThat(platforms.eventTypes(other.platformId())).doesNotContain("AnnualReportSubmitted",
                "PlatformUpgraded");
    }

    @Test
    void aPlatformTokenWithoutItsCreditCodeReadsNothing() {
        Registered platform = platforms.recognized(uniqueName("无代码"));
        assertThat(platforms.as(Role.PLATFORM).get("/api/platforms/mine").status()).isEqualTo(403);
        assertThat(platforms.as(Role.PLATFORM).get("/api/platforms/" + platform.platformId()).status())
                .isEqualTo(403);
        assertThat(platforms.as(Role.PLATFORM, Role.REGISTRY_ADMIN).get("/api/platforms").status()).isEqualTo(403);
    }

    @Test
    void fundingAndFinanceReadPlatformsButChangeNothing() {
        Registered platform = platforms.recognized(uniqueName("只读"));
        for (Role role : List.of(Role.FUNDING_OFFICER, Role.FINANCE_AUDITOR)) {
            ApiClient reader = platforms.as(role);
            expect(200, reader.get("/api/platforms?name=" + platform.name()));
            expect(200, reader.get("/api/platforms/" + platform.platformId() + "/timeline"));
            expect(200, reader.get("/api/dashboard"));
            assertThat(reader.post("/api/platforms/" + platform.platformId() + "/upgrade",
                    "{\"level\": \"PROVINCIAL\", \"documentNumber\": \"x\", \"upgradedOn\": \"2022-01-01\"}")
                    .status()).isEqualTo(403);
        }
        assertThat(platforms.as(Role.ENTERPRISE).get("/api/dashboard").status()).isEqualTo(403);
        assertThat(platforms.anonymous().get("/api/dashboard").status()).isEqualTo(401);
    }

    @Test
    void dashboardShowsCoverageDistrictsTargetsAndCountsOnePlatformMore() {
        caughtUp();
        JsonNode before = admin.get("/api/dashboard?recruitmentYear=2024").json();
        platforms.recognized(uniqueName("看板"), "文成", "新材料", "PROVINCIAL", "2024-03-01");
        caughtUp();
        JsonNode after = admin.get("/api/dashboard?recruitmentYear=2024").json();

        assertThat(after.path("byLevel").path("PROVINCIAL").asLong())
                .isEqualTo(before.path("byLevel").path("PROVINCIAL").asLong() + 1);
        assertThat(after.path("recruitment").path("recruited").asLong())
                .isEqualTo(before.path("recruitment").path("recruited").asLong() + 1);
        assertThat(after.path("recruitment").path("target").asInt()).isEqualTo(10);
        assertThat(after.path("coverage").path("industries").asInt()).isEqualTo(10);
        assertThat(after.path("coverage").path("matrix")).hasSize(10);
        JsonNode materials = after.path("coverage").path("matrix").get(9);
        assertThat(materials.path("code").asText()).isEqualTo("NEW_MATERIALS");
        assertThat(materials.path("covered").asBoolean()).isTrue();
        assertThat(after.path("byDistrict")).hasSize(12);
        JsonNode wencheng = after.path("byDistrict").get(10);
        assertThat(wencheng.path("name").asText()).isEqualTo("文成县");
        assertThat(wencheng.path("recognized").asLong())
                .isEqualTo(before.path("byDistrict").get(10).path("recognized").asLong() + 1);
        JsonNode targets = after.path("targets");
        assertThat(targets.path("deadlineYear").asInt()).isEqualTo(2025);
        assertThat(targets.path("municipalOrAbove").path("target").asLong()).isEqualTo(50);
        assertThat(targets.path("provincialOrAbove").path("target").asLong()).isEqualTo(10);
        assertThat(targets.path("provincialOrAbove").path("actual").asLong())
                .isEqualTo(after.path("byLevel").path("PROVINCIAL").asLong()
                        + after.path("byLevel").path("NATIONAL").asLong());
        JsonNode funding = after.path("indicators").path("researchFunding");
        assertThat(funding.path("yuan").decimalValue().movePointRight(2).longValueExact())
                .isEqualTo(funding.path("fen").asLong());
    }

    @Test
    void theListIsSortedByAnyOfferedKeyEitherWayAndRefusesOthers() {
        String prefix = uniqueName("排序");
        platforms.register(prefix + "-乙", "鹿城", "数字经济");
        platforms.register(prefix + "-甲", "瑞安", "泵阀");
        platforms.register(prefix + "-丙", "乐清", "电气");
        caughtUp();

        List<String> byName = names("name=" + prefix + "&sort=name");
        List<String> byNameDescending = names("name=" + prefix + "&sort=name&direction=desc");
        assertThat(byName).hasSize(3).isSorted();
        List<String> reversed = new ArrayList<>(byName);
        java.util.Collections.reverse(reversed);
        assertThat(byNameDescending).containsExactlyElementsOf(reversed);
        assertThat(names("name=" + prefix + "&sort=district"))
                .containsExactly(prefix + "-乙", prefix + "-甲", prefix + "-丙");  // LUCHENG < RUIAN < YUEQING
        expect(200, admin.get("/api/platforms?sort=registeredOn&direction=desc"));

        ApiClient.Response bogus = admin.get("/api/platforms?sort=credit_code; drop table platform_summary");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().path("errors").get(0).path("field").asText()).isEqualTo("sort");
        ApiClient.Response sideways = admin.get("/api/platforms?sort=name&direction=up");
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.json().path("errors").get(0).path("field").asText()).isEqualTo("direction");
    }

    private void caughtUp() {
        projections.awaitCaughtUp(PlatformSummaryProjection.NAME, Duration.ofSeconds(30));
        projections.awaitCaughtUp(PlatformIndicatorsProjection.NAME, Duration.ofSeconds(30));
    }

    private JsonNode list(String query) {
        ApiClient.Response response = admin.get("/api/platforms?" + query);
        expect(200, response);
        return response.json();
    }

    private List<String> names(String query) {
        List<String> names = new ArrayList<>();
        list(query).path("items").forEach(item -> names.add(item.path("platform").path("name").asText()));
        return names;
    }
}
