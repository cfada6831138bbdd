package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingProjection;
import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.created;
import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Priority that is verified, not claimed: an enterprise's tier is the bureau's record (kept by a funding officer, with
 * its history), and a partner confirms its part in a joint bid with its own token before the bid counts as joint.
 */
@FundingIntegrationTest
class VerifiedPriorityApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionOperations projections;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();

    FundingScenario funding;
    ApiClient api;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
        api = ApiClient.on(port);
    }

    @Test
    void anOfficerRecordsATierWithItsHistoryOfWhoWhenAndWhy() {
        String enterprise = FundingScenario.newCreditCode();
        ok(funding.officer.put("/api/enterprise-tiers/" + enterprise, """
                {"tier": "LEADING", "reason": "2025年度龙头骨干企业", "documentRef": "温经信〔2025〕3号"}"""));
        ok(funding.officer.put("/api/enterprise-tiers/" + enterprise, """
                {"tier": "CHAIN_LEADER", "reason": "认定为泵阀产业链链主", "documentRef": "温经信〔2025〕9号"}"""));

        JsonNode history = ok(funding.auditor.get("/api/enterprise-tiers/" + enterprise + "/history")).json();
        assertThat(history).extracting(h -> h.path("tier").asText()).containsExactly("LEADING", "CHAIN_LEADER");
        assertThat(history.get(1).path("previousTier").asText()).isEqualTo("LEADING");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("认定为泵阀产业链链主");
        assertThat(history.get(1).path("recordedBy").asText()).isEqualTo("test-funding_officer");
        assertThat(history.get(1).path("recordedByRole").asText()).isEqualTo("FUNDING_OFFICER");
        assertThat(history.get(1).path("recordedAt").isTextual()).isTrue();
        await().atMost(PATIENCE).until(() -> "CHAIN_LEADER".equals(
                funding.officer.get("/api/enterprise-tiers/" + enterprise).json().path("tier").asText()));

        JsonNode own = ok(funding.enterprise(enterprise).get("/api/enterprise-tiers/" + enterprise)).json();
        assertThat(own.path("tier").asText()).isEqualTo("CHAIN_LEADER");
        assertThat(own.path("recordedBy").isNull()).as("staff are shown to an enterprise by role only").isTrue();
        assertThat(own.path("recordedByRole").asText()).isEqualTo("FUNDING_OFFICER");
        assertThat(funding.enterprise(FundingScenario.newCreditCode()).get("/api/enterprise-tiers/" + enterprise)
                .status()).isEqualTo(403);
        assertThat(funding.enterprise(enterprise).put("/api/enterprise-tiers/" + enterprise,
                "{\"tier\": \"LEADING\", \"reason\": \"自称\"}").status()).isEqualTo(403);
    }

    @Test
    void recordingTheSameTierAgainOrWithoutAReasonChangesNothing() {
        String enterprise = FundingScenario.newCreditCode();
        funding.recordLeading(enterprise);
        long before = events(enterprise);
        ApiClient.Response again = funding.officer.put("/api/enterprise-tiers/" + enterprise,
                "{\"tier\": \"LEADING\", \"reason\": \"再次\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("enterprise-tier.unchanged");
        ApiClient.Response noReason = funding.officer.put("/api/enterprise-tiers/" + enterprise,
                "{\"tier\": \"OTHER\", \"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(events(enterprise)).isEqualTo(before);
    }

    @Test
    void aDemandOfAnEnterpriseTheBureauHasNotRecordedAsLeadingIs409() {
        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2025, \"title\": \"记录\"}"), "callId");
        String claimant = FundingScenario.newCreditCode();
        ApiClient.Response refused = funding.enterprise(claimant).post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "title": "自称龙头", "budgetCeilingFen": 100}""".formatted(claimant));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("demand.leading-enterprises-only");
        ApiClient.Response claimed = funding.enterprise(claimant).post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "enterpriseTier": "LEADING", "title": "自称龙头",
                 "budgetCeilingFen": 100}""".formatted(claimant));
        assertThat(claimed.status()).as("the tier is no longer part of a demand").isEqualTo(400);
        assertThat(events(callId)).isEqualTo(1);
    }

    @Test
    void aJointBidCountsAsJointOnlyOnceItsPartnerConfirmed() {
        String platformCode = FundingScenario.newCreditCode();
        String platformId = recognizedPlatform(platformCode);
        String lead = FundingScenario.newCreditCode();
        funding.recordLeading(lead);
        String single = FundingScenario.newCreditCode();
        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2025, \"title\": \"联合\"}"), "callId");
        String demandId = funding.demandOnNewCall(callId);
        ok(funding.officer.post("/api/calls/" + callId + "/demands/" + demandId + "/curation", "{\"listed\": true}"));
        ok(funding.officer.post("/api/calls/" + callId + "/publication", "{}"));
        String singleBid = created(funding.enterprise(single).post("/api/calls/" + callId + "/applications", """
                {"demandId": "%s", "title": "独立方案", "lead": {"creditCode": "%s"}, "requestedFen": 1}"""
                .formatted(demandId, single)), "applicationId");
        String jointBid = created(funding.enterprise(lead).post("/api/calls/" + callId + "/applications", """
                {"demandId": "%s", "title": "联合方案", "lead": {"creditCode": "%s"},
                 "partners": [{"creditCode": "%s", "platformId": "%s"}], "requestedFen": 1}"""
                .formatted(demandId, lead, platformCode, platformId)), "applicationId");
        String confirm = "/api/calls/" + callId + "/applications/" + jointBid + "/partners/" + platformCode
                + "/confirmation";

        assertThat(funding.officer.post(confirm, "{}").status()).as("staff cannot consent for the partner")
                .isEqualTo(403);
        assertThat(api.asOrganisation("PLATFORM", FundingScenario.newCreditCode()).post(confirm, "{}").status())
                .isEqualTo(403);
        ApiClient partner = api.asOrganisation("PLATFORM", platformCode);
        // the list is a projection: it shows the bid once its processor has it
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ok(partner.get("/api/applications?asPartner=true"))
                .json()).extracting(a -> a.path("applicationId").asText()).contains(jointBid));
        JsonNode seen = ok(partner.get("/api/applications/" + jointBid)).json();
        assertThat(seen.path("countsAsJoint").asBoolean()).isFalse();
        assertThat(api.asOrganisation("PLATFORM", platformCode).get("/api/applications/" + singleBid).status())
                .isEqualTo(403);
        ok(partner.post(confirm, "{}"));
        ApiClient.Response twice = partner.post(confirm, "{}");
        assertThat(twice.json().path("rule").asText()).isEqualTo("partnership.already-confirmed");

        ok(funding.officer.post("/api/calls/" + callId + "/applications-closure", ""));
        for (String bid : new String[]{singleBid, jointBid}) {
            ok(funding.officer.post("/api/calls/" + callId + "/applications/" + bid + "/scores",
                    "{\"expertRef\": \"EXP-1\", \"score\": 85.00}"));
        }
        ok(funding.officer.post("/api/calls/" + callId + "/ranking", "{}"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode joint = funding.officer.get("/api/applications/" + jointBid).json();
            assertThat(joint.path("rankInDemand").asInt()).isEqualTo(1);
            assertThat(joint.path("priority").asBoolean()).isTrue();
            assertThat(joint.path("rankedAsJoint").asBoolean()).isTrue();
            assertThat(joint.path("members").get(1).path("confirmedOn").isTextual()).isTrue();
        });
        assertThat(funding.officer.get("/api/applications/" + singleBid).json().path("rankInDemand").asInt())
                .isEqualTo(2);

        // why: the facts the ranking recorded at review time, read back from the call's event
        JsonNode facts = ok(funding.auditor.get("/api/calls/" + callId + "/ranking")).json();
        assertThat(facts.path("platformStandings").path(platformId).asText()).isEqualTo("RECOGNIZED");
        assertThat(facts.path("enterpriseTiers").path(lead).asText()).isEqualTo("LEADING");
        assertThat(facts.path("enterpriseTiers").path(single).asText()).isEqualTo("OTHER");
        assertThat(facts.path("equalScoreBand").decimalValue()).isNotNull();
        assertThat(facts.path("parameterVersion").asText()).isNotBlank();
        assertThat(funding.officer.get("/api/calls/" + created(funding.officer.post("/api/calls",
                "{\"year\": 2025, \"title\": \"未排序\"}"), "callId") + "/ranking").status())
                .as("no ranking before the call is ranked").isEqualTo(404);
    }

    @Test
    void anUnconfirmedPartnerLeavesTheBidSingleAndOutOfTheAward() {
        String platformCode = FundingScenario.newCreditCode();
        String platformId = recognizedPlatform(platformCode);
        String lead = FundingScenario.newCreditCode();
        funding.recordLeading(lead);
        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2025, \"title\": \"未确认\"}"),
                "callId");
        String demandId = funding.demandOnNewCall(callId);
        ok(funding.officer.post("/api/calls/" + callId + "/demands/" + demandId + "/curation", "{\"listed\": true}"));
        ok(funding.officer.post("/api/calls/" + callId + "/publication", "{}"));
        String bid = created(funding.enterprise(lead).post("/api/calls/" + callId + "/applications", """
                {"demandId": "%s", "title": "未经同意的联合方案", "lead": {"creditCode": "%s"},
                 "partners": [{"creditCode": "%s", "platformId": "%s"}], "requestedFen": 1}"""
                .formatted(demandId, lead, platformCode, platformId)), "applicationId");
        ok(funding.officer.post("/api/calls/" + callId + "/applications-closure", ""));
        ok(funding.officer.post("/api/calls/" + callId + "/applications/" + bid + "/scores",
                "{\"expertRef\": \"EXP-1\", \"score\": 85.00}"));
        ok(funding.officer.post("/api/calls/" + callId + "/ranking", "{}"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode ranked = funding.officer.get("/api/applications/" + bid).json();
            assertThat(ranked.path("priority").asBoolean()).isFalse();
            assertThat(ranked.path("rankedAsJoint").asBoolean()).isFalse();
        });

        String projectId = created(funding.award(new FundingScenario.Ranked(callId, demandId, bid)), "projectId");
        JsonNode project = funding.awaitProject(projectId, p -> true);
        assertThat(project.path("recipientCreditCode").asText()).isEqualTo(lead);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and convert_from(payload, 'UTF8') like ?", Long.class, projectId, "%" + platformId + "%"))
                .as("the platform that never confirmed takes no part in the project").isZero();
    }

    /**
     * A partner named by its credit code only is the platform funding holds under that code, even while the
     * platform-standing view has not caught up with the registry's news (its processor busy, backing off after a
     * database outage, rebuilding): the bid decided on that view was stored without its platform, for good, so it lost
     * its priority and its award reached the registry with no platform.
     */
    @Test
    void aPartnerNamedByCreditCodeOnlyIsItsPlatformEvenWhileThePlatformStandingViewLagsBehind() {
        StreamingEventProcessor view = processing.eventProcessor(PlatformStandingProjection.NAME,
                StreamingEventProcessor.class).orElseThrow();
        view.shutDown();
        try {
            String platformCode = FundingScenario.newCreditCode();
            String platformId = UUID.randomUUID().toString();
            publishRecognized(platformId, platformCode);
            await().atMost(PATIENCE).until(() -> events(platformId) == 2);
            assertThat(jdbc.queryForObject("select count(*) from platform_standing where platform_id = ?", Long.class,
                    platformId)).as("the view lags behind the registry's news").isZero();

            FundingScenario.Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), platformCode,
                    null);

            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                            + "and payload_type like '%ApplicationSubmitted' and convert_from(payload, 'UTF8') like ?",
                    Long.class, ranked.callId(), "%\"platformId\":\"" + platformId + "\"%"))
                    .as("the stored bid names the partner's platform").isEqualTo(1);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(ok(funding.officer.get("/api/applications/"
                    + ranked.applicationId())).json().path("priority").asBoolean())
                    .as("a joint bid of a leading enterprise with a recognized platform").isTrue());
        } finally {
            view.start();
        }
        projections.awaitCaughtUp(PlatformStandingProjection.NAME, PATIENCE);
    }

    private String recognizedPlatform(String creditCode) {
        String platformId = UUID.randomUUID().toString();
        publishRecognized(platformId, creditCode);
        await().atMost(PATIENCE).until(() -> "RECOGNIZED".equals(
                funding.officer.get("/api/platform-standings/" + platformId).json().path("standing").asText()));
        return platformId;
    }

    /** The registry's news that a platform was registered and then recognized: its standings on v2. */
    private void publishRecognized(String platformId, String creditCode) {
        PublishedStandings registry = new PublishedStandings(platformId, creditCode, "确认研究院");
        publisher.publish(registry.registered(LocalDate.of(2024, 3, 1)), platformId, UUID.randomUUID().toString(),
                Instant.now());
        publisher.publish(registry.recognized("PROVINCIAL", LocalDate.of(2024, 6, 1)), platformId,
                UUID.randomUUID().toString(), Instant.now());
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}
