package cn.gov.wenzhou.kjj.talent.integration;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRecognized;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.contracts.registry.RecognitionRevoked;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
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
import org.axonframework.eventhandling.TrackingEventProcessor;
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

/** registry.platform.v1 in (hand-made records, as the registry would publish them), talent.enrollment.v1 out. */
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
        publish(new PlatformRecognized(platformId, creditCode, "MUNICIPAL", "温科发〔2026〕1号",
                LocalDate.of(2026, 4, 1)), platformId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platforms.platformOf(creditCode))
                .hasValueSatisfying(platform -> {
                    assertThat(platform.platformId()).isEqualTo(platformId);
                    assertThat(platform.status()).isEqualTo("RECOGNIZED");
                    assertThat(platform.level()).isEqualTo("MUNICIPAL");
                    assertThat(platform.name()).isEqualTo("温州测试研究院");
                }));

        publish(new RecognitionRevoked(platformId, creditCode, "连续两年不合格", LocalDate.of(2026, 5, 1),
                LocalDate.of(2028, 5, 1)), platformId);
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
        TrackingEventProcessor view = processing.eventProcessor(EmployerPlatformProjection.NAME,
                TrackingEventProcessor.class).orElseThrow();
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
                        new PlatformRecognized(platformId, creditCode, "NATIONAL", "伪造", LocalDate.of(2026, 4, 1)),
                        platformId, forged),
                CloudEventHeaders.SOURCE, "/wenzhou-stb/sample-subscriber"));
        publish(new PlatformRecognized(platformId, creditCode, "MUNICIPAL", "温科发〔2026〕2号",
                LocalDate.of(2026, 4, 2)), platformId);

        JsonNode letter = ConsumerTestRecords.awaitDeadLetter(ApiClient.on(port).as("OPERATOR"), forged,
                PATIENCE);
        assertThat(letter.path("reason").asText())
                .contains("ce_source '/wenzhou-stb/sample-subscriber' is not the producer of registry.platform.v1");
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

    private long eventsOf(String platformId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, platformId);
    }

    private static PlatformRegistered registered(String platformId, String creditCode) {
        return new PlatformRegistered(platformId, creditCode, "温州测试研究院", "LUCHENG", "INTELLIGENT_EQUIPMENT",
                "PRIVATE_NON_ENTERPRISE", "LEADING_ENTERPRISE", LocalDate.of(2026, 3, 15));
    }
}
