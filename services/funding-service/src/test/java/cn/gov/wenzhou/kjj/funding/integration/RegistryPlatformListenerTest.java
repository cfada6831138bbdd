package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformUpgraded;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationConfirmed;
import cn.gov.wenzhou.kjj.contracts.registry.RectificationIssued;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingProjection;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingRepository;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.kafka.ProcessedMessages;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FundingIntegrationTest
class RegistryPlatformListenerTest {

    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();
    @Autowired
    PlatformStandingRepository standings;
    @Autowired
    ProcessedMessages processed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @LocalServerPort
    int port;

    @Test
    void registeredPlatformAppearsInThePlatformStandingView() {
        String platformId = UUID.randomUUID().toString();
        publisher.publish(registered(platformId), platformId, UUID.randomUUID().toString(), Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(standings.findById(platformId)).hasValueSatisfying(view -> {
                    assertThat(view.getStanding()).isEqualTo("REGISTERED");
                    assertThat(view.getCreditCode()).isEqualTo("91330300MA2H7K8L0G");
                }));
    }

    @Test
    void sameRegistryEventDeliveredTwiceIsRecordedOnce() {
        String platformId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        publisher.publish(registered(platformId), platformId, ceId, Instant.now());
        publisher.publish(registered(platformId), platformId, ceId, Instant.now());
        String marker = UUID.randomUUID().toString();
        publisher.publish(registered(marker), marker, UUID.randomUUID().toString(), Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> standings.existsById(marker));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, platformId)).isEqualTo(1);
    }

    @Test
    void rebuildingThePlatformStandingViewReproducesIdenticalRows() {
        for (int i = 0; i < 3; i++) {
            String platformId = UUID.randomUUID().toString();
            publisher.publish(registered(platformId), platformId, UUID.randomUUID().toString(), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> standings.existsById(platformId));
        }
        String before = TableChecksums.of(dataSource, "platform_standing");

        projections.rebuild(PlatformStandingProjection.NAME);
        projections.awaitCaughtUp(PlatformStandingProjection.NAME, Duration.ofSeconds(30));

        assertThat(TableChecksums.of(dataSource, "platform_standing")).isEqualTo(before);
    }

    @Test
    void recognitionRectificationUpgradeAndRevocationChangeTheStandingInOrder() {
        String id = UUID.randomUUID().toString();
        String code = "91330300MA2H7K8L0G";
        publish(id, registered(id));
        publish(id, new PlatformRecognized(id, code, "MUNICIPAL", "温科〔2024〕1号", LocalDate.of(2024, 6, 1)));
        awaitStanding(id, "RECOGNIZED", "MUNICIPAL");
        publish(id, new RectificationIssued(id, code, 2024, "鹿城区科技局", LocalDate.of(2025, 3, 1)));
        awaitStanding(id, "UNDER_RECTIFICATION", "MUNICIPAL");
        publish(id, new RectificationConfirmed(id, code, 2024, LocalDate.of(2025, 5, 1)));
        publish(id, new PlatformUpgraded(id, code, "MUNICIPAL", "PROVINCIAL", "浙科〔2025〕2号",
                LocalDate.of(2025, 6, 1)));
        awaitStanding(id, "RECOGNIZED", "PROVINCIAL");
        publish(id, new RecognitionRevoked(id, code, "连续两年不合格", LocalDate.of(2026, 4, 1),
                LocalDate.of(2028, 4, 1)));
        awaitStanding(id, "REVOKED", "PROVINCIAL");
        assertThat(standings.findById(id).orElseThrow().getName()).isEqualTo("温州智能装备研究院");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).isEqualTo(6);
    }

    @Test
    void aRevocationFromAnotherSourceThanTheRegistryIsDeadLetteredAndTheStandingNeverChanges() {
        String id = UUID.randomUUID().toString();
        String code = "91330300MA2H7K8L0G";
        publish(id, registered(id));
        publish(id, new PlatformRecognized(id, code, "PROVINCIAL", "浙科〔2024〕3号", LocalDate.of(2024, 6, 1)));
        awaitStanding(id, "RECOGNIZED", "PROVINCIAL");
        String forged = UUID.randomUUID().toString();

        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(ConsumerTestRecords.asPublished(
                        new RecognitionRevoked(id, code, "伪造", LocalDate.of(2026, 4, 1), LocalDate.of(2028, 4, 1)),
                        id, forged),
                CloudEventHeaders.SOURCE, "/wenzhou-stb/sample-subscriber"));
        publish(id, new RectificationIssued(id, code, 2024, "鹿城区科技局", LocalDate.of(2025, 3, 1)));

        JsonNode letter = ConsumerTestRecords.awaitDeadLetter(ApiClient.on(port).as("OPERATOR"), forged,
                Duration.ofSeconds(60));
        assertThat(letter.path("reason").asText())
                .contains("ce_source '/wenzhou-stb/sample-subscriber' is not the producer of registry.platform.v1");
        awaitStanding(id, "UNDER_RECTIFICATION", "PROVINCIAL");
        assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class,
                forged)).isZero();
    }

    private void publish(String platformId, cn.gov.wenzhou.kjj.contracts.IntegrationEvent event) {
        publisher.publish(event, platformId, UUID.randomUUID().toString(), Instant.now());
    }

    private void awaitStanding(String platformId, String standing, String level) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(standings.findById(platformId)).hasValueSatisfying(view -> {
                    assertThat(view.getStanding()).isEqualTo(standing);
                    assertThat(view.getLevel()).isEqualTo(level);
                }));
    }

    private static PlatformRegistered registered(String platformId) {
        return new PlatformRegistered(platformId, "91330300MA2H7K8L0G", "温州智能装备研究院", "LUCHENG",
                "INTELLIGENT_EQUIPMENT", "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2024, 3, 15));
    }
}
