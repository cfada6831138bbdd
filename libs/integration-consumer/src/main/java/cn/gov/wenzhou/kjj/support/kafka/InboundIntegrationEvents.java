package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
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
 * The consuming side of the published language: checks the CloudEvents headers, resolves {@code ce_type} to its
 * record, and applies the consumer's effect exactly once — the effect (commands included) and the "seen {@code ce_id}"
 * row commit in one database transaction ({@link EffectTransaction}). A failing effect is retried by the listener
 * container and then dead-lettered.
 */
public class InboundIntegrationEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundIntegrationEvents.class);

    private final ProcessedMessages processedMessages;
    private final EffectTransaction transaction;

    public InboundIntegrationEvents(ProcessedMessages processedMessages, EffectTransaction transaction) {
        this.processedMessages = processedMessages;
        this.transaction = transaction;
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
        boolean applied = transaction.execute(consumer + " applies " + event.type(), () -> {
            if (!processedMessages.markProcessed(consumer, event.id())) {
                log.debug("{} already processed {} ({})", consumer, event.id(), event.type());
                return false;
            }
            effect.accept(event);
            return true;
        });
        return applied;
    }

    /** Parses a record; empty when its type is unknown to this build (a newer producer: tolerated, skipped). */
    public static Optional<ReceivedEvent> read(ConsumerRecord<String, byte[]> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedIntegrationEventException("ce_specversion must be 1.0, was " + specVersion);
        }
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        Instant time = parseTime(header(record, CloudEventHeaders.TIME));
        Optional<Class<? extends IntegrationEvent>> eventClass = IntegrationEventCatalog.byType(type);
        if (eventClass.isEmpty()) {
            log.info("skipping event type unknown to this build: {}", type);
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new MalformedIntegrationEventException("record " + id + " has no data");
        }
        try {
            IntegrationEvent event = IntegrationJson.mapper().readValue(record.value(), eventClass.get());
            return Optional.of(new ReceivedEvent(id, type, source, header(record, CloudEventHeaders.SUBJECT), time,
                    event));
        } catch (IOException e) {
            throw new MalformedIntegrationEventException("data of " + id + " does not fit " + type, e);
        }
    }

    private static Instant parseTime(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedIntegrationEventException("ce_time is not RFC 3339: " + time);
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
