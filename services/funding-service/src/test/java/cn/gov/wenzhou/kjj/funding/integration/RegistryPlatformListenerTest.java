package cn.gov.wenzhou.kjj.funding.integration;

import cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingProjection;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingRepository;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.kafka.ProcessedMessages;
import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** registry.platform.v2's standings in (hand-made records, as the registry publishes them), funding's replica out. */
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
        PublishedStandings registry = registeredAndRecognized(id, "MUNICIPAL");
        awaitStanding(id, "RECOGNIZED", "MUNICIPAL");
        publish(id, registry.underRectification("MUNICIPAL", 2024, LocalDate.of(2025, 3, 1)));
        awaitStanding(id, "UNDER_RECTIFICATION", "MUNICIPAL");
        publish(id, registry.rectified("MUNICIPAL", LocalDate.of(2025, 5, 1)));
        publish(id, registry.upgraded("PROVINCIAL", LocalDate.of(2025, 6, 1)));
        awaitStanding(id, "RECOGNIZED", "PROVINCIAL");
        publish(id, registry.revoked(LocalDate.of(2026, 4, 1)));
        // the registry's standing of a revoked platform has no level: the replica holds what was published
        awaitStanding(id, "REVOKED", null);
        assertThat(standings.findById(id).orElseThrow().getName()).isEqualTo("温州智能装备研究院");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).isEqualTo(6);
    }

    @Test
    void aRevocationFromAnotherSourceThanTheRegistryIsDeadLetteredAndTheStandingNeverChanges() {
        String id = UUID.randomUUID().toString();
        PublishedStandings registry = registeredAndRecognized(id, "PROVINCIAL");
        awaitStanding(id, "RECOGNIZED", "PROVINCIAL");
        String forged = UUID.randomUUID().toString();

        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(ConsumerTestRecords.asPublished(
                        registry.revoked(LocalDate.of(2026, 4, 1)), id, forged),
                CloudEventHeaders.SOURCE, "/wenzhou-stb/sample-subscriber"));
        publish(id, registry.underRectification("PROVINCIAL", 2024, LocalDate.of(2025, 3, 1)));

        JsonNode letter = ConsumerTestRecords.awaitDeadLetter(ApiClient.on(port).as("OPERATOR"), forged,
                Duration.ofSeconds(60));
        assertThat(letter.path("reason").asText())
                .contains("ce_source '/wenzhou-stb/sample-subscriber' is not the producer of registry.platform.v2");
        awaitStanding(id, "UNDER_RECTIFICATION", "PROVINCIAL");
        assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class,
                forged)).isZero();
    }

    /**
     * A rectification reaches funding as the registry decided it: under rectification at its level while the notice
     * is open (still high-level for the priority rule), recognized again once the registry says the last one is
     * confirmed, and not before: a confirmation of one of two open notices leaves it under rectification.
     */
    @Test
    void aRectificationReachesFundingsReplicaAsTheRegistryDecidedIt() {
        String id = UUID.randomUUID().toString();
        PublishedStandings registry = registeredAndRecognized(id, "MUNICIPAL");
        publish(id, registry.underRectification("MUNICIPAL", 2024, LocalDate.of(2025, 5, 20)));
        publish(id, registry.standing("UNDER_RECTIFICATION", "MUNICIPAL", List.of(2024, 2025),
                LocalDate.of(2026, 5, 20), "RectificationIssued"));
        publish(id, registry.standing("UNDER_RECTIFICATION", "MUNICIPAL", List.of(2025), LocalDate.of(2026, 6, 1),
                "RectificationConfirmed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id) == 5);
        awaitStanding(id, "UNDER_RECTIFICATION", "MUNICIPAL");

        publish(id, registry.rectified("MUNICIPAL", LocalDate.of(2026, 9, 1)));
        awaitStanding(id, "RECOGNIZED", "MUNICIPAL");
    }

    /**
     * A replay of the topic from the beginning (a new consumer, or the registry's publisher re-publishing its whole
     * history) gives the replica the standing after every change, each once, and leaves it at the last.
     */
    @Test
    void aReplayOfTheStandingsFromTheBeginningLeavesTheReplicaAtTheLastOne() {
        String id = UUID.randomUUID().toString();
        PublishedStandings registry = standingsOf(id);
        List<PlatformStandingChanged> history = List.of(
                registry.registered(LocalDate.of(2022, 1, 10)),
                registry.recognized("MUNICIPAL", LocalDate.of(2022, 3, 15)),
                registry.underRectification("MUNICIPAL", 2023, LocalDate.of(2024, 5, 20)),
                registry.rectified("MUNICIPAL", LocalDate.of(2024, 9, 30)),
                registry.revoked(LocalDate.of(2026, 5, 20)),
                registry.reapplied(LocalDate.of(2028, 6, 1)));
        List<String> ids = history.stream().map(standing -> UUID.randomUUID().toString()).toList();
        for (int i = 0; i < history.size(); i++) {
            publisher.publish(history.get(i), id, ids.get(i), Instant.now());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(id) == history.size());
        awaitStanding(id, "REAPPLIED", null);

        for (int i = 0; i < history.size(); i++) {
            publisher.publish(history.get(i), id, ids.get(i), Instant.now());
        }
        // after the replayed ones on the platform's partition: the next change
        publish(id, registry.standing("RECOGNIZED", "MUNICIPAL", List.of(), LocalDate.of(2028, 9, 1),
                "PlatformReRecognized"));
        awaitStanding(id, "RECOGNIZED", "MUNICIPAL");
        assertThat(eventsOf(id)).as("the replayed standings, recorded once").isEqualTo(history.size() + 1);
    }

    private long eventsOf(String platformId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, platformId);
    }

    /** The registry's standings of a platform it registered and then recognized at {@code level}, published. */
    private PublishedStandings registeredAndRecognized(String platformId, String level) {
        PublishedStandings registry = standingsOf(platformId);
        publish(platformId, registry.registered(LocalDate.of(2024, 3, 15)));
        publish(platformId, registry.recognized(level, LocalDate.of(2024, 6, 1)));
        return registry;
    }

    private static PublishedStandings standingsOf(String platformId) {
        return new PublishedStandings(platformId, "91330300MA2H7K8L0G", "温州智能装备研究院");
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

    private static PlatformStandingChanged registered(String platformId) {
        return standingsOf(platformId).registered(LocalDate.of(2024, 3, 15));
    }
}
