package cn.gov.wenzhou.kjj.embedded;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The broker the dev stack and the tests run refuses what the ACLs do not allow, as a production broker does. */
class LocalKafkaAuthorizationTest {

    /** How long a client may take to be refused on a loaded two-core machine (the broker answers in milliseconds). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static LocalKafka kafka;

    @BeforeAll
    static void start() throws IOException {
        Path logs = Files.createDirectories(Path.of("target")).resolve("kafka-auth-" + System.nanoTime());
        kafka = LocalKafka.start(logs, LoopbackPorts.free(), LoopbackPorts.free(), KafkaCredentials.generate());
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aSubscriberCannotWriteTheRegistrysTopic() {
        // a forged RecognitionRevoked, sent as a plain producer: the topic is not the subscriber's to write
        Map<String, Object> plain = producerConfig(KafkaAccess.SUBSCRIBER.name());
        plain.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(plain)) {
            assertThatThrownBy(() -> producer.send(record(Topics.REGISTRY_PLATFORM_V1)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // as an idempotent producer it is refused even earlier: it may write nothing at all
        assertThatThrownBy(() -> send(KafkaAccess.SUBSCRIBER.name(), Topics.REGISTRY_PLATFORM_V1))
                .hasCauseInstanceOf(ClusterAuthorizationException.class);
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopic() {
        assertThatThrownBy(() -> send(KafkaAccess.FUNDING.name(), Topics.REGISTRY_PLATFORM_V1))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(KafkaAccess.REGISTRY.name(), Topics.TALENT_ENROLLMENT_V1))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(KafkaAccess.OPEN_DATA.name(), Topics.FUNDING_CALL_V1))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceWritesItsOwnTopicsAndItsDeadLetterTopics() throws Exception {
        assertThat(send(KafkaAccess.REGISTRY.name(), Topics.REGISTRY_PLATFORM_V1).hasOffset()).isTrue();
        assertThat(send(KafkaAccess.FUNDING.name(), Topics.FUNDING_LEDGER_V1).hasOffset()).isTrue();
        assertThat(send(KafkaAccess.FUNDING.name(), KafkaAccess.deadLetterTopic(Topics.REGISTRY_PLATFORM_V1,
                KafkaAccess.FUNDING.name())).hasOffset()).isTrue();
        // another service's dead letters are not its to write
        assertThatThrownBy(() -> send(KafkaAccess.FUNDING.name(), KafkaAccess.deadLetterTopic(
                Topics.REGISTRY_PLATFORM_V1, KafkaAccess.TALENT.name())))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsNotLetIn() {
        Map<String, Object> config = producerConfig(KafkaAccess.REGISTRY.name());
        config.putAll(KafkaAccess.clientProperties(KafkaAccess.REGISTRY.name(), "not-the-password"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            assertThatThrownBy(() -> producer.send(record(Topics.REGISTRY_PLATFORM_V1)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aSubscriberReadsInItsOwnGroupsButNeverJoinsAServicesGroup() {
        try (KafkaConsumer<String, byte[]> named = consumer(KafkaAccess.SUBSCRIBER.name(), "subscriber")) {
            named.subscribe(List.of(Topics.FUNDING_CALL_V1));
            named.poll(Duration.ofSeconds(2));
        }
        try (KafkaConsumer<String, byte[]> own = consumer(KafkaAccess.SUBSCRIBER.name(), "subscriber.statistics")) {
            own.subscribe(List.of(Topics.FUNDING_CALL_V1));
            own.poll(Duration.ofSeconds(2));
        }
        try (KafkaConsumer<String, byte[]> intruder = consumer(KafkaAccess.SUBSCRIBER.name(),
                KafkaAccess.FUNDING.name())) {
            intruder.subscribe(List.of(Topics.REGISTRY_PLATFORM_V1));
            assertThat(firstRefusal(intruder)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsOnlyWhatItConsumes() {
        try (KafkaConsumer<String, byte[]> funding = consumer(KafkaAccess.FUNDING.name(), "funding-service")) {
            funding.subscribe(List.of(Topics.TALENT_ENROLLMENT_V1));
            assertThat(firstRefusal(funding)).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    /**
     * Polls until the broker refuses: the refusal comes after the SASL handshake and the group's or the topic's
     * metadata, which a loaded machine may take much longer than one poll to get.
     */
    private static Throwable firstRefusal(KafkaConsumer<String, byte[]> consumer) {
        AtomicReference<Throwable> refusal = new AtomicReference<>();
        await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            try {
                consumer.poll(Duration.ofSeconds(1));
                return false;
            } catch (KafkaException refused) {
                refusal.set(refused);
                return true;
            }
        });
        return refusal.get();
    }

    private static RecordMetadata send(String user, String topic) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(user))) {
            return producer.send(record(topic)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic) {
        return new ProducerRecord<>(topic, "key", "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> producerConfig(String user) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties(user));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // the metadata of a topic it may not write comes back as a refusal, after a handshake a loaded machine slows
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        return config;
    }

    private static KafkaConsumer<String, byte[]> consumer(String user, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

}
