package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.failure.DatabaseReachability;
import cn.gov.wenzhou.kjj.support.failure.DependencyUnavailableException;
import cn.gov.wenzhou.kjj.support.failure.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The consuming side of the published language: checks the CloudEvents headers, refuses a record that does not come
 * from its topic's producer (the contracts name one per topic), resolves {@code ce_type} to its record, and applies the
 * consumer's effect exactly once — the effect (commands included) and the "seen {@code ce_id}" row commit in one
 * database transaction ({@link EffectTransaction}).
 *
 * <p>A failure that will pass (the database away, a lock conflict) leaves as a {@link DependencyUnavailableException}:
 * the listener container retries that record for as long as it takes and never dead-letters it. Any other failure is
 * the record's: retried a bounded number of times, then dead-lettered.
 */
public class InboundIntegrationEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundIntegrationEvents.class);

    private final ProcessedMessages processedMessages;
    private final EffectTransaction transaction;
    private final DatabaseReachability database;

    public InboundIntegrationEvents(ProcessedMessages processedMessages, EffectTransaction transaction,
                                    DatabaseReachability database) {
        this.processedMessages = processedMessages;
        this.transaction = transaction;
        this.database = database;
    }

    /**
     * Applies {@code effect} to the record unless {@code consumer} has seen its {@code ce_id} before.
     *
     * @return {@code true} if the effect ran, {@code false} for a redelivery or an event type this build does not know
     */
    public boolean apply(ConsumerRecord<String, byte[]> record, String consumer, Consumer<ReceivedEvent> effect) {
        Optional<ReceivedEvent> received = read(record);
        if (received.isEmpty()) {
            return false;
        }
        ReceivedEvent event = received.get();
        try {
            return transaction.execute(consumer + " applies " + event.type(), () -> {
                if (!processedMessages.markProcessed(consumer, event.id())) {
                    log.debug("{} already processed {} ({})", consumer, event.id(), event.type());
                    return false;
                }
                effect.accept(event);
                return true;
            });
        } catch (RuntimeException failure) {
            throw asTransientIfItWillPass(failure);
        }
    }

    /**
     * A failure whose cause will pass, or any failure while the database does not answer, is not the record's fault:
     * it must be retried, never dead-lettered.
     */
    private RuntimeException asTransientIfItWillPass(RuntimeException failure) {
        if (failure instanceof DependencyUnavailableException) {
            return failure;
        }
        Optional<String> dependency = TransientFailures.dependencyOf(failure);
        if (dependency.isEmpty() && !database.answers()) {
            dependency = Optional.of(TransientFailures.DATABASE);
        }
        return dependency.<RuntimeException>map(waitingFor -> new DependencyUnavailableException(waitingFor,
                        "waiting for the " + waitingFor + ": " + TransientFailures.summary(failure), failure))
                .orElse(failure);
    }

    /**
     * Parses a record; empty when its type is unknown to this build but belongs to the topic (a newer producer:
     * tolerated, skipped).
     *
     * @throws RefusedIntegrationEventException when the record's source is not its topic's producer, or its type is
     *                                          not one that producer publishes on that topic
     */
    public static Optional<ReceivedEvent> read(ConsumerRecord<String, byte[]> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedIntegrationEventException("ce_specversion must be 1.0, was " + HeaderText.echo(specVersion));
        }
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        checkProducer(record.topic(), source, type);
        Instant time = parseTime(header(record, CloudEventHeaders.TIME));
        Optional<Class<? extends IntegrationEvent>> eventClass = IntegrationEventCatalog.byType(type);
        if (eventClass.isEmpty()) {
            log.info("skipping event type unknown to this build: {}", HeaderText.echo(type));
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new MalformedIntegrationEventException("record " + HeaderText.echo(id) + " has no data");
        }
        try {
            IntegrationEvent event = IntegrationJson.mapper().readValue(record.value(), eventClass.get());
            return Optional.of(new ReceivedEvent(id, type, source, header(record, CloudEventHeaders.SUBJECT), time,
                    event));
        } catch (IOException e) {
            throw new MalformedIntegrationEventException("data of " + HeaderText.echo(id) + " does not fit " + type, e);
        }
    }

    /** Only the topic's producer writes it, and only the types it publishes there (see {@link Topics#producerOf}). */
    private static void checkProducer(String topic, String source, String type) {
        String producer = Topics.producerOf(topic).orElseThrow(() -> new RefusedIntegrationEventException(
                "refused: topic " + HeaderText.echo(topic) + " has no producer in the published contracts"));
        if (!producer.equals(source)) {
            throw new RefusedIntegrationEventException("refused: ce_source " + HeaderText.echo(source) + " is not the producer of "
                    + topic + " (" + producer + ")");
        }
        if (!IntegrationEventCatalog.belongsTo(type, topic)) {
            throw new RefusedIntegrationEventException("refused: ce_type " + HeaderText.echo(type) + " is not published on "
                    + topic);
        }
    }

    private static Instant parseTime(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedIntegrationEventException("ce_time is not RFC 3339: " + HeaderText.echo(time));
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedIntegrationEventException("missing header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
