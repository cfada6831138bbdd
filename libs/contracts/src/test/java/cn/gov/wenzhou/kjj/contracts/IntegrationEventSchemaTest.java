package cn.gov.wenzhou.kjj.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationEventSchemaTest {

    /** Field names that would carry personal data (PIPL); none may exist in any published schema. */
    private static final List<String> PERSONAL_FIELD_MARKERS = List.of(
            "idnumber", "idcard", "identity", "phone", "mobile", "email", "personname", "fullname",
            "hirename", "talentname", "birth", "address", "gender", "passport");

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TestFactory
    Stream<DynamicTest> sampleOfEveryEventRoundTripsThroughItsRecordAndValidatesAgainstItsSchema() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            JsonSchema schema = schemaOf(type);
            assertThat(read(IntegrationEventCatalog.schemaResourceOf(type)).path("$id").asText())
                    .isEqualTo(IntegrationEventCatalog.schemaIdOf(type));
            JsonNode sample = read(IntegrationEventCatalog.sampleResourceOf(type));

            assertThat(schema.validate(sample)).as("sample against schema").isEmpty();
            Object record = mapper.treeToValue(sample, type);
            JsonNode reserialized = mapper.valueToTree(record);
            Set<ValidationMessage> errors = schema.validate(reserialized);
            assertThat(errors).as("record JSON against schema").isEmpty();
            assertThat(reserialized.toString()).isEqualTo(sample.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> noSchemaHasAPersonalDataField() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            List<String> fields = new ArrayList<>();
            collectPropertyNames(read(IntegrationEventCatalog.schemaResourceOf(type)), fields);
            assertThat(fields).isNotEmpty();
            assertThat(fields).allSatisfy(field -> assertThat(PERSONAL_FIELD_MARKERS)
                    .noneMatch(marker -> field.toLowerCase(Locale.ROOT).contains(marker)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyEventIsPublishedOnAKnownTopicWithAUniqueType() {
        assertThat(IntegrationEventCatalog.all().stream().map(IntegrationEventCatalog::typeOf)).doesNotHaveDuplicates();
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            assertThat(Topics.ALL).contains(IntegrationEventCatalog.topicOf(type));
            assertThat(type.isRecord()).isTrue();
            assertThat(IntegrationEventCatalog.byType(IntegrationEventCatalog.typeOf(type))).contains(type);
        }));
    }

    private JsonSchema schemaOf(Class<? extends IntegrationEvent> type) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return schemas.getSchema(read(IntegrationEventCatalog.schemaResourceOf(type)), config);
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static void collectPropertyNames(JsonNode schema, List<String> into) {
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                into.add(name);
                collectPropertyNames(properties.get(name), into);
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            collectPropertyNames(items, into);
        }
    }
}
