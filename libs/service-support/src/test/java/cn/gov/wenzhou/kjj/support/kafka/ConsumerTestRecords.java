package cn.gov.wenzhou.kjj.support.kafka;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TopicProducers;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * Records for a consumer's tests, in the wire form the services publish ({@link CloudEventRecords}): as the topic's
 * producer publishes them, or with one header changed (a forged source, a type from another topic). And the
 * consumer's dead letters, as an operator reads them.
 */
public final class ConsumerTestRecords {

    private ConsumerTestRecords() {
    }

    /** Exactly what the topic's producer publishes for {@code event}: CloudEvents headers, key = subject. */
    public static ProducerRecord<String, byte[]> asPublished(IntegrationEvent event, String subject, String ceId) {
        return CloudEventRecords.asPublishedByItsProducer(event, subject, ceId, Instant.now());
    }

    /** The same record with header {@code name} set to {@code value} instead. */
    public static ProducerRecord<String, byte[]> withHeader(ProducerRecord<String, byte[]> record, String name,
                                                            String value) {
        record.headers().remove(name);
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /**
     * Sends as the topic's producer, signed in with its credentials (so a forged header is the only thing wrong with
     * it: the broker lets no one else write the topic), and waits for the broker's acknowledgement.
     */
    public static void send(ProducerRecord<String, byte[]> record) {
        TopicProducers.sendAsItsProducer(record);
    }

    /** Waits until the service lists a dead letter of {@code ceId} (via {@code GET /ops/dead-letters}). */
    public static JsonNode awaitDeadLetter(ApiClient operator, String ceId, Duration patience) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(patience).until(() -> {
            for (JsonNode letter : operator.get("/ops/dead-letters?limit=1000").json()) {
                if (ceId.equals(letter.path("ceId").asText())) {
                    found.set(letter);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
