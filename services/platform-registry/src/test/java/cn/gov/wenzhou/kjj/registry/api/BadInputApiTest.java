package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.function.Function;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.expect;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** Every validation answers 400 naming the field, every rule conflict 409 naming the rule; nothing is stored. */
@RegistryIntegrationTest
class BadInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    TestPlatforms platforms;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        platforms = new TestPlatforms(port, jdbc);
        admin = platforms.admin();
    }

    @Test
    void recognitionDatedInTheFutureIs400() {
        Registered platform = platforms.register(uniqueName("未来"), "鹿城", "数字经济");
        String tomorrow = BusinessCalendar.today(clock).plusDays(1).toString();
        assertInvalid(platform, "recognizedOn", id -> admin.post("/api/platforms/" + id + "/recognition", """
                {"level": "MUNICIPAL", "documentNumber": "温科发〔2025〕1号", "recognizedOn": "%s"}""".formatted(tomorrow)));
    }

    @Test
    void recognitionWithoutADocumentNumberIs400() {
        Registered platform = platforms.register(uniqueName("无文号"), "鹿城", "数字经济");
        assertInvalid(platform, "documentNumber", id -> admin.post("/api/platforms/" + id + "/recognition",
                "{\"level\": \"MUNICIPAL\", \"documentNumber\": \" \", \"recognizedOn\": \"2021-01-01\"}"));
    }

    @Test
    void unknownLevelIs400() {
        Registered platform = platforms.register(uniqueName("级别"), "鹿城", "数字经济");
        assertInvalid(platform, "level", id -> admin.post("/api/platforms/" + id + "/recognition",
                "{\"level\": \"COUNTY\", \"documentNumber\": \"x\", \"recognizedOn\": \"2021-01-01\"}"));
    }

    @Test
    void recognizingTwiceIs409() {
        Registered platform = platforms.recognized(uniqueName("重复认定"));
        assertConflict(platform, "recognition.already-recognized", id -> admin.post("/api/platforms/" + id
                + "/recognition", "{\"level\": \"PROVINCIAL\", \"documentNumber\": \"x\", \"recognizedOn\": \"2022-01-01\"}"));
    }

    @Test
    void upgradeThatIsNotHigherIs409() {
        Registered platform = platforms.recognized(uniqueName("平级"));
        assertConflict(platform, "upgrade.not-higher", id -> admin.post("/api/platforms/" + id + "/upgrade",
                "{\"level\": \"MUNICIPAL\", \"documentNumber\": \"x\", \"upgradedOn\": \"2022-01-01\"}"));
    }

    @Test
    void negativeIndicatorIs400NamingIt() {
        Registered platform = platforms.recognized(uniqueName("负数"));
        assertInvalid(platform, "indicators.inventionPatents", id -> admin.post("/api/platforms/" + id
                + "/annual-reports", TestPlatforms.reportBody(2023, 3).replace("\"inventionPatents\": 5",
                "\"inventionPatents\": -1")));
    }

    @Test
    void fractionalMoneyIs400NamingIt() {
        Registered platform = platforms.recognized(uniqueName("小数"));
        assertInvalid(platform, "indicators.researchFundingFen", id -> admin.post("/api/platforms/" + id
                + "/annual-reports", TestPlatforms.reportBody(2023, 3).replace("123456789", "1234567.5")));
    }

    @Test
    void indicatorOfLongMaxValueIs400NamingIt() {
        Registered platform = platforms.recognized(uniqueName("溢出"));
        assertInvalid(platform, "indicators.inventionPatents", id -> admin.post("/api/platforms/" + id
                + "/annual-reports", TestPlatforms.reportBody(2023, 3).replace("\"inventionPatents\": 5",
                "\"inventionPatents\": 9223372036854775807")));
    }

    @Test
    void countIndicatorAboveAMillionIs400NamingIt() {
        Registered platform = platforms.recognized(uniqueName("计数上限"));
        assertInvalid(platform, "indicators.researchers", id -> platforms.report(id, 2023, 1_000_001));
        expect(200, platforms.report(platform.platformId(), 2023, 1_000_000));
    }

    @Test
    void moneyIndicatorAboveTenBillionYuanIs400NamingIt() {
        Registered platform = platforms.recognized(uniqueName("金额上限"));
        assertInvalid(platform, "indicators.researchFundingFen", id -> admin.post("/api/platforms/" + id
                + "/annual-reports", TestPlatforms.reportBody(2023, 3).replace("123456789", "1000000000001")));
    }

    @Test
    void recognitionDatedBeforeTheYear2000Is400() {
        Registered platform = platforms.register(uniqueName("远古"), "鹿城", "数字经济");
        assertInvalid(platform, "recognizedOn", id -> admin.post("/api/platforms/" + id + "/recognition",
                "{\"level\": \"MUNICIPAL\", \"documentNumber\": \"x\", \"recognizedOn\": \"1999-12-31\"}"));
    }

    @Test
    void rectificationOfAYearOutsideTheBoundsIs400() {
        Registered platform = platforms.recognized(uniqueName("整改年度"));
        assertInvalid(platform, "year", id -> admin.post("/api/platforms/" + id
                + "/rectifications/2147483647/confirmation", null));
    }

    @Test
    void missingIndicatorIs400NamingIt() {
        Registered platform = platforms.recognized(uniqueName("缺项"));
        assertInvalid(platform, "indicators.researchers", id -> admin.post("/api/platforms/" + id
                + "/annual-reports", TestPlatforms.reportBody(2023, 3).replace("\"researchers\": 3,", "")));
    }

    @Test
    void reportForAFutureYearIs400() {
        Registered platform = platforms.recognized(uniqueName("未来年度"));
        int next = BusinessCalendar.today(clock).getYear() + 1;
        assertInvalid(platform, "year", id -> platforms.report(id, next, 3));
    }

    @Test
    void reportOfAPlatformNotRecognizedIs409() {
        Registered platform = platforms.register(uniqueName("未认定"), "鹿城", "数字经济");
        assertConflict(platform, "report.requires-recognition", id -> platforms.report(id, 2023, 3));
    }

    @Test
    void evaluationOfAYearBeforeTheRecognitionIs400() {
        Registered platform = platforms.recognized(uniqueName("认定前"));
        assertInvalid(platform, "year", id -> platforms.evaluate(id, 2020, "80"));
    }

    @Test
    void evaluationOfAFutureYearIs400() {
        Registered platform = platforms.recognized(uniqueName("未来评价"));
        int next = BusinessCalendar.today(clock).getYear() + 1;
        assertInvalid(platform, "year", id -> platforms.evaluate(id, next, "80"));
    }

    @Test
    void scoreAboveAHundredIs400() {
        Registered platform = platforms.recognized(uniqueName("超分"));
        expect(200, platforms.report(platform.platformId(), 2023, 3));
        assertInvalid(platform, "score", id -> platforms.evaluate(id, 2023, "100.5"));
    }

    @Test
    void scoreWithThreeDecimalsIs400() {
        Registered platform = platforms.recognized(uniqueName("三位小数"));
        expect(200, platforms.report(platform.platformId(), 2023, 3));
        assertInvalid(platform, "score", id -> platforms.evaluate(id, 2023, "80.125"));
    }

    @Test
    void gradeThatDisagreesWithTheScoreIs400NamingTheThresholds() {
        Registered platform = platforms.recognized(uniqueName("等级不符"));
        expect(200, platforms.report(platform.platformId(), 2023, 3));
        ApiClient.Response response = assertInvalid(platform, "grade", id -> admin.post("/api/platforms/" + id
                + "/evaluations", "{\"year\": 2023, \"score\": 92, \"grade\": \"GOOD\"}"));
        assertThat(response.body()).contains("EXCELLENT").contains("2023.1");
    }

    @Test
    void secondEvaluationOfAYearIs409() {
        Registered platform = platforms.recognized(uniqueName("重复评价"));
        expect(200, platforms.report(platform.platformId(), 2023, 3));
        expect(201, platforms.evaluate(platform.platformId(), 2023, "85"));
        assertConflict(platform, "evaluation.once-per-year", id -> platforms.evaluate(id, 2023, "95"));
    }

    @Test
    void evaluationWithoutTheYearsReportIs409() {
        Registered platform = platforms.recognized(uniqueName("无报告"));
        assertConflict(platform, "evaluation.report-required", id -> platforms.evaluate(id, 2023, "85"));
    }

    @Test
    void evaluationOfAYearWithoutParametersIs409() {
        Registered platform = platforms.recognized(uniqueName("无参数"));
        expect(200, platforms.report(platform.platformId(), 2022, 3));
        assertConflict(platform, "evaluation.no-parameters-for-year", id -> platforms.evaluate(id, 2022, "85"));
    }

    @Test
    void justifiedNonAttendanceWithoutAReasonIs400() {
        Registered platform = platforms.recognized(uniqueName("无理由"));
        assertInvalid(platform, "reason", id -> admin.post("/api/platforms/" + id + "/non-participations",
                "{\"year\": 2024, \"justified\": true}"));
    }

    @Test
    void confirmingARectificationThatIsNotOpenIs409() {
        Registered platform = platforms.recognized(uniqueName("无整改"));
        assertConflict(platform, "rectification.not-open", id -> admin.post("/api/platforms/" + id
                + "/rectifications/2023/confirmation", null));
    }

    @Test
    void recognitionDatedBeforeTheRegistrationIs409NamingTheRule() {
        Registered platform = platforms.register(uniqueName("先认定后登记"), "鹿城", "数字经济", "2022-03-01");
        assertConflict(platform, "recognition.before-registration", id -> admin.post("/api/platforms/" + id
                + "/recognition", "{\"level\": \"MUNICIPAL\", \"documentNumber\": \"x\", \"recognizedOn\": \"2022-02-28\"}"));
    }

    @Test
    void aRegistrationDatedInTheFutureOrBefore2000IsInvalid() {
        String tomorrow = BusinessCalendar.today(clock).plusDays(1).toString();
        for (String registeredOn : new String[]{tomorrow, "1999-12-31"}) {
            ApiClient.Response response = admin.post("/api/platforms", """
                    {"creditCode": "%s", "name": "%s", "district": "鹿城", "industry": "数字经济",
                     "legalForm": "ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "registeredOn": "%s"}"""
                    .formatted(TestPlatforms.newCreditCode(), uniqueName("登记日期"), registeredOn));
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("registeredOn");
        }
    }

    @Test
    void reapplicationOfARecognizedPlatformIs409() {
        Registered platform = platforms.recognized(uniqueName("未撤销"));
        assertConflict(platform, "reapplication.not-revoked", id -> admin.post("/api/platforms/" + id
                + "/reapplication", null));
    }

    @Test
    void unknownPlatformIs404() {
        ApiClient.Response response = admin.post("/api/platforms/no-such-platform/recognition",
                "{\"level\": \"MUNICIPAL\", \"documentNumber\": \"x\", \"recognizedOn\": \"2021-01-01\"}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(admin.get("/api/platforms/no-such-platform").status()).isEqualTo(404);
        assertThat(admin.get("/api/platforms/no-such-platform/timeline").status()).isEqualTo(404);
    }

    @Test
    void badListParametersAre400NamingThem() {
        assertThat(admin.get("/api/platforms?size=0").body()).contains("\"field\":\"size\"");
        assertThat(admin.get("/api/platforms?level=COUNTY").body()).contains("\"field\":\"level\"");
        assertThat(admin.get("/api/platforms?industry=房地产").body()).contains("\"field\":\"industry\"");
        assertThat(admin.get("/api/platforms?grade=FAIL").body()).contains("\"field\":\"grade\"");
        assertThat(admin.get("/api/platforms?year=2023&grade=BAD").body()).contains("\"field\":\"grade\"");
        assertThat(admin.get("/api/dashboard?recruitmentYear=1900").status()).isEqualTo(400);
        assertThat(admin.get("/api/platforms?page=100001").body()).contains("\"field\":\"page\"");
        assertThat(admin.get("/api/platforms?page=2147483647").body()).contains("\"field\":\"page\"");
    }

    private ApiClient.Response assertInvalid(Registered platform, String field,
                                             Function<String, ApiClient.Response> call) {
        long before = platforms.events(platform.platformId());
        ApiClient.Response response = call.apply(platform.platformId());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(platforms.events(platform.platformId())).isEqualTo(before);
        return response;
    }

    private void assertConflict(Registered platform, String rule, Function<String, ApiClient.Response> call) {
        long before = platforms.events(platform.platformId());
        ApiClient.Response response = call.apply(platform.platformId());
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
        assertThat(platforms.events(platform.platformId())).isEqualTo(before);
    }
}
