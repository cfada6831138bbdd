package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.kafka.IntegrationJson;
import cn.gov.wenzhou.kjj.support.kafka.KafkaSupportAutoConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three sides of the published language agree: what the services' publisher (service-support) writes, what the
 * AsyncAPI document (contracts) promises, and what this reference subscriber accepts. Kept here because only this
 * module sees all three: contracts cannot depend on service-support, which depends on it.
 */
class PublishedContractConformanceTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final SchemaValidatorsConfig ASSERT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    /** Constants of CloudEventHeaders that are values, not header names. */
    private static final Set<String> NOT_HEADER_NAMES = Set.of("SPEC_VERSION_1_0", "JSON", "DEAD_LETTER_REASON");

    private final JsonNode document = yaml("asyncapi.yaml");

    @Test
    void theDocumentTheServicesAndTheSubscriberNameTheSameHeaders() throws IllegalAccessException {
        Set<String> published = new TreeSet<>();
        for (Field field : CloudEventHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !NOT_HEADER_NAMES.contains(field.getName())) {
                published.add((String) field.get(null));
            }
        }
        Set<String> documented = new TreeSet<>();
        document.at("/components/schemas/CloudEventHeaders/required").forEach(name -> documented.add(name.asText()));
        Set<String> checked = Set.of(EventReader.ID, EventReader.SOURCE, EventReader.TYPE, EventReader.SPEC_VERSION,
                EventReader.TIME, EventReader.SUBJECT, EventReader.DATA_SCHEMA, EventReader.CONTENT_TYPE);

        assertThat(published).hasSize(8);
        assertThat(documented).isEqualTo(published);
        assertThat(new TreeSet<>(checked)).isEqualTo(published);
        assertThat(document.at("/components/schemas/DeadLetterHeaders/required").toString())
                .contains(CloudEventHeaders.DEAD_LETTER_REASON);
    }

    @Test
    void theDocumentedTopicSettingsAreTheOnesTheServicesCreateTopicsWith() {
        Map<String, String> keepForever = Topics.KEEP_FOREVER;
        document.path("channels").forEach(channel -> {
            if (channel.path("address").asText().contains("{")) {
                return;
            }
            JsonNode kafka = channel.path("bindings").path("kafka");
            JsonNode config = kafka.path("topicConfiguration");
            assertThat(config.path("retention.ms").asText()).isEqualTo(keepForever.get("retention.ms"));
            assertThat(config.path("retention.bytes").asText()).isEqualTo(keepForever.get("retention.bytes"));
            assertThat(config.path("cleanup.policy").get(0).asText()).isEqualTo(keepForever.get("cleanup.policy"));
            assertThat(config.path("cleanup.policy")).hasSize(1);
            assertThat(keepForever).containsOnlyKeys("retention.ms", "retention.bytes", "cleanup.policy");
            assertThat(kafka.path("partitions").asInt()).isEqualTo(Broker.partitions());
        });
        assertThat(document.at("/channels/deadLetters/address").asText())
                .isEqualTo(KafkaSupportAutoConfiguration.deadLetterTopic("{topic}", "{service}"));
    }

    @Test
    void theDocumentedSourceOfEveryMessageIsItsTopicsProducer() {
        int checked = 0;
        for (JsonNode message : document.at("/components/messages")) {
            String type = null;
            String source = null;
            for (JsonNode part : message.at("/headers/allOf")) {
                type = part.at("/properties/ce_type/const").isTextual()
                        ? part.at("/properties/ce_type/const").asText() : type;
                source = part.at("/properties/ce_source/const").isTextual()
                        ? part.at("/properties/ce_source/const").asText() : source;
            }
            if (type != null && source != null) {
                String topic = IntegrationEventCatalog.topicOf(IntegrationEventCatalog.byType(type).orElseThrow());
                assertThat(source).as(type).isEqualTo(Topics.producerOf(topic).orElseThrow());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(IntegrationEventCatalog.all().size());
    }

    /**
     * Every sample, published by the services' real publisher to the real broker and read back, carries headers that
     * pass its message's header schema in the document, a value that passes the payload schema the document
     * references, and is accepted by the subscriber.
     */
    @Test
    void whatThePublisherWritesIsWhatTheDocumentPromisesAndWhatTheSubscriberAccepts() throws IOException {
        Map<String, Class<? extends IntegrationEvent>> published = new HashMap<>();
        for (Class<? extends IntegrationEvent> type : IntegrationEventCatalog.all()) {
            JsonNode sample = json(IntegrationEventCatalog.sampleResourceOf(type));
            String aggregateId = channelOf(IntegrationEventCatalog.topicOf(type)).path("x-aggregate-id").asText();
            String ceId = UUID.randomUUID().toString();
            Broker.publish(IntegrationJson.mapper().treeToValue(sample, type), sample.path(aggregateId).asText(), ceId);
            published.put(ceId, type);
        }

        EventReader reader = new EventReader();
        for (ConsumerRecord<String, byte[]> record : readBack(published.keySet())) {
            Class<? extends IntegrationEvent> type = published.get(EventReader.header(record, CloudEventHeaders.ID));
            JsonNode message = messageOf(type);

            ObjectNode headers = YAML.createObjectNode();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(headerSchemaOf(message).validate(headers)).as(type.getSimpleName() + " headers").isEmpty();
            assertThat(headers.path("ce_subject").asText()).isEqualTo(record.key());

            JsonNode payloadSchema = json(relative(message.at("/payload/schema/$ref").asText()));
            JsonNode value = IntegrationJson.mapper().readTree(record.value());
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(payloadSchema, ASSERT_FORMATS).validate(value)).as(type.getSimpleName()).isEmpty();
            assertThat(value).isEqualTo(json(IntegrationEventCatalog.sampleResourceOf(type)));

            assertThat(reader.read(record)).as(type.getSimpleName()).isInstanceOf(EventReader.Valid.class);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readBack(Set<String> ceIds) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        // read back as an outside subscriber reads: signed in as the subscriber
        Map<String, Object> config = new HashMap<>(Broker.subscriberProperties());
        config.putAll(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Topics.ALL.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = EventReader.header(record, CloudEventHeaders.ID);
                    if (ceIds.contains(id)) {
                        found.put(id, record);
                    }
                }
                return found.keySet().containsAll(ceIds);
            });
        }
        return List.copyOf(found.values());
    }

    private JsonNode channelOf(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private JsonNode messageOf(Class<? extends IntegrationEvent> type) {
        for (JsonNode message : document.at("/components/messages")) {
            for (JsonNode part : message.at("/headers/allOf")) {
                if (part.at("/properties/ce_type/const").asText().equals(IntegrationEventCatalog.typeOf(type))) {
                    return message;
                }
            }
        }
        throw new AssertionError("the document has no message for " + type.getSimpleName());
    }

    private JsonSchema headerSchemaOf(JsonNode message) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(inlined(message.path("headers")), ASSERT_FORMATS);
    }

    /** The headers schema with its {@code #/...} references replaced by what they point at. */
    private JsonNode inlined(JsonNode node) {
        if (node.isObject() && node.path("$ref").asText().startsWith("#")) {
            return inlined(document.at(node.path("$ref").asText().substring(1)));
        }
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), inlined(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(inlined(item)));
            return copy;
        }
        return node;
    }

    /** A reference relative to asyncapi.yaml, which sits at the root of the contracts jar. */
    private static String relative(String ref) {
        assertThat(ref).startsWith("./");
        return ref.substring(2);
    }

    private static JsonNode yaml(String resource) {
        return read(YAML, resource);
    }

    private static JsonNode json(String resource) {
        return read(IntegrationJson.mapper(), resource);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = PublishedContractConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
