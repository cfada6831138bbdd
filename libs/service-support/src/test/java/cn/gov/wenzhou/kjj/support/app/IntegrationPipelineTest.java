package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.contracts.funding.ProjectAwarded;
import cn.gov.wenzhou.kjj.contracts.registry.PlatformRegistered;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.ConsumerTestRecords;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationEventPublisher;
import cn.gov.wenzhou.kjj.support.kafka.KafkaSupportAutoConfiguration;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import cn.gov.wenzhou.kjj.support.tracing.MessageTraces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.testsupport.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class IntegrationPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    IntegrationEventPublisher publisher;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EffectListener effects;
    @Autowired
    Tracer tracer;

    @Test
    void domainEventIsPublishedWithCloudEventsHeadersKeyedByAggregateId() {
        String ledgerId = UUID.randomUUID().toString();
        commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "headers"));

        ConsumerRecord<String, byte[]> record = TopicRecords.awaitMatching(bootstrap(), Topics.REGISTRY_PLATFORM_V1,
                r -> ledgerId.equals(r.key()), PATIENCE).get(0);

        String storedEventId = jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ?", String.class,
                ledgerId);
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(storedEventId);
        assertThat(header(record, CloudEventHeaders.TYPE))
                .isEqualTo(IntegrationEventCatalog.typeOf(PlatformRegistered.class));
        // the topic's producer, as the contracts name it: the only source its consumers accept
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/wenzhou-stb/platform-registry");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(ledgerId);
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"name\":\"headers\"");
    }

    /**
     * The processor publishes on a thread of its own, later: the record still carries the trace of the request that
     * sent the command, in a span of its own (the send's), as a W3C traceparent header beside the ce_ headers.
     */
    @Test
    void publishedRecordCarriesTheTraceOfTheRequestThatSentTheCommand() {
        String ledgerId = UUID.randomUUID().toString();
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            commands.sendAndWait(new Ledger.OpenLedger(ledgerId, "traced"));
        } finally {
            request.end();
        }

        ConsumerRecord<String, byte[]> record = TopicRecords.awaitMatching(bootstrap(), Topics.REGISTRY_PLATFORM_V1,
                r -> ledgerId.equals(r.key()), PATIENCE).get(0);

        String traceparent = header(record, MessageTraces.TRACEPARENT);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.split("-")[1]).isEqualTo(request.context().traceId());
        assertThat(traceparent.split("-")[2]).isNotEqualTo(request.context().spanId());
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
    }

    @Test
    void consumerHandlesARecordInASpanOfTheTraceItsTraceparentNames() {
        String subject = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(record(subject, ceId), MessageTraces.TRACEPARENT,
                "00-" + traceId + "-00f067aa0ba902b7-01"));

        await().atMost(PATIENCE).until(() -> effectCount(ceId) == 1);
        assertThat(effects.traceIds).containsEntry(subject, traceId);
    }

    @Test
    void redeliveredRecordChangesNothing() {
        String subject = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> original = record(subject, ceId);
        kafka.send(original);
        kafka.send(record(subject, ceId));
        String marker = UUID.randomUUID().toString();
        kafka.send(record(subject, marker));

        await().atMost(PATIENCE).until(() -> effectCount(marker) == 1);
        assertThat(effectCount(ceId)).isEqualTo(1);
    }

    /** The consumer ledger lives in integration-consumer (no Axon); a service still runs effects in a unit of work. */
    @Test
    void effectRunsInAnAxonUnitOfWorkInAService() {
        String subject = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        kafka.send(record(subject, ceId));

        await().atMost(PATIENCE).until(() -> effectCount(ceId) == 1);
        assertThat(effects.inUnitOfWork).contains(subject);
    }

    @Test
    void recordThatKeepsFailingIsDeadLetteredWithItsReasonAndConsumptionGoesOn() {
        String subject = UUID.randomUUID().toString();
        effects.failing.add(subject);
        String failingId = UUID.randomUUID().toString();
        kafka.send(record(subject, failingId));

        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.awaitMatching(bootstrap(),
                KafkaSupportAutoConfiguration.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1, "support-test"),
                r -> failingId.equals(header(r, CloudEventHeaders.ID)), PATIENCE);

        assertThat(header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON)).contains("effect refused");
        effects.failing.remove(subject);
        String nextId = UUID.randomUUID().toString();
        kafka.send(record(subject, nextId));
        await().atMost(PATIENCE).until(() -> effectCount(nextId) == 1);
        assertThat(effectCount(failingId)).isZero();
    }

    @Test
    void recordFromAnotherSourceThanTheTopicsProducerIsDeadLetteredAndNeverApplied() {
        String subject = UUID.randomUUID().toString();
        String forgedId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(record(subject, forgedId),
                CloudEventHeaders.SOURCE, "/wenzhou-stb/funding-service"));
        String nextId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(record(subject, nextId));

        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.awaitMatching(bootstrap(),
                KafkaSupportAutoConfiguration.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1, "support-test"),
                r -> forgedId.equals(header(r, CloudEventHeaders.ID)), PATIENCE);

        assertThat(header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON))
                .contains("ce_source '/wenzhou-stb/funding-service' is not the producer of registry.platform.v1");
        await().atMost(PATIENCE).until(() -> effectCount(nextId) == 1);
        assertThat(effectCount(forgedId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from processed_message where message_id = ?", Long.class,
                forgedId)).isZero();
    }

    @Test
    void recordOfATypeAnotherTopicCarriesIsDeadLetteredAndNeverApplied() {
        String subject = UUID.randomUUID().toString();
        String misroutedId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(record(subject, misroutedId),
                CloudEventHeaders.TYPE, IntegrationEventCatalog.typeOf(ProjectAwarded.class)));

        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.awaitMatching(bootstrap(),
                KafkaSupportAutoConfiguration.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1, "support-test"),
                r -> misroutedId.equals(header(r, CloudEventHeaders.ID)), PATIENCE);

        assertThat(header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON))
                .contains("ce_type '" + IntegrationEventCatalog.typeOf(ProjectAwarded.class)
                        + "' is not published on registry.platform.v1");
        assertThat(effectCount(misroutedId)).isZero();
    }

    @Test
    void anEventTypeNewerThanThisBuildOnItsOwnTopicIsSkippedNotDeadLettered() {
        String subject = UUID.randomUUID().toString();
        String newerId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(ConsumerTestRecords.withHeader(record(subject, newerId),
                CloudEventHeaders.TYPE, IntegrationEventCatalog.TYPE_PREFIX + "registry.platform.v1.PlatformMerged"));
        String nextId = UUID.randomUUID().toString();
        ConsumerTestRecords.send(record(subject, nextId));

        await().atMost(PATIENCE).until(() -> effectCount(nextId) == 1);
        assertThat(effectCount(newerId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from kafka_dead_letter where ce_id = ?", Long.class, newerId))
                .isZero();
    }

    @Test
    void recordWithoutCloudEventsHeadersIsDeadLetteredWithoutRetries() {
        String subject = UUID.randomUUID().toString();
        kafka.send(new ProducerRecord<>(Topics.REGISTRY_PLATFORM_V1, subject, "{}".getBytes(StandardCharsets.UTF_8)));

        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.awaitMatching(bootstrap(),
                KafkaSupportAutoConfiguration.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1, "support-test"),
                r -> subject.equals(r.key()), PATIENCE);

        assertThat(header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON)).contains("ce_specversion");
    }

    private static ProducerRecord<String, byte[]> record(String subject, String ceId) {
        return ConsumerTestRecords.asPublished(registered(subject), subject, ceId);
    }

    private static PlatformRegistered registered(String subject) {
        return new PlatformRegistered(subject, "91330300MA2H7K8L0G", "t", "LUCHENG", "DIGITAL_ECONOMY", "ENTERPRISE",
                "LEADING_ENTERPRISE", LocalDate.of(2024, 1, 2));
    }

    private long effectCount(String messageId) {
        return jdbc.queryForObject("select count(*) from test_effect where message_id = ?", Long.class, messageId);
    }

    private static Map<String, Object> bootstrap() {
        return RealInfrastructure.kafka().adminProperties();
    }
}
