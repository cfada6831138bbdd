package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Ranked;
import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.created;
import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FundingIntegrationTest
class ProjectMoneyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void awardToAJointBidWithAPlatformIsPublishedWithTheRecipientAndPlatformIds() {
        String platformCode = FundingScenario.newCreditCode();
        String platformId = recognizedPlatform(platformCode);
        Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), platformCode, null);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                funding.officer.get("/api/applications/" + ranked.applicationId()).json().path("priority").asBoolean());

        ApiClient.Response awarded = funding.award(ranked);
        String projectId = created(awarded, "projectId");
        assertThat(awarded.json().path("parameterVersion").asText()).isEqualTo("2021.1");

        JsonNode project = funding.awaitProject(projectId, p -> true);
        assertThat(project.path("status").asText()).isEqualTo("AWARDED");
        assertThat(project.path("indirectCapFen").asLong()).isEqualTo(180_000L);
        assertThat(project.path("tranches")).extracting(t -> t.path("plannedFen").asLong())
                .containsExactly(500_000L, 300_000L, 200_000L);
        ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(kafka(), Topics.FUNDING_PROJECT_V1,
                r -> projectId.equals(r.key()), Duration.ofSeconds(30)).get(0);
        JsonNode event = json(published);
        assertThat(event.path("partnerPlatformIds")).extracting(JsonNode::asText).containsExactly(platformId);
        assertThat(event.path("awardFen").asLong()).isEqualTo(1_000_000L);
        assertThat(event.path("parameterVersion").asText()).isEqualTo("2021.1");
    }

    @Test
    void awardToARevokedPlatformIsA409AndNothingIsStored() {
        String platformCode = FundingScenario.newCreditCode();
        String platformId = recognizedPlatform(platformCode);
        Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), platformCode, platformId);
        publisher.publish(new PublishedStandings(platformId, platformCode, "测试研究院")
                .revoked(LocalDate.of(2025, 6, 1)), platformId, UUID.randomUUID().toString(), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "REVOKED".equals(
                funding.officer.get("/api/platform-standings/" + platformId).json().path("standing").asText()));
        long before = events();

        ApiClient.Response refused = funding.award(ranked);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("award.platform-revoked");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anAwardTheProjectRefusesLeavesTheCallUnawardedAndTheApplicationCanBeAwardedAgain() {
        Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), null, null);
        long before = events();

        ApiClient.Response refused = funding.officer.post("/api/calls/" + ranked.callId() + "/applications/"
                + ranked.applicationId() + "/award", FundingScenario.AWARD_BODY.replace("\"amountFen\": 400000",
                "\"amountFen\": 400001"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("budget.total-equals-award");
        assertThat(events()).as("neither the call's award nor the project is recorded").isEqualTo(before);
        assertThat(funding.award(ranked).status()).as("the call did not count the refused award").isEqualTo(201);
    }

    @Test
    void projectRunsThroughItsMilestonesAndEveryTrancheIsPublished() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        ok(funding.spend(project.projectId(), "OPERATING", 150_000L));
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/mid-term-check",
                "{\"passed\": true, \"documentRef\": \"中期-1\"}"));
        ok(funding.disburse(project.projectId(), 2, null));
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/acceptance",
                "{\"passed\": true, \"documentRef\": \"验收-1\"}"));
        ok(funding.disburse(project.projectId(), 3, null));
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/closure", "{\"documentRef\": \"结题-1\"}"));

        JsonNode closed = funding.awaitProject(project.projectId(), p -> "CLOSED".equals(p.path("status").asText()));
        assertThat(closed.path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(closed.path("settledBalanceFen").asLong()).isEqualTo(850_000L);
        assertThat(closed.path("balanceDisposition").asText()).isEqualTo("RETAINED");
        List<ConsumerRecord<String, byte[]>> tranches = TopicRecords.awaitMatching(kafka(), Topics.FUNDING_PROJECT_V1,
                r -> project.projectId().equals(r.key()) && type(r).endsWith("TrancheDisbursed"), Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> closure = TopicRecords.awaitMatching(kafka(), Topics.FUNDING_PROJECT_V1,
                r -> project.projectId().equals(r.key()) && type(r).endsWith("ProjectClosed"), Duration.ofSeconds(30));
        assertThat(json(closure.get(0)).path("balanceFen").asLong()).isEqualTo(850_000L);
        assertThat(json(tranches.get(0)).path("recipientCreditCode").asText()).isEqualTo(project.recipient());
    }

    @Test
    void repeatingADisbursementWithTheSameIdempotencyKeyReturnsTheFirstResultAndRequestsOnce() {
        Project project = funding.signedProject();
        String key = UUID.randomUUID().toString();
        String body = "{\"trancheNumber\": 1, \"amountFen\": 200000, \"documentRef\": \"拨-1\"}";
        ApiClient keyed = funding.officer.header("Idempotency-Key", key);

        ApiClient.Response first = keyed.post("/api/projects/" + project.projectId() + "/disbursements", body);
        ApiClient.Response second = keyed.post("/api/projects/" + project.projectId() + "/disbursements", body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(requestsOf(project.projectId())).isEqualTo(1);
        ApiClient.Response other = keyed.post("/api/projects/" + project.projectId() + "/disbursements",
                body.replace("200000", "300000"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("rule").asText()).isEqualTo("idempotency.key-reused");
        assertThat(requestsOf(project.projectId())).isEqualTo(1);
    }

    @Test
    void twoConcurrentDisbursementsThatTogetherExceedTheAwardPayExactlyOnce() throws Exception {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/mid-term-check",
                "{\"passed\": true, \"documentRef\": \"中期-1\"}"));
        ok(funding.disburse(project.projectId(), 2, null));
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/acceptance",
                "{\"passed\": true, \"documentRef\": \"验收-1\"}"));
        // 800,000 of 1,000,000 paid: two payments of the last 200,000 would bring money out to 1,200,000

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Callable<ApiClient.Response> pay = () -> {
                    start.await();
                    return funding.disburse(project.projectId(), 3, 200_000L);
                };
                results.add(threads.submit(pay));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> result : results) {
                statuses.add(result.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdownNow();
        }
        assertThat(disbursementsOf(project.projectId())).isEqualTo(3);
        JsonNode view = funding.awaitProject(project.projectId(), p -> p.path("disbursedFen").asLong() == 1_000_000L);
        assertThat(view.path("undisbursedFen").asLong()).isZero();
    }

    @Test
    void aDisbursementBeforeItsMilestoneIsA409NamingTheRuleAndNothingIsStored() {
        Project project = funding.signedProject();
        long before = events();
        ApiClient.Response refused = funding.disburse(project.projectId(), 2, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("disbursement.milestone-not-accepted");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void moneyOutAboveTheAwardIsA409() {
        Project project = funding.signedProject();
        ApiClient.Response refused = funding.disburse(project.projectId(), 1, 1_000_001L);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("disbursement.exceeds-award");
    }

    @Test
    void nothingIsPaidToASuspendedProject() {
        Project project = funding.signedProject();
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/suspension",
                "{\"reason\": \"进度滞后\", \"documentRef\": \"函-1\"}"));
        ApiClient.Response refused = funding.disburse(project.projectId(), 1, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("disbursement.project-suspended");
    }

    @Test
    void expenditureAboveItsCategoryBudgetIsA409AndIndirectCostsNeverIncrease() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        ApiClient.Response refused = funding.spend(project.projectId(), "LABOUR", 200_001L);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("expenditure.exceeds-category-budget");
        ApiClient.Response up = funding.officer.post("/api/projects/" + project.projectId() + "/budget-adjustments",
                "{\"fromCategory\": \"OPERATING\", \"toCategory\": \"INDIRECT\", \"amountFen\": 1, \"reason\": \"x\"}");
        assertThat(up.status()).isEqualTo(409);
        assertThat(up.json().path("rule").asText()).isEqualTo("budget.indirect-never-increases");
    }

    @Test
    void badAmountsUnknownCategoriesAndUnknownIdsAreNamed() {
        Project project = funding.signedProject();
        long before = events();
        assertField(funding.disburse(project.projectId(), 1, -5L), "amountFen");
        assertField(funding.officer.post("/api/projects/" + project.projectId() + "/disbursements",
                "{\"trancheNumber\": 1, \"amountFen\": 10.5, \"documentRef\": \"拨-1\"}"), "amountFen");
        assertField(funding.spend(project.projectId(), "MATERIALS", 10L), "category");
        assertField(funding.disburse(project.projectId(), 7, null), "trancheNumber");
        assertField(funding.officer.post("/api/projects/" + project.projectId() + "/disbursements",
                "{\"trancheNumber\": 1, \"documentRef\": \"拨-1\", \"disbursedOn\": \"2999-01-01\"}"), "disbursedOn");
        assertThat(funding.disburse(UUID.randomUUID().toString(), 1, null).status()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anEnterpriseSeesItsOwnProjectOnlyAndAnAuditorChangesNothing() {
        Project project = funding.signedProject();
        funding.awaitProject(project.projectId(), p -> true);
        assertThat(funding.enterprise(project.recipient()).get("/api/projects/" + project.projectId()).status())
                .isEqualTo(200);
        assertThat(funding.enterprise(project.recipient()).get("/api/projects").json())
                .extracting(p -> p.path("projectId").asText()).containsExactly(project.projectId());
        assertThat(funding.enterprise(FundingScenario.newCreditCode()).get("/api/projects/" + project.projectId())
                .status()).isEqualTo(403);
        assertThat(funding.auditor.post("/api/projects/" + project.projectId() + "/disbursements",
                "{\"trancheNumber\": 1, \"documentRef\": \"拨-1\"}").status()).isEqualTo(403);
        assertThat(funding.enterprise(project.recipient()).post("/api/projects/" + project.projectId()
                + "/disbursements", "{\"trancheNumber\": 1, \"documentRef\": \"拨-1\"}").status()).isEqualTo(403);
    }

    private String recognizedPlatform(String creditCode) {
        String platformId = UUID.randomUUID().toString();
        PublishedStandings registry = new PublishedStandings(platformId, creditCode, "测试研究院");
        publisher.publish(registry.registered(LocalDate.of(2024, 3, 1)), platformId, UUID.randomUUID().toString(),
                Instant.now());
        publisher.publish(registry.recognized("MUNICIPAL", LocalDate.of(2024, 6, 1)), platformId,
                UUID.randomUUID().toString(), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "RECOGNIZED".equals(
                funding.officer.get("/api/platform-standings/" + platformId).json().path("standing").asText()));
        return platformId;
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private long disbursementsOf(String projectId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%TrancheDisbursed'", Long.class, projectId);
    }

    private long requestsOf(String projectId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%DisbursementRequested'", Long.class, projectId);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicRecords.header(record, "ce_type");
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return IntegrationJson.mapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> kafka() {
        return RealInfrastructure.kafka().adminProperties();
    }
}
