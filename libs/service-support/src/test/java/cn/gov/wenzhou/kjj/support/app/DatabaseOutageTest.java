package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerErrorHandling;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.KafkaSupportAutoConfiguration;
import cn.gov.wenzhou.kjj.support.kafka.StbKafkaProperties;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructureInitializer;
import cn.gov.wenzhou.kjj.testsupport.TcpProxy;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away (its connections reset, new ones refused, as when PostgreSQL stops) for longer than every
 * retry and pool timeout, while a backlog of records waits for the consumer. Meanwhile the service is not ready (but
 * alive), and answers every request with 503 within the pool's bound and stores nothing; the consumer retries the
 * first record of the backlog and consumes nothing after it. When the database is back, the service is ready again by
 * itself and every record is applied exactly once; none was dead-lettered.
 *
 * <p>The database is cut by a {@link TcpProxy} in front of the shared test PostgreSQL, not by stopping a server: the
 * other test contexts of this JVM keep theirs, and a cut and a restore take no time on a loaded machine.
 */
@IntegrationTest(properties = {SupportTestApplication.CONFIG,
        RealInfrastructureInitializer.POSTGRES_THROUGH_PROXY + "=true"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int BACKLOG = 20;
    /** What a loaded two-core machine may add to the pool's timeout before the answer is on the wire. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    TcpProxy database;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StbKafkaProperties kafkaProperties;
    @Value("${spring.datasource.hikari.connection-timeout}")
    long poolTimeoutMillis;

    @Test
    void anOutageLongerThanEveryRetryLosesNothingDeadLettersNothingAndIsAnswered503Meanwhile(CapturedOutput output) {
        ApiClient anyone = ApiClient.on(port).anonymous();
        ApiClient officer = ApiClient.on(port).as("FUNDING_OFFICER");
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        String ledger = officer.post("/ledgers", "{\"name\": \"before the outage\", \"openedOn\": \"2026-03-01\"}")
                .body().replace("\"", "");
        double retriesBefore = transientFailures();

        database.cut();
        long cutAt = System.nanoTime();
        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            String ceId = UUID.randomUUID().toString();
            String subject = UUID.randomUUID().toString();
            backlog.add(ceId);
            ConsumerTestRecords.send(ConsumerTestRecords.asPublished(registered(subject), subject, ceId));
        }

        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 503);
        assertThat(anyone.get("/actuator/health/liveness").status()).isEqualTo(200);
        Duration bound = Duration.ofMillis(poolTimeoutMillis).plus(SLACK);
        Duration slowest = Duration.ZERO;
        String outageName = "during the outage " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            slowest = max(slowest, assertUnavailableWithin(bound,
                    () -> officer.post("/ledgers/" + ledger + "/postings", "{\"amountFen\": 100}")));
            slowest = max(slowest, assertUnavailableWithin(bound,
                    () -> officer.post("/ledgers", "{\"name\": \"" + outageName + "\", \"openedOn\": \"2026-03-01\"}")));
        }

        // longer than the old dead-letter point (every try waiting out the pool) and than every retry of a poison record
        Duration oldDeadLetterPoint = Duration.ofMillis(poolTimeoutMillis).plus(kafkaProperties.retryInterval())
                .multipliedBy(kafkaProperties.retryAttempts());
        await().atMost(PATIENCE).until(() -> Duration.ofNanos(System.nanoTime() - cutAt)
                .compareTo(oldDeadLetterPoint.multipliedBy(2)) > 0
                && transientFailures() - retriesBefore >= 2.0 * kafkaProperties.retryAttempts());
        Duration outage = Duration.ofNanos(System.nanoTime() - cutAt);

        database.restore();
        long restoredAt = System.nanoTime();
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        Duration readyAgain = Duration.ofNanos(System.nanoTime() - restoredAt);
        afterTheOutage().until(() -> backlog.stream().allMatch(ceId -> effectCount(ceId) == 1));
        Duration backlogApplied = Duration.ofNanos(System.nanoTime() - restoredAt);

        assertThat(backlog).allSatisfy(ceId -> assertThat(effectCount(ceId)).isEqualTo(1));
        Set<String> deadLettered = TopicRecords.readAll(RealInfrastructure.kafka().adminProperties(),
                        KafkaSupportAutoConfiguration.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1, "support-test"),
                        Duration.ofSeconds(30)).stream()
                .map(record -> TopicRecords.header(record, CloudEventHeaders.ID))
                .collect(Collectors.toSet());
        assertThat(deadLettered).doesNotContainAnyElementsOf(backlog);
        assertThat(backlog).allSatisfy(ceId -> assertThat(jdbc.queryForObject(
                "select count(*) from kafka_dead_letter where ce_id = ?", Long.class, ceId)).isZero());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, ledger)).as("no posting of the outage was stored").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where position(convert_to(?, 'UTF8') "
                + "in payload) > 0", Long.class, outageName)).as("no ledger of the outage was stored").isZero();
        assertThat(officer.post("/ledgers/" + ledger + "/postings", "{\"amountFen\": 100}").status()).isEqualTo(200);
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ")))
                .as("the wait is said at WARN, naming the record that waits")
                .anyMatch(line -> line.contains("waits for the database") && line.contains(Topics.REGISTRY_PLATFORM_V1
                        + "-") && line.contains("(ce_id '"));
        assertThat(output.getAll().lines().filter(line -> line.contains("dead letter:")))
                .as("no record of the backlog is logged as a dead letter")
                .noneMatch(line -> backlog.stream().anyMatch(line::contains));

        log.info("database outage of {} ms: slowest answer {} ms (bound {} ms), ready again {} ms and backlog of {} "
                        + "applied {} ms after the database returned", outage.toMillis(), slowest.toMillis(),
                bound.toMillis(), readyAgain.toMillis(), BACKLOG, backlogApplied.toMillis());
    }

    /**
     * A record the consumer refuses (here: not from its topic's producer) is dead-lettered at once, but while the
     * database is away its dead letter cannot be stored: the record waits for the database like any other, and is
     * counted and logged as waiting (the metric and the WARN line operators watch during an outage). When the database
     * returns it is dead-lettered once and the record behind it is applied once.
     */
    @Test
    void aRefusedRecordMetDuringAnOutageWaitsForTheDatabaseCountedAsWaitingAndIsDeadLetteredWhenItReturns(
            CapturedOutput output) {
        ApiClient anyone = ApiClient.on(port).anonymous();
        await().atMost(PATIENCE).until(() -> anyone.get("/actuator/health/readiness").status() == 200);
        String refusedId = UUID.randomUUID().toString();
        String refusedSubject = UUID.randomUUID().toString();
        String behindId = UUID.randomUUID().toString();
        // the same key: the same partition, so the refused record is the head that everything behind it waits for
        String behindSubject = refusedSubject;
        // the consumer has caught up with the partition (a new consumer group reads it from the start): the refused
        // record will be its head, not a record of an earlier test still waiting before it
        String caughtUpId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(ConsumerTestRecords.asPublished(registered(refusedSubject), refusedSubject, caughtUpId));
        await().atMost(PATIENCE).until(() -> effectCount(caughtUpId) == 1);
        double waitsBefore = transientFailures();

        database.cut();
        try {
            ConsumerTestRecords.send(ConsumerTestRecords.withHeader(
                    ConsumerTestRecords.asPublished(registered(refusedSubject), refusedSubject, refusedId),
                    CloudEventHeaders.SOURCE, "/wenzhou-stb/funding-service"));
            ConsumerTestRecords.send(
                    ConsumerTestRecords.asPublished(registered(behindSubject), behindSubject, behindId));
            // records of other partitions may wait too: the refused record's own line says that it waits
            await().atMost(PATIENCE).until(() -> output.getAll().lines().anyMatch(line -> line.contains(" WARN ")
                    && line.contains("waits for the database") && line.contains(refusedId)));
            assertThat(transientFailures()).as("counted as waiting").isGreaterThan(waitsBefore);
        } finally {
            database.restore();
        }

        afterTheOutage().until(() -> deadLetterCount(refusedId) == 1 && effectCount(behindId) == 1);
        assertThat(effectCount(refusedId)).isZero();
    }

    /**
     * A wait on the test's own reads once the database is back: a pooled connection of before the cut is broken, and
     * the pool finds that out by using it once (the read fails and the connection is dropped, the next one is new).
     */
    private static ConditionFactory afterTheOutage() {
        return await().atMost(PATIENCE).ignoreExceptionsInstanceOf(DataAccessResourceFailureException.class);
    }

    private long deadLetterCount(String ceId) {
        return jdbc.queryForObject("select count(*) from kafka_dead_letter where ce_id = ?", Long.class, ceId);
    }

    private static Duration assertUnavailableWithin(Duration bound, java.util.function.Supplier<ApiClient.Response> call) {
        long started = System.nanoTime();
        ApiClient.Response response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.json().path("type").asText()).endsWith("/problems/dependency-unavailable");
        assertThat(response.json().path("dependency").asText()).isEqualTo("database");
        assertThat(took).as("answered within the pool's bound").isLessThan(bound);
        return took;
    }

    private double transientFailures() {
        return meters.find(ConsumerErrorHandling.TRANSIENT_METRIC).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long effectCount(String messageId) {
        return jdbc.queryForObject("select count(*) from test_effect where message_id = ?", Long.class, messageId);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static PlatformRegistered registered(String subject) {
        return new PlatformRegistered(subject, "91330300MA2H7K8L0G", "t", "LUCHENG", "DIGITAL_ECONOMY", "ENTERPRISE",
                "LEADING_ENTERPRISE", LocalDate.of(2024, 1, 2));
    }
}
