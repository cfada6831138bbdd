package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Ranked;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.created;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number that enters funding-service has a bound: money at most 10 billion yuan (1,000,000,000,000 fen), years
 * 2000-2100, business dates from 2000-01-01; every list and text of a request has a size. Beyond it: 400 naming the
 * field, and nothing stored.
 */
@FundingIntegrationTest
class NumberBoundsApiTest {

    private static final String LONG_MAX = "9223372036854775807";
    private static final String ABOVE_BOUND = "1000000000001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void anAwardOfLongMaxValueIs400NamingItAndNoProjectStarts() {
        Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), null, null);
        assertInvalid("awardFen", ranked.callId(), () -> funding.officer.post(awardPath(ranked), """
                {"awardFen": %s, "coFundingFen": 0, "documentRef": "温科项-1",
                 "budget": [{"category": "OPERATING", "amountFen": %s}]}""".formatted(LONG_MAX, LONG_MAX)));
        assertThat(funding.award(ranked).status()).isEqualTo(201);
    }

    @Test
    void aBudgetLineAboveTheBoundIs400NamingIt() {
        Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), null, null);
        assertInvalid("budget[0].amountFen", ranked.callId(), () -> funding.officer.post(awardPath(ranked), """
                {"awardFen": 1000000, "coFundingFen": 0, "documentRef": "温科项-1",
                 "budget": [{"category": "OPERATING", "amountFen": %s},
                            {"category": "LABOUR", "amountFen": %s}]}""".formatted(LONG_MAX, LONG_MAX)));
    }

    @Test
    void moneyMovementsAboveTheBoundAre400NamingTheAmount() {
        Project project = funding.signedProject();
        assertInvalid("amountFen", project.projectId(), () -> funding.disburse(project.projectId(), 1, Long.MAX_VALUE));
        assertInvalid("amountFen", project.projectId(), () -> funding.spend(project.projectId(), "OPERATING", 1_000_000_000_001L));
        assertInvalid("amountFen", project.projectId(), () -> funding.officer.post("/api/projects/" + project.projectId()
                + "/budget-adjustments", """
                {"fromCategory": "OPERATING", "toCategory": "LABOUR", "amountFen": %s, "reason": "调剂"}"""
                .formatted(LONG_MAX)));
        assertInvalid("recoveryOrderedFen", project.projectId(), () -> funding.officer.post("/api/projects/" + project.projectId()
                + "/termination", """
                {"reason": "终止", "documentRef": "终-1", "recoveryOrderedFen": %s}""".formatted(ABOVE_BOUND)));
    }

    @Test
    void aDemandCeilingAndABidAboveTheBoundAre400NamingThem() {
        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2025, \"title\": \"上限\"}"), "callId");
        assertInvalid("budgetCeilingFen", callId, () -> funding.officer.post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "title": "需求",
                 "budgetCeilingFen": %s}""".formatted(FundingScenario.newCreditCode(), LONG_MAX)));
        assertInvalid("requestedFen", callId, () -> funding.enterprise(FundingScenario.newCreditCode()).post(
                "/api/calls/" + callId + "/applications", """
                {"demandId": "d", "title": "方案", "lead": {"creditCode": "%s"},
                 "requestedFen": %s}""".formatted(FundingScenario.newCreditCode(), LONG_MAX)));
    }

    @Test
    void yearsAndDatesOutsideTheBoundsAre400NamingThem() {
        assertInvalid("year", null, () -> funding.officer.post("/api/calls",
                "{\"year\": 2147483647, \"title\": \"年\"}"));
        assertInvalid("year", null, () -> funding.officer.get("/api/calls?year=99999"));
        Project project = funding.signedProject();
        assertInvalid("date", project.projectId(), () -> funding.auditor.get("/api/audit/projects/" + project.projectId()
                + "/as-of?date=9999-12-31"));
        assertInvalid("spentOn", project.projectId(), () -> funding.officer.post("/api/projects/" + project.projectId() + "/expenditures",
                """
                {"category": "OPERATING", "amountFen": 1, "voucherRef": "记-1", "purpose": "采购",
                 "spentOn": "1999-12-31"}"""));
    }

    @Test
    void everyListAndTextOfARequestHasABoundNamedIn400() {
        Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), null, null);
        String lines = java.util.stream.IntStream.range(0, 21)
                .mapToObj(i -> "{\"category\": \"OPERATING\", \"amountFen\": 1}")
                .collect(java.util.stream.Collectors.joining(","));
        assertInvalid("budget", ranked.callId(), () -> funding.officer.post(awardPath(ranked), """
                {"awardFen": 21, "coFundingFen": 0, "documentRef": "温科项-1", "budget": [%s]}""".formatted(lines)));
        assertInvalid("budget[0].category", ranked.callId(), () -> funding.officer.post(awardPath(ranked), """
                {"awardFen": 1, "coFundingFen": 0, "documentRef": "温科项-1",
                 "budget": [{"category": "%s", "amountFen": 1}]}""".formatted("X".repeat(65))));

        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2025, \"title\": \"列表\"}"), "callId");
        String lead = FundingScenario.newCreditCode();
        String partners = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> "{\"creditCode\": \"" + FundingScenario.newCreditCode() + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        assertInvalid("partners", callId, () -> funding.enterprise(lead).post("/api/calls/" + callId
                + "/applications", """
                {"demandId": "d", "title": "方案", "lead": {"creditCode": "%s"}, "partners": [%s],
                 "requestedFen": 1}""".formatted(lead, partners)));
        assertInvalid("demandId", callId, () -> funding.enterprise(lead).post("/api/calls/" + callId
                + "/applications", """
                {"demandId": "%s", "title": "方案", "lead": {"creditCode": "%s"}, "requestedFen": 1}"""
                .formatted("d".repeat(65), lead)));
        Project project = funding.signedProject();
        assertInvalid("category", project.projectId(), () -> funding.spend(project.projectId(), "C".repeat(65), 1));
    }

    private static String awardPath(Ranked ranked) {
        return "/api/calls/" + ranked.callId() + "/applications/" + ranked.applicationId() + "/award";
    }

    /** 400 naming {@code field}, and no event added to {@code aggregateId} (when the request names one). */
    private void assertInvalid(String field, String aggregateId, Supplier<ApiClient.Response> call) {
        long before = events(aggregateId);
        ApiClient.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(events(aggregateId)).isEqualTo(before);
    }

    private long events(String aggregateId) {
        return aggregateId == null ? 0 : jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }
}
