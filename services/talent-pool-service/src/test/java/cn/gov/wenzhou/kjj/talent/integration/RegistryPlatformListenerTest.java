package cn.gov.wenzhou.kjj.talent.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.query.EmployerPlatformProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * registry.platform.v2's standings in (hand-made records, as the registry publishes them), talent.enrollment.v1 out.
 */
@TalentIntegrationTest
class RegistryPlatformListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();
    @Autowired
    EmployerPlatformProjection platforms;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    EventProcessingConfiguration processing;
    TalentFlows flows;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
    }

    @Test
    void aRegisteredPlatformIsKnownAsAnEmployerAndItsStatusFollowsTheRegistry() {
        String platformId = UUID.randomUUID().toString();
        String creditCode = TalentTestData.creditCode();
        publish(registered(platformId, creditCode), platformId);
        publish(standingsOf(platformId, creditCode).recognized("MUNICIPAL", LocalDate.of(2026, 4, 1)), platformId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platforms.platformOf(creditCode))
                .hasValueSatisfying(platform -> {
                    assertThat(platform.platformId()).isEqualTo(platformId);
                    assertThat(platform.status()).isEqualTo("RECOGNIZED");
                    assertThat(platform.level()).isEqualTo("MUNICIPAL");
                    assertThat(platform.name()).isEqualTo("温州测试研究院");
                }));

        publish(standingsOf(platformId, creditCode).revoked(LocalDate.of(2026, 5, 1)), platformId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(flows.employer(creditCode)
                .get("/api/employers/" + creditCode + "/platform").json().path("status").asText())
                .isEqualTo("REVOKED"));
    }

    @Test
    void theSameRegistryEventDeliveredTwiceIsNotedOnce() {
        String platformId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String creditCode = TalentTestData.creditCode();
        publisher.publish(registered(platformId, creditCode), platformId, ceId, Instant.now());
        publisher.publish(registered(platformId, creditCode), platformId, ceId, Instant.now());
        String marker = UUID.randomUUID().toString();
        publish(registered(marker, TalentTestData.creditCode()), marker);

        await().atMost(PATIENCE).until(() -> eventsOf(marker) == 1);
        assertThat(eventsOf(platformId)).isEqualTo(1);
    }

    @Test
    void anAdmittedHireOfAPlatformIsPublishedWithThePlatformId() {
        String platformId = UUID.randomUUID().toString();
        String creditCode = TalentTestData.creditCode();
        publish(registered(platformId, creditCode), platformId);
        await().atMost(PATIENCE).until(() -> platforms.platformOf(creditCode).isPresent());
        flows.freePosts(1);

        String id = flows.admitted(creditCode, TalentTestData.person());

        ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.TALENT_ENROLLMENT_V1,
                record -> id.equals(record.key()), PATIENCE).get(0);
        assertThat(TopicRecords.header(published, CloudEventHeaders.SOURCE))
                .isEqualTo("/wenzhou-stb/talent-pool-service");
        assertThat(new String(published.value(), StandardCharsets.UTF_8))
                .contains("\"platformId\":\"" + platformId + "\"", "\"employerCreditCode\":\"" + creditCode + "\"");
        projections.awaitCaughtUp("enrollments", PATIENCE);
        JsonNode view = flows.institute.get("/api/enrollments/" + id).json();
        assertThat(view.path("employerPlatformId").asText()).isEqualTo(platformId);
    }

    /**
     * The fault suite's lost admissions: the employer's platform was noted (its PlatformStatusNoted in the store) but
     * the employer-platforms view had not caught up (its processor backing off after a database outage), and the
     * admission, decided on that view, named no platform, for good: the registry never counted the hire. The
     * admission asks the command side, written with the note itself.
     */
    @Test
    void anAdmissionNamesThePlatformNotedBeforeItEvenWhileTheEmployerPlatformsViewLagsBehind() {
        StreamingEventProcessor view = processing.eventProcessor(EmployerPlatformProjection.NAME,
                StreamingEventProcessor.class).orElseThrow();
        view.shutDown();
        try {
            String platformId = UUID.randomUUID().toString();
            String creditCode = TalentTestData.creditCode();
            publish(registered(platformId, creditCode), platformId);
            await().atMost(PATIENCE).until(() -> eventsOf(platformId) == 1);
            assertThat(platforms.platformOf(creditCode)).as("the view lags behind the note").isEmpty();
            flows.freePosts(1);

            String id = flows.admitted(creditCode, TalentTestData.person());

            ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(
                    RealInfrastructure.kafka().adminProperties(), Topics.TALENT_ENROLLMENT_V1,
                    record -> id.equals(record.key()), PATIENCE).get(0);
            assertThat(new String(published.value(), StandardCharsets.UTF_8))
                    .contains("\"platformId\":\"" + platformId + "\"");
        } finally {
            view.start();
        }
        projections.awaitCaughtUp(EmployerPlatformProjection.NAME, PATIENCE);
    }

    @Test
    void anEnterpriseThatIsNoPlatformIsPublishedWithoutPlatformId() {
        String creditCode = TalentTestData.creditCode();
        flows.freePosts(1);
        String id = flows.admitted(creditCode, TalentTestData.person());

        ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.TALENT_ENROLLMENT_V1,
                record -> id.equals(record.key()), PATIENCE).get(0);
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).contains("\"platformId\":null");
        assertThat(flows.institute.get("/api/employers/" + creditCode + "/platform").status()).isEqualTo(404);
    }

    @Test
    void aRecognitionFromAnotherSourceThanTheRegistryIsDeadLetteredAndNeverNoted() {
        String platformId = UUID.randomUUID().toString();
        String creditCode = TalentTestData.creditCode();
        publish(registered(platformId, creditCode), platformId);
        await().atMost(PATIENCE).until(() -> platforms.platformOf(creditCode).isPresent());
        String forged = UUID.randomUUID().toString();

        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(ConsumerTestRecords.asPublished(
                        standingsOf(platformId, creditCode).recognized("NATIONAL", LocalDate.of(2026, 4, 1)),
                        platformId, forged),
                CloudEventHeaders.SOURCE, "/wenzhou-stb/sample-subscriber"));
        publish(standingsOf(platformId, creditCode).recognized("MUNICIPAL", LocalDate.of(2026, 4, 2)), platformId);

        JsonNode letter = ConsumerTestRecords.awaitDeadLetter(ApiClient.on(port).as("OPERATOR"), forged,
                PATIENCE);
        assertThat(letter.path("reason").asText())
                .contains("ce_source '/wenzhou-stb/sample-subscriber' is not the producer of registry.platform.v2");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platforms.platformOf(creditCode))
                .hasValueSatisfying(platform -> {
                    assertThat(platform.status()).isEqualTo("RECOGNIZED");
                    assertThat(platform.level()).isEqualTo("MUNICIPAL");
                }));
        assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class,
                forged)).isZero();
    }

    private void publish(Object event, String platformId) {
        publisher.publish((cn.gov.wenzhou.kjj.contracts.IntegrationEvent) event, platformId,
                UUID.randomUUID().toString(), Instant.now());
    }

    /**
     * A rectification reaches talent as the registry decided it: the employer's platform is under rectification at
     * its level while the notice is open, recognized again once the registry says it is confirmed; it stays the
     * employer's platform throughout.
     */
    @Test
    void aRectificationReachesTheEmployersPlatformAsTheRegistryDecidedIt() {
        String platformId = UUID.randomUUID().toString();
        String creditCode = TalentTestData.creditCode();
        PublishedStandings registry = standingsOf(platformId, creditCode);
        publish(registry.registered(LocalDate.of(2024, 3, 15)), platformId);
        publish(registry.recognized("PROVINCIAL", LocalDate.of(2024, 6, 1)), platformId);
        publish(registry.underRectification("PROVINCIAL", 2025, LocalDate.of(2026, 5, 20)), platformId);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode platform = flows.employer(creditCode).get("/api/employers/" + creditCode + "/platform").json();
            assertThat(platform.path("status").asText()).isEqualTo("UNDER_RECTIFICATION");
            assertThat(platform.path("level").asText()).isEqualTo("PROVINCIAL");
            assertThat(platform.path("platformId").asText()).isEqualTo(platformId);
        });

        publish(registry.rectified("PROVINCIAL", LocalDate.of(2026, 9, 1)), platformId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platforms.platformOf(creditCode))
                .hasValueSatisfying(platform -> {
                    assertThat(platform.status()).isEqualTo("RECOGNIZED");
                    assertThat(platform.level()).isEqualTo("PROVINCIAL");
                }));
        assertThat(eventsOf(platformId)).isEqualTo(4);
    }

    /**
     * Replayed from the beginning, the standings give the employer's platform each change once and leave it at the
     * last; a standing published after the replay (same key, so after it) is the next change.
     */
    @Test
    void aReplayOfTheStandingsFromTheBeginningLeavesThePlatformAtTheLastOne() {
        String platformId = UUID.randomUUID().toString();
        String creditCode = TalentTestData.creditCode();
        PublishedStandings registry = standingsOf(platformId, creditCode);
        java.util.List<cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged> history = java.util.List.of(
                registry.registered(LocalDate.of(2022, 1, 10)),
                registry.recognized("MUNICIPAL", LocalDate.of(2022, 3, 15)),
                registry.revoked(LocalDate.of(2026, 5, 20)),
                registry.reapplied(LocalDate.of(2028, 6, 1)));
        java.util.List<String> ids = history.stream().map(standing -> UUID.randomUUID().toString()).toList();
        for (int i = 0; i < history.size(); i++) {
            publisher.publish(history.get(i), platformId, ids.get(i), Instant.now());
        }
        await().atMost(PATIENCE).until(() -> eventsOf(platformId) == history.size());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platforms.platformOf(creditCode))
                .hasValueSatisfying(platform -> {
                    assertThat(platform.status()).isEqualTo("REAPPLIED");
                    assertThat(platform.level()).isNull();
                }));

        for (int i = 0; i < history.size(); i++) {
            publisher.publish(history.get(i), platformId, ids.get(i), Instant.now());
        }
        publish(registry.standing("RECOGNIZED", "MUNICIPAL", java.util.List.of(), LocalDate.of(2028, 9, 1),
                "PlatformReRecognized"), platformId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platforms.platformOf(creditCode))
                .hasValueSatisfying(platform -> assertThat(platform.status()).isEqualTo("RECOGNIZED")));
        assertThat(eventsOf(platformId)).as("the replayed standings, noted once").isEqualTo(history.size() + 1);
    }

    private long eventsOf(String platformId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, platformId);
    }

    private static cn.gov.wenzhou.kjj.contracts.registry.v2.PlatformStandingChanged registered(String platformId,
                                                                                             String creditCode) {
        return standingsOf(platformId, creditCode).registered(LocalDate.of(2026, 3, 15));
    }

    private static PublishedStandings standingsOf(String platformId, String creditCode) {
        return new PublishedStandings(platformId, creditCode, "温州测试研究院");
    }
}
