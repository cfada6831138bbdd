package cn.gov.wenzhou.kjj.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.gov.wenzhou.kjj.contracts.ContractResources.sampleOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI 3.1 document ({@code src/main/resources/asyncapi.yaml}, served by every service) is a valid
 * AsyncAPI 3.1.0 document (against the official 3.1.0 JSON Schema), and says what the catalogue says: every topic
 * of {@link Topics#ALL} a channel with the documented Kafka settings, every event of {@link IntegrationEventCatalog}
 * a message with its CloudEvents headers, key and payload schema — no more, no fewer — and every sample valid against
 * the payload schema the document resolves to.
 */
class AsyncApiDocumentTest {

    /** The CloudEvents attributes every published record carries (CloudEventHeaders in service-support). */
    static final Set<String> CLOUD_EVENT_HEADERS = Set.of(
            "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_dataschema",
            "content-type");

    /** The W3C Trace Context headers a record published since tracing carries beside them (optional). */
    static final Set<String> TRACE_CONTEXT_HEADERS = Set.of("traceparent", "tracestate");

    /**
     * Topic settings the services create the topics with (Topics.KEEP_FOREVER and
     * StbKafkaProperties.partitions in service-support, which this module cannot see; the sample-subscriber tests
     * compare the document with those constants themselves).
     */
    static final int PARTITIONS = 3;

    /** Applications that dead-letter what they consume but publish no event of their own. */
    static final Set<String> CONSUMERS_THAT_PUBLISH_NOTHING = Set.of("open-data");

    private static final String DRAFT_07_FORMAT = "application/schema+json;version=draft-07";

    private final AsyncApiDocument document = AsyncApiDocument.load();

    @Test
    void isAValidAsyncApi310Document() {
        JsonSchema asyncApi = asyncApi310Schema();
        assertThat(document.root.path("asyncapi").asText()).isEqualTo("3.1.0");
        assertThat(asyncApi.validate(document.root)).isEmpty();

        // and the official schema does catch a broken document, so the line above means something
        ObjectNode broken = document.root.deepCopy();
        ((ObjectNode) broken.path("operations").path("registryPlatformV1Publish")).put("action", "publish");
        broken.remove("info");
        assertThat(asyncApi.validate(broken)).isNotEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = document.allReferences();
        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> assertThat(document.target(ref)).as(ref).isNotNull());
    }

    @Test
    void listsEveryTopicAsAChannelKeptForeverAndNothingElse() {
        Map<String, JsonNode> channels = document.topicChannels();
        List<String> addresses = channels.values().stream().map(channel -> channel.path("address").asText()).toList();
        assertThat(addresses).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Topics.ALL);

        channels.forEach((id, channel) -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asText()).as(id).isEqualTo(channel.path("address").asText());
            assertThat(kafka.path("partitions").asInt()).as(id).isEqualTo(PARTITIONS);
            assertThat(kafka.path("topicConfiguration")).as(id).isEqualTo(ContractResources.JSON.valueToTree(Map.of(
                    "cleanup.policy", List.of("delete"), "retention.ms", -1, "retention.bytes", -1)));
            assertThat(channel.path("x-aggregate-id").asText()).as(id).isNotBlank();
        });
    }

    @Test
    void listsEveryCatalogueEventAsAMessageAndNothingElse() {
        Set<String> catalogued = IntegrationEventCatalog.all().stream().map(IntegrationEventCatalog::typeOf)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> documented = new ArrayList<>();
        Set<String> withoutType = new TreeSet<>();
        document.root.path("components").path("messages").fields().forEachRemaining(message ->
                document.ceTypeOf(message.getValue()).ifPresentOrElse(documented::add,
                        () -> withoutType.add(message.getKey())));

        assertThat(withoutType).as("messages that are no integration event").containsExactly("DeadLetter");
        assertThat(documented).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(documented)).isEqualTo(catalogued);
    }

    @Test
    void everyTopicChannelCarriesExactlyTheEventsOfItsTopicAndOneSendOperationListsThemAll() {
        document.topicChannels().forEach((id, channel) -> {
            String topic = channel.path("address").asText();
            Set<String> expected = IntegrationEventCatalog.all().stream()
                    .filter(type -> IntegrationEventCatalog.topicOf(type).equals(topic))
                    .map(IntegrationEventCatalog::typeOf)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> carried = new TreeSet<>();
            channel.path("messages").forEach(message -> carried.add(document.ceTypeOf(message).orElseThrow()));
            assertThat(carried).as(topic).isEqualTo(expected);

            List<JsonNode> operations = new ArrayList<>();
            document.root.path("operations").forEach(operation -> {
                if (operation.path("channel").path("$ref").asText().equals("#/channels/" + id)) {
                    operations.add(operation);
                }
            });
            assertThat(operations).as(topic).hasSize(1);
            assertThat(operations.get(0).path("action").asText()).isEqualTo("send");
            Set<String> listed = new TreeSet<>();
            operations.get(0).path("messages").forEach(message -> listed.add(document.ceTypeOf(message).orElseThrow()));
            assertThat(listed).as(topic).isEqualTo(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMessageFixesItsHeadersKeyAndPayloadSchema() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            JsonNode message = messageOf(type);
            assertThat(message.path("name").asText()).isEqualTo(type.getSimpleName());
            assertThat(message.path("contentType").asText()).isEqualTo("application/json");
            assertThat(document.deref(message.path("correlationId")).path("location").asText())
                    .isEqualTo("$message.header#/ce_id");

            JsonNode fixed = fixedHeaders(message);
            assertThat(fixed.path("ce_type").path("const").asText()).isEqualTo(IntegrationEventCatalog.typeOf(type));
            assertThat(fixed.path("ce_dataschema").path("const").asText()).isEqualTo(IntegrationEventCatalog.schemaIdOf(type));
            assertThat(fixed.path("ce_source").path("const").asText())
                    .isEqualTo("/wenzhou-stb/" + ContractResources.PUBLISHER.get(type));

            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).isEqualTo(DRAFT_07_FORMAT);
            assertThat(AsyncApiDocument.resourceOf(payload.path("schema").path("$ref").asText()))
                    .isEqualTo(IntegrationEventCatalog.schemaResourceOf(type));

            JsonNode key = document.deref(message.path("bindings").path("kafka").path("key"));
            assertThat(key.path("type").asText()).isEqualTo("string");
            assertThat(message.path("bindings").path("kafka").path("bindingVersion").asText()).isEqualTo("0.5.0");
        }));
    }

    /** Samples validate against the payload schema as an AsyncAPI tool finds it: through the document's reference. */
    @TestFactory
    Stream<DynamicTest> everySampleValidatesAgainstItsPayloadSchemaResolvedFromTheDocument() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            JsonNode schemaNode = document.deref(messageOf(type).path("payload").path("schema"));
            JsonSchema asWritten = ContractResources.draft2020(schemaNode);
            JsonSchema asDeclared = ContractResources.asDraft07(schemaNode);

            assertThat(asWritten.validate(sampleOf(type))).isEmpty();
            assertThat(asDeclared.validate(sampleOf(type))).isEmpty();
            ObjectNode wrong = sampleOf(type).deepCopy();
            wrong.put("unexpectedField", 1);
            assertThat(asWritten.validate(wrong)).isNotEmpty();
        }));
    }

    /**
     * Each message's example is a record as it travels: headers that pass the message's header schema and a payload
     * that passes its payload schema. (Valid, not equal to the shipped sample: the service owners refine their
     * samples, and asking them to copy every value here would buy nothing a subscriber needs.)
     */
    @TestFactory
    Stream<DynamicTest> everyMessageExampleIsAValidRecordOfThatMessage() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            JsonNode message = messageOf(type);
            JsonNode examples = message.path("examples");
            assertThat(examples).hasSize(1);
            JsonNode example = examples.get(0);
            JsonNode payloadSchema = document.deref(message.path("payload").path("schema"));
            assertThat(ContractResources.draft2020(payloadSchema).validate(example.path("payload"))).isEmpty();

            JsonSchema headers = headerSchemaOf(message);
            assertThat(headers.validate(example.path("headers"))).isEmpty();
            String aggregateId = channelOf(type).path("x-aggregate-id").asText();
            assertThat(example.path("headers").path("ce_subject").asText())
                    .isEqualTo(example.path("payload").path(aggregateId).asText())
                    .isNotBlank();

            // the header schema is not vacuous: another event's type, a missing id or a bad time are refused
            ObjectNode otherType = example.path("headers").deepCopy();
            otherType.put("ce_type", otherType.path("ce_type").asText() + "Other");
            assertThat(headers.validate(otherType)).isNotEmpty();
            ObjectNode noId = example.path("headers").deepCopy();
            noId.remove("ce_id");
            assertThat(headers.validate(noId)).isNotEmpty();
            ObjectNode badTime = example.path("headers").deepCopy();
            badTime.put("ce_time", "30/06/2025");
            assertThat(headers.validate(badTime)).isNotEmpty();
        }));
    }

    @Test
    void theHeaderSchemaRequiresEveryCloudEventsAttributeWePublish() {
        JsonNode headers = document.target("#/components/schemas/CloudEventHeaders");
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(name -> required.add(name.asText()));
        Set<String> described = new TreeSet<>();
        headers.path("properties").fieldNames().forEachRemaining(described::add);

        assertThat(required).isEqualTo(CLOUD_EVENT_HEADERS);
        Set<String> published = new TreeSet<>(CLOUD_EVENT_HEADERS);
        published.addAll(TRACE_CONTEXT_HEADERS);
        assertThat(described).isEqualTo(published);
        assertThat(headers.path("properties").path("ce_specversion").path("const").asText()).isEqualTo("1.0");
    }

    /** The trace of the causing request travels with the record; optional, as older records lack it. */
    @Test
    void everyMessageAcceptsTheW3cTraceparentOfTheCausingRequestButNeedsNone() {
        List<String> checked = new ArrayList<>();
        document.root.path("components").path("messages").forEach(message -> {
            if (message.path("examples").isEmpty() || message.path("headers").path("allOf").isEmpty()) {
                return;
            }
            JsonSchema headers = headerSchemaOf(message);
            ObjectNode example = (ObjectNode) message.path("examples").get(0).path("headers");
            assertThat(example.has("traceparent")).as("an example without it: optional").isFalse();
            assertThat(headers.validate(example)).isEmpty();
            ObjectNode traced = example.deepCopy();
            traced.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            assertThat(headers.validate(traced)).isEmpty();
            ObjectNode malformed = example.deepCopy();
            malformed.put("traceparent", "4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(headers.validate(malformed)).isNotEmpty();
            checked.add(message.path("name").asText());
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(IntegrationEventCatalog.all().size());
    }

    @Test
    void describesTheDeadLetterTopicsOfEveryPublishedTopic() {
        JsonNode deadLetters = document.root.path("channels").path("deadLetters");
        assertThat(deadLetters.path("address").asText()).isEqualTo("{topic}.{service}.dlt");
        Set<String> topics = new TreeSet<>();
        deadLetters.path("parameters").path("topic").path("enum").forEach(topic -> topics.add(topic.asText()));
        assertThat(topics).isEqualTo(new TreeSet<>(Topics.ALL));
        Set<String> services = new TreeSet<>();
        deadLetters.path("parameters").path("service").path("enum").forEach(service -> services.add(service.asText()));
        Set<String> consumers = new TreeSet<>(ContractResources.PUBLISHER.values());
        consumers.addAll(CONSUMERS_THAT_PUBLISH_NOTHING);
        assertThat(services).isEqualTo(consumers);
        assertThat(document.deref(deadLetters.path("messages").path("DeadLetter")).path("headers").path("$ref").asText())
                .isEqualTo("#/components/schemas/DeadLetterHeaders");
    }

    private JsonNode messageOf(Class<? extends IntegrationEvent> type) {
        String ceType = IntegrationEventCatalog.typeOf(type);
        List<JsonNode> found = new ArrayList<>();
        document.root.path("components").path("messages").forEach(message -> {
            if (document.ceTypeOf(message).filter(ceType::equals).isPresent()) {
                found.add(message);
            }
        });
        assertThat(found).as("messages for " + ceType).hasSize(1);
        return found.get(0);
    }

    private JsonNode channelOf(Class<? extends IntegrationEvent> type) {
        return document.topicChannels().values().stream()
                .filter(channel -> channel.path("address").asText().equals(IntegrationEventCatalog.topicOf(type)))
                .findFirst()
                .orElseThrow();
    }

    /** The per-message part of the headers' {@code allOf}: the properties fixed to constants. */
    private JsonNode fixedHeaders(JsonNode message) {
        ArrayNode allOf = (ArrayNode) message.path("headers").path("allOf");
        assertThat(allOf.get(0).path("$ref").asText()).isEqualTo("#/components/schemas/CloudEventHeaders");
        return allOf.get(1).path("properties");
    }

    private JsonSchema headerSchemaOf(JsonNode message) {
        // AsyncAPI's Schema Object is a superset of JSON Schema draft-07
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(document.inlined(message.path("headers")), ContractResources.ASSERT_FORMATS);
    }

    private static JsonSchema asyncApi310Schema() {
        JsonNode schema = ContractResources.json("asyncapi-spec/asyncapi-3.1.0.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }
}
