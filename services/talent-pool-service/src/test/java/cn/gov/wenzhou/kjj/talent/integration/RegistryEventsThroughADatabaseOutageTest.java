package cn.gov.wenzhou.kjj.talent.integration;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerErrorHandling;
import cn.gov.wenzhou.kjj.support.kafka.PublishedStandings;
import cn.gov.wenzhou.kjj.support.kafka.TopicPublisher;
import cn.gov.wenzhou.kjj.support.kafka.StbKafkaProperties;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.query.EmployerPlatformProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructureInitializer;
import cn.gov.wenzhou.kjj.testsupport.TcpProxy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22's loss, as it happened: the talent service's database goes away while registry events wait for its
 * listener, for longer than every retry and pool timeout. Its commands (an Axon aggregate per platform) fail meanwhile;
 * the service is not ready and answers 503; when the database is back, every platform is known with the status the
 * registry gave it, and no record was dead-lettered.
 */
@TalentIntegrationTest
@TestPropertySource(properties = RealInfrastructureInitializer.POSTGRES_THROUGH_PROXY + "=true")
@DirtiesContext
class RegistryEventsThroughADatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(RegistryEventsThroughADatabaseOutageTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int PLATFORMS = 5;

    @LocalServerPort
    int port;
    @Autowired
    TcpProxy database;
    /** As each topic's producer, signed in as it: this service's own publisher may write only its own topics. */
    final TopicPublisher publisher = new TopicPublisher();
    @Autowired
    EmployerPlatformProjection platforms;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StbKafkaProperties kafkaProperties;
    @Value("${spring.datasource.hikari.connection-timeout}")
    long poolTimeoutMillis;

    @Test
    void registryEventsThatArriveDuringTheOutageAreAllAppliedAfterItAndNoneIsDeadLettered() {
        ApiClient anyone = ApiClient.on(port).anonymous();
        ApiClient institute = new TalentFlows(port, projections).institute;
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        double retriesBefore = transientFailures();

        database.cut();
        long cutAt = System.nanoTime();
        List<String> creditCodes = new ArrayList<>();
        List<String> ceIds = new ArrayList<>();
        for (int i = 0; i < PLATFORMS; i++) {
            String platformId = UUID.randomUUID().toString();
            String creditCode = TalentTestData.creditCode();
            creditCodes.add(creditCode);
            PublishedStandings registry = new PublishedStandings(platformId, creditCode, "停库测试研究院");
            ceIds.add(publish(registry.registered(LocalDate.of(2026, 3, 15)), platformId));
            ceIds.add(publish(registry.recognized("MUNICIPAL", LocalDate.of(2026, 4, 1)), platformId));
        }

        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 503);
        assertThat(anyone.get("/actuator/health/liveness").status()).isEqualTo(200);
        long asked = System.nanoTime();
        ApiClient.Response during = institute.get("/api/pool/status/2026");
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
        assertThat(during.status()).as(during.toString()).isEqualTo(503);
        assertThat(during.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(during.json().path("dependency").asText()).isEqualTo("database");
        assertThat(answeredIn).isLessThan(Duration.ofMillis(poolTimeoutMillis).plusSeconds(3));

        // longer than the old dead-letter point (every try waiting out the pool), and several retries of the head record
        Duration oldDeadLetterPoint = Duration.ofMillis(poolTimeoutMillis).plus(kafkaProperties.retryInterval())
                .multipliedBy(kafkaProperties.retryAttempts());
        await().atMost(PATIENCE).until(() -> Duration.ofNanos(System.nanoTime() - cutAt)
                .compareTo(oldDeadLetterPoint.multipliedBy(2)) > 0
                && transientFailures() - retriesBefore >= 2.0 * kafkaProperties.retryAttempts());
        Duration outage = Duration.ofNanos(System.nanoTime() - cutAt);

        database.restore();
        long restoredAt = System.nanoTime();
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(creditCodes).allSatisfy(code ->
                assertThat(platforms.platformOf(code)).hasValueSatisfying(platform ->
                        assertThat(platform.status()).isEqualTo("RECOGNIZED"))));
        Duration caughtUp = Duration.ofNanos(System.nanoTime() - restoredAt);

        assertThat(ceIds).allSatisfy(ceId -> {
            assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class,
                    ceId)).as("applied once").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from kafka_dead_letter where ce_id = ?", Long.class,
                    ceId)).as("never dead-lettered").isZero();
        });
        log.info("talent: database outage of {} ms with {} registry events waiting; an answer meanwhile in {} ms; "
                        + "every platform recognized {} ms after the database returned", outage.toMillis(),
                ceIds.size(), answeredIn.toMillis(), caughtUp.toMillis());
    }

    private String publish(IntegrationEvent event, String platformId) {
        String ceId = UUID.randomUUID().toString();
        publisher.publish(event, platformId, ceId, Instant.parse("2026-04-01T02:00:00Z"));
        return ceId;
    }

    private double transientFailures() {
        return meters.find(ConsumerErrorHandling.TRANSIENT_METRIC).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
