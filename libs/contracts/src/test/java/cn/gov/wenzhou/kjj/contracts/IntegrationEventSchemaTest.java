package cn.gov.wenzhou.kjj.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.gov.wenzhou.kjj.contracts.ContractResources.JSON;
import static cn.gov.wenzhou.kjj.contracts.ContractResources.sampleOf;
import static cn.gov.wenzhou.kjj.contracts.ContractResources.schemaNodeOf;
import static cn.gov.wenzhou.kjj.contracts.ContractResources.schemaOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each integration event's JSON Schema describes exactly what its record puts on the wire, and says no to what it
 * cannot carry. (Personal data: {@link NoPersonalDataTest}; records versus schemas: {@link RecordSchemaDriftTest};
 * the catalogue: {@link CatalogueCompletenessTest}; the AsyncAPI document: {@link AsyncApiDocumentTest}.)
 */
class IntegrationEventSchemaTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /**
     * Keywords whose meaning is the same in JSON Schema draft-07 and 2020-12. The AsyncAPI document declares the
     * payload schemas as draft-07 (the format every AsyncAPI tool must support) while the files are written to
     * 2020-12; staying inside this set keeps both readings identical. ({@code items} with one schema, not an array;
     * no {@code $defs}, {@code prefixItems}, {@code dependentRequired}, {@code unevaluated*}.)
     */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of(
            "$schema", "$id", "title", "description", "type", "enum", "const", "properties", "required",
            "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength",
            "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
            "examples", "default");

    @TestFactory
    Stream<DynamicTest> sampleOfEveryEventRoundTripsThroughItsRecordAndValidatesAgainstItsSchema() {
        return eachEvent(type -> {
            JsonSchema schema = schemaOf(type);
            JsonNode sample = sampleOf(type);

            assertThat(schema.validate(sample)).as("sample against schema").isEmpty();
            Object record = JSON.treeToValue(sample, type);
            JsonNode reserialized = JSON.valueToTree(record);
            assertThat(schema.validate(reserialized)).as("record JSON against schema").isEmpty();
            assertThat(reserialized.toString()).isEqualTo(sample.toString());
        });
    }

    @TestFactory
    Stream<DynamicTest> everyEventIsPublishedOnAKnownTopicWithAUniqueType() {
        assertThat(IntegrationEventCatalog.all().stream().map(IntegrationEventCatalog::typeOf)).doesNotHaveDuplicates();
        return eachEvent(type -> {
            assertThat(Topics.ALL).contains(IntegrationEventCatalog.topicOf(type));
            assertThat(type.isRecord()).isTrue();
            assertThat(IntegrationEventCatalog.byType(IntegrationEventCatalog.typeOf(type))).contains(type);
        });
    }

    @TestFactory
    Stream<DynamicTest> everySchemaNamesItsEventAndIsClosed() {
        return eachEvent(type -> {
            JsonNode schema = schemaNodeOf(type);
            assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
            assertThat(schema.path("$id").asText()).isEqualTo(IntegrationEventCatalog.schemaIdOf(type));
            assertThat(schema.path("title").asText()).isEqualTo(type.getSimpleName());
            assertThat(schema.path("description").asText()).as("description").isNotBlank();
            assertObjectsClosed(schema, "");
        });
    }

    /** Proves the schemas are not vacuous: each refuses a missing field, an unknown field and a wrong type. */
    @TestFactory
    Stream<DynamicTest> everySchemaRejectsAMissingFieldAnUnknownFieldAndAWrongType() {
        return eachEvent(type -> {
            JsonSchema schema = schemaOf(type);
            for (JsonNode required : schemaNodeOf(type).path("required")) {
                ObjectNode missing = sampleOf(type).deepCopy();
                missing.remove(required.asText());
                assertThat(schema.validate(missing)).as("without " + required.asText()).isNotEmpty();
            }
            ObjectNode unknown = sampleOf(type).deepCopy();
            unknown.put("unexpectedField", "x");
            assertThat(schema.validate(unknown)).as("with an unknown field").isNotEmpty();

            for (Map.Entry<String, JsonNode> field : fields(sampleOf(type))) {
                ObjectNode wrong = sampleOf(type).deepCopy();
                wrong.set(field.getKey(), field.getValue().isTextual() ? IntNode.valueOf(1) : TextNode.valueOf("x"));
                assertThat(schema.validate(wrong)).as(field.getKey() + " of the wrong type").isNotEmpty();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everySchemaMeansTheSameAsDraft07AsItDoesAs2020_12() {
        return eachEvent(type -> {
            JsonNode schemaNode = schemaNodeOf(type);
            List<String> keywords = new ArrayList<>();
            collectKeywords(schemaNode, keywords);
            assertThat(keywords).allSatisfy(keyword -> assertThat(PORTABLE_KEYWORDS).contains(keyword));

            JsonSchema draft07 = ContractResources.asDraft07(schemaNode);
            assertThat(draft07.validate(sampleOf(type))).as("sample as draft-07").isEmpty();
            ObjectNode unknown = sampleOf(type).deepCopy();
            unknown.put("unexpectedField", "x");
            assertThat(draft07.validate(unknown)).as("unknown field as draft-07").isNotEmpty();
        });
    }

    private static Stream<DynamicTest> eachEvent(EventCheck check) {
        return IntegrationEventCatalog.all().stream()
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check.accept(type)));
    }

    private static void assertObjectsClosed(JsonNode schema, String path) {
        if (schema.has("properties")) {
            assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                    .as("additionalProperties: false at " + (path.isEmpty() ? "the root" : path))
                    .isTrue();
            for (Map.Entry<String, JsonNode> property : fields(schema.path("properties"))) {
                assertObjectsClosed(property.getValue(), path + "/" + property.getKey());
            }
        }
        if (schema.has("items")) {
            assertObjectsClosed(schema.path("items"), path + "[]");
        }
    }

    /** Every keyword of a schema and its subschemas (property names under "properties" are not keywords). */
    private static void collectKeywords(JsonNode schema, List<String> into) {
        for (Map.Entry<String, JsonNode> entry : fields(schema)) {
            into.add(entry.getKey());
            switch (entry.getKey()) {
                case "properties" -> fields(entry.getValue()).forEach(p -> collectKeywords(p.getValue(), into));
                case "items", "additionalProperties" -> {
                    if (entry.getValue().isObject()) {
                        collectKeywords(entry.getValue(), into);
                    }
                }
                default -> {
                }
            }
        }
    }

    static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        return fields;
    }

    @FunctionalInterface
    interface EventCheck {
        void accept(Class<? extends IntegrationEvent> type) throws Exception;
    }
}
