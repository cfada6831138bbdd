package cn.gov.wenzhou.kjj.registry.integration;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.funding.FundsRecovered;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectClosed;
import cn.gov.wenzhou.kjj.contracts.funding.TrancheDisbursed;
import cn.gov.wenzhou.kjj.contracts.talent.HireAdmitted;
import cn.gov.wenzhou.kjj.contracts.talent.HireExited;
import cn.gov.wenzhou.kjj.registry.RegistryIntegrationTest;
import cn.gov.wenzhou.kjj.registry.TestPlatforms;
import cn.gov.wenzhou.kjj.registry.TestPlatforms.Registered;
import cn.gov.wenzhou.kjj.registry.command.PlatformRecordEvents.FundedProjectWon;
import cn.gov.wenzhou.kjj.registry.command.ProjectRole;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.kafka.ProcessedMessages;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.registry.TestPlatforms.PATIENCE;
import static cn.gov.wenzhou.kjj.registry.TestPlatforms.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * funding-service and talent-pool-service are built alongside: their events are published here by hand, exactly as
 * those services will publish them (same records, same CloudEvents headers).
 */
@RegistryIntegrationTest
class IndicatorFeedListenerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();
    @Autowired
    ProcessedMessages processed;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    TestPlatforms platforms;

    @BeforeEach
    void setUp() {
        platforms = new TestPlatforms(port, jdbc);
    }

    @Test
    void projectsFundsAndPoolHiresBecomeThePlatformsRecordedIndicators() {
        Registered lead = platforms.recognized(uniqueName("牵头平台"));
        Registered partner = platforms.recognized(uniqueName("联合平台"));
        String project = UUID.randomUUID().toString();
        LocalDate awardedOn = LocalDate.of(2025, 3, 1);

        publish(project, new ProjectAwarded(project, "call-2025", "电驱系统关键技术攻关", lead.creditCode(),
                lead.platformId(), List.of(partner.platformId()), 300_000_000L, 100_000_000L, "2025.1", awardedOn));
        publish(project, new TrancheDisbursed(project, 1, 150_000_000L, lead.creditCode(), lead.platformId(),
                LocalDate.of(2025, 4, 1)));
        publish(project, new TrancheDisbursed(project, 2, 90_000_000L, lead.creditCode(), lead.platformId(),
                LocalDate.of(2026, 1, 10)));
        publish(project, new FundsRecovered(project, 20_000_000L, lead.creditCode(), lead.platformId(),
                LocalDate.of(2026, 2, 1)));
        publish(project, new ProjectClosed(project, "TERMINATED", lead.creditCode(), lead.platformId(), 0,
                "RETURNED", LocalDate.of(2026, 2, 2)));
        String enrollment = UUID.randomUUID().toString();
        publish(enrollment, new HireAdmitted(enrollment, lead.creditCode(), lead.platformId(), "INTELLIGENT_MANUFACTURING",
                "MID_LEVEL", LocalDate.of(2025, 5, 1)));
        publish(enrollment, new HireExited(enrollment, lead.creditCode(), lead.platformId(), "INTELLIGENT_MANUFACTURING",
                "MID_LEVEL", "LEFT_EMPLOYER", LocalDate.of(2026, 3, 1)));
        String stays = UUID.randomUUID().toString();
        publish(stays, new HireAdmitted(stays, lead.creditCode(), lead.platformId(), "NEW_MATERIALS", "TECHNICIAN",
                LocalDate.of(2025, 6, 1)));

        JsonNode detail = platforms.awaitDetail(lead.platformId(),
                d -> d.path("recordedTotals").path("poolHiresJoined").asLong() == 2
                        && d.path("recordedTotals").path("projectsClosed").asLong() == 1
                        && d.path("recordedTotals").path("poolHiresLeft").asLong() == 1);
        JsonNode totals = detail.path("recordedTotals");
        assertThat(totals.path("projectsWon").asLong()).isEqualTo(1);
        assertThat(totals.path("projectsLed").asLong()).isEqualTo(1);
        assertThat(totals.path("awarded").path("fen").asLong()).isEqualTo(300_000_000L);
        assertThat(totals.path("fundsReceived").path("fen").asLong()).isEqualTo(240_000_000L);
        assertThat(totals.path("fundsRecovered").path("fen").asLong()).isEqualTo(20_000_000L);
        assertThat(totals.path("netFundsReceived").path("yuan").decimalValue()).isEqualByComparingTo("2200000.00");
        assertThat(totals.path("poolHiresCurrent").asLong()).isEqualTo(1);
        JsonNode year2025 = year(detail, 2025);
        assertThat(year2025.path("recorded").path("fundsReceived").path("fen").asLong()).isEqualTo(150_000_000L);
        assertThat(year2025.path("recorded").path("poolHiresJoined").asLong()).isEqualTo(2);
        assertThat(year(detail, 2026).path("recorded").path("fundsReceived").path("fen").asLong())
                .isEqualTo(90_000_000L);

        JsonNode partnerDetail = platforms.awaitDetail(partner.platformId(),
                d -> d.path("recordedTotals").path("projectsWon").asLong() == 1);
        assertThat(partnerDetail.path("recordedTotals").path("projectsLed").asLong()).isZero();
        assertThat(partnerDetail.path("recordedTotals").path("awarded").path("fen").asLong()).isZero();
        assertThat(platforms.eventTypes(lead.platformId())).contains("FundedProjectWon", "ProjectFundsReceived",
                "ProjectFundsRecovered", "FundedProjectClosed", "PoolHireJoined", "PoolHireLeft");
    }

    @Test
    void theSameRecordDeliveredTwiceIsRecordedOnce() {
        Registered platform = platforms.recognized(uniqueName("重复投递"));
        String enrollment = UUID.randomUUID().toString();
        HireAdmitted admitted = new HireAdmitted(enrollment, platform.creditCode(), platform.platformId(), "F",
                "MID_LEVEL", LocalDate.of(2025, 5, 1));
        String ceId = UUID.randomUUID().toString();
        publisher.publish(admitted, enrollment, ceId, Instant.now());
        publisher.publish(admitted, enrollment, ceId, Instant.now());
        String marker = UUID.randomUUID().toString();
        publish(marker, new HireAdmitted(marker, platform.creditCode(), platform.platformId(), "F", "MID_LEVEL",
                LocalDate.of(2025, 5, 2)));

        await().atMost(PATIENCE).until(() -> platforms.eventTypes(platform.platformId()).stream()
                .filter("PoolHireJoined"::equals).count() == 2);
        assertThat(platforms.eventTypes(platform.platformId()).stream().filter("PoolHireJoined"::equals).count())
                .isEqualTo(2);
    }

    @Test
    void eventsAboutNoPlatformOrAnUnknownOneChangeNothing() {
        long before = processed.countFor(IndicatorFeedListener.CONSUMER);
        String unknown = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        publish(project, new TrancheDisbursed(project, 1, 100L, "91330300MA2H7K8L0G", unknown,
                LocalDate.of(2025, 4, 1)));
        publish(project, new TrancheDisbursed(project, 2, 100L, "91330300MA2H7K8L0G", null,
                LocalDate.of(2025, 4, 2)));

        await().atMost(PATIENCE).until(() -> processed.countFor(IndicatorFeedListener.CONSUMER) >= before + 2);
        assertThat(platforms.events(unknown)).isZero();
    }

    @Test
    void aFundingEventFromAnotherSourceThanFundingIsDeadLetteredAndNeverCounted() {
        Registered platform = platforms.recognized(uniqueName("伪造来源"));
        String project = UUID.randomUUID().toString();
        String forged = UUID.randomUUID().toString();
        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(ConsumerTestRecords.asPublished(
                        new TrancheDisbursed(project, 1, 900_000_000L, platform.creditCode(), platform.platformId(),
                                LocalDate.of(2025, 4, 1)), project, forged),
                CloudEventHeaders.SOURCE, "/wenzhou-stb/sample-subscriber"));
        publish(project, new TrancheDisbursed(project, 2, 100L, platform.creditCode(), platform.platformId(),
                LocalDate.of(2025, 4, 2)));

        JsonNode letter = ConsumerTestRecords.awaitDeadLetter(ApiClient.on(port).as("OPERATOR"), forged, PATIENCE);
        assertThat(letter.path("reason").asText())
                .contains("ce_source '/wenzhou-stb/sample-subscriber' is not the producer of funding.project.v1");
        JsonNode detail = platforms.awaitDetail(platform.platformId(),
                d -> d.path("recordedTotals").path("fundsReceived").path("fen").asLong() > 0);
        assertThat(detail.path("recordedTotals").path("fundsReceived").path("fen").asLong())
                .as("only the genuine tranche counts").isEqualTo(100L);
    }

    @Test
    void theTimelineAndTheAsOfRecordShowWhatOtherServicesReported() {
        Registered platform = platforms.recognized(uniqueName("时间线记录"));
        String project = UUID.randomUUID().toString();
        publish(project, new ProjectAwarded(project, "call-2025", "海上风电运维", platform.creditCode(),
                platform.platformId(), List.of(), 50_000_000L, 20_000_000L, "2025.1", LocalDate.of(2025, 3, 1)));
        String enrollment = UUID.randomUUID().toString();
        publish(enrollment, new HireAdmitted(enrollment, platform.creditCode(), platform.platformId(), "F",
                "MID_LEVEL", LocalDate.of(2025, 5, 1)));
        platforms.awaitDetail(platform.platformId(), d -> d.path("recordedTotals").path("poolHiresJoined").asLong() == 1
                && d.path("recordedTotals").path("projectsWon").asLong() == 1);

        JsonNode timeline = platforms.timeline(platform.platformId());
        List<String> types = new java.util.ArrayList<>();
        timeline.forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types).startsWith("PlatformRegistered", "PlatformRecognized").contains("FundedProjectWon",
                "PoolHireJoined");
        for (int i = 0; i < timeline.size(); i++) {
            assertThat(timeline.get(i).path("sequence").asLong()).as("positions in the merged history").isEqualTo(i);
        }
        ApiClient.Response asOf = platforms.admin().get("/api/platforms/" + platform.platformId() + "/as-of?at="
                + Instant.now());
        TestPlatforms.expect(200, asOf);
        assertThat(asOf.json().path("eventsApplied").asLong()).isEqualTo(platforms.events(platform.platformId()));
        JsonNode recorded = asOf.json().path("state").path("recorded");
        assertThat(recorded.path("projectsWon").asLong()).isEqualTo(1);
        assertThat(recorded.path("awardFen").asLong()).isEqualTo(50_000_000L);
        assertThat(recorded.path("poolHiresJoined").asLong()).isEqualTo(1);
    }

    @Test
    void aProjectThePlatformRecordedInTheLastReleaseIsNotCountedAgain() {
        Registered platform = platforms.recognized(uniqueName("上一版记录"));
        String project = UUID.randomUUID().toString();
        storeInThePlatformsStreamAsTheLastReleaseDid(platform, new FundedProjectWon(platform.platformId(), project,
                "call-2025", "氢能储运", ProjectRole.LEAD, 80_000_000L, LocalDate.of(2025, 3, 1), "ce-last-release"));
        publish(project, new ProjectAwarded(project, "call-2025", "氢能储运", platform.creditCode(),
                platform.platformId(), List.of(), 80_000_000L, 30_000_000L, "2025.1", LocalDate.of(2025, 3, 1)));
        String marker = UUID.randomUUID().toString();
        publish(marker, new HireAdmitted(marker, platform.creditCode(), platform.platformId(), "F", "MID_LEVEL",
                LocalDate.of(2025, 5, 2)));

        JsonNode detail = platforms.awaitDetail(platform.platformId(),
                d -> d.path("recordedTotals").path("poolHiresJoined").asLong() == 1);
        assertThat(detail.path("recordedTotals").path("projectsWon").asLong()).isEqualTo(1);
        assertThat(detail.path("recordedTotals").path("awarded").path("fen").asLong()).isEqualTo(80_000_000L);
        assertThat(platforms.eventTypes(platform.platformId()).stream().filter("FundedProjectWon"::equals).count())
                .isEqualTo(1);
    }

    /** A raw row of the event store, next in the platform's own stream, where the last release recorded such facts. */
    private void storeInThePlatformsStreamAsTheLastReleaseDid(Registered platform, FundedProjectWon won) {
        Long next = jdbc.queryForObject("select max(sequence_number) + 1 from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, platform.platformId());
        String payload = """
                {"platformId":"%s","projectId":"%s","callId":"%s","title":"%s","role":"%s","awardFen":%d,\
                "awardedOn":"%s","sourceEventId":"%s"}""".formatted(won.platformId(), won.projectId(), won.callId(),
                won.title(), won.role(), won.awardFen(), won.awardedOn(), won.sourceEventId());
        jdbc.update("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (nextval('domain_event_entry_seq'), ?, ?, ?, 'Platform', ?, ?, null, ?, ?)""",
                UUID.randomUUID().toString(), platform.platformId(), next, Instant.now().toString(),
                FundedProjectWon.class.getName(), payload.getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"system:platform-registry/indicator-feed\",\"actorRole\":\"SYSTEM\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String key, IntegrationEvent event) {
        publisher.publish(event, key, UUID.randomUUID().toString(), Instant.now());
    }

    private static JsonNode year(JsonNode detail, int year) {
        for (JsonNode node : detail.path("years")) {
            if (node.path("year").asInt() == year) {
                return node;
            }
        }
        throw new AssertionError("no year " + year + " in " + detail);
    }
}
