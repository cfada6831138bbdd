package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records a consumer's test puts on a topic, sent as a user of the test JVM's broker: by default as the topic's one
 * writer ({@link KafkaAccess#writerOf}), with its credentials, as that service would; or as any other user, to see
 * what the broker lets it do. One producer per user, kept for the JVM.
 */
public final class TopicProducers {

    private static final Map<String, KafkaProducer<String, byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    private TopicProducers() {
    }

    /** Sends as the topic's producer and waits for the broker's acknowledgement. */
    public static RecordMetadata sendAsItsProducer(ProducerRecord<String, byte[]> record) {
        return sendAs(KafkaAccess.writerOf(record.topic()).name(), record);
    }

    /**
     * Sends as {@code user} and waits for the broker's acknowledgement.
     *
     * @throws IllegalStateException with the broker's refusal (an authorization error) as its cause
     */
    public static RecordMetadata sendAs(String user, ProducerRecord<String, byte[]> record) {
        try {
            return producer(user).send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take the record from " + user, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the record from " + user, e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String user) {
        return PRODUCERS.computeIfAbsent(user, name -> {
            Map<String, Object> config = new HashMap<>(RealInfrastructure.kafka().clientProperties(name));
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            // a plain producer: a refused write fails as the topic's refusal, not as a refused producer id
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
            return new KafkaProducer<>(config);
        });
    }
}
