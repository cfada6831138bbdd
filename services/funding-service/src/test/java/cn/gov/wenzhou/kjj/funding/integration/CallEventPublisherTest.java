package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.contracts.funding.ChallengeListPublished;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.created;
import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The published list (榜单) leaves funding-service with its listed demands, and only those. */
@FundingIntegrationTest
class CallEventPublisherTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    @Test
    void publishedListCarriesTheListedDemandsInOrderAndNothingTheBureauKeptBack() throws Exception {
        FundingScenario funding = new FundingScenario(port);
        String callId = created(funding.officer.post("/api/calls", "{\"year\": 2026, \"title\": \"榜单发布测试\"}"),
                "callId");
        String pumps = FundingScenario.newCreditCode();
        String chain = FundingScenario.newCreditCode();
        String first = demand(funding, callId, pumps, "LEADING", "\"泵阀\"", "\"密封寿命提升\"", "第一项需求");
        String kept = demand(funding, callId, pumps, "LEADING", "\"泵阀\"", "\"内部说明\"", "未入榜需求");
        String second = demand(funding, callId, chain, "CHAIN_LEADER", "null", "null", "第二项需求");
        ok(funding.officer.post("/api/calls/" + callId + "/demands/" + first + "/curation", "{\"listed\": true}"));
        ok(funding.officer.post("/api/calls/" + callId + "/demands/" + kept + "/curation",
                "{\"listed\": false, \"note\": \"CURATOR-NOTE-NOT-PUBLIC\"}"));
        ok(funding.officer.post("/api/calls/" + callId + "/demands/" + second + "/curation", "{\"listed\": true}"));
        ok(funding.officer.post("/api/calls/" + callId + "/publication", "{}"));

        ConsumerRecord<String, byte[]> record = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.FUNDING_CALL_V1,
                r -> callId.equals(r.key()) && IntegrationEventCatalog.typeOf(ChallengeListPublished.class)
                        .equals(TopicRecords.header(r, "ce_type")), Duration.ofSeconds(30)).get(0);
        ChallengeListPublished list = IntegrationJson.mapper().readValue(record.value(), ChallengeListPublished.class);

        assertThat(list.publishedOn()).isEqualTo(BusinessCalendar.today(clock));
        assertThat(list.demands()).extracting(ChallengeListPublished.ListedDemand::demandId)
                .containsExactly(first, second);
        assertThat(list.demands().get(0)).satisfies(d -> {
            assertThat(d.title()).isEqualTo("第一项需求");
            assertThat(d.industry()).isEqualTo("泵阀");
            assertThat(d.description()).isEqualTo("密封寿命提升");
            assertThat(d.enterpriseCreditCode()).isEqualTo(pumps);
            assertThat(d.enterpriseTier()).isEqualTo("LEADING");
            assertThat(d.budgetCeilingFen()).isEqualTo(300_000_000L);
        });
        assertThat(list.demands().get(1).industry()).isNull();
        assertThat(list.demands().get(1).enterpriseTier()).isEqualTo("CHAIN_LEADER");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain(kept, "未入榜需求", "内部说明", "CURATOR-NOTE-NOT-PUBLIC", "note");
    }

    /**
     * A bid, its expert's reference, its score and its decline are the call's own business: funding-service publishes
     * none of them (so the open data, which sees only what is published, cannot show a declined bid).
     */
    @Test
    void aDeclinedBidItsScoreAndItsExpertNeverLeaveFundingService() {
        FundingScenario funding = new FundingScenario(port);
        FundingScenario.Ranked ranked = funding.rankedApplication(FundingScenario.newCreditCode(), null, null);
        ok(funding.officer.post("/api/calls/" + ranked.callId() + "/applications/" + ranked.applicationId()
                + "/decline", "{\"reason\": \"DECLINED-NOT-PUBLIC\"}"));
        // events are published in the order they were stored: once a later call is out, the decline was handled
        String later = created(funding.officer.post("/api/calls", "{\"year\": 2026, \"title\": \"其后的揭榜挂帅\"}"),
                "callId");

        List<String> published = new ArrayList<>();
        TopicRecords.awaitMatching(RealInfrastructure.kafka().adminProperties(), Topics.FUNDING_CALL_V1, r -> {
            published.add(TopicRecords.header(r, "ce_type") + " " + new String(r.value(), StandardCharsets.UTF_8));
            return later.equals(r.key());
        }, Duration.ofSeconds(30));
        assertThat(published).isNotEmpty().noneMatch(record -> record.contains(ranked.applicationId())
                || record.contains("DECLINED-NOT-PUBLIC") || record.contains("expertRef") || record.contains("88.5"));
        assertThat(published).filteredOn(record -> record.contains(ranked.callId())).hasSizeGreaterThanOrEqualTo(2)
                .extracting(r -> r.split(" ")[0])
                .containsOnly(IntegrationEventCatalog.typeOf(ChallengeCallOpened.class),
                        IntegrationEventCatalog.typeOf(ChallengeListPublished.class));
    }

    private static String demand(FundingScenario funding, String callId, String enterprise, String tier,
                                 String industry, String description, String title) {
        funding.recordTier(enterprise, tier);
        return created(funding.officer.post("/api/calls/" + callId + "/demands", """
                {"enterpriseCreditCode": "%s", "title": "%s", "industry": %s,
                 "description": %s, "budgetCeilingFen": 300000000}""".formatted(enterprise, title, industry,
                description)), "demandId");
    }
}
