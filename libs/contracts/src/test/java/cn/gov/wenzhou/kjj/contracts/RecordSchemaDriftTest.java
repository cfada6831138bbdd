package cn.gov.wenzhou.kjj.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record and its schema describe the same JSON: the same fields at every level, every field required (Jackson
 * writes every component, null or not), and compatible types. A field added to a record without its schema, or to
 * a schema without its record, fails here, naming the field.
 */
class RecordSchemaDriftTest {

    @TestFactory
    Stream<DynamicTest> everyRecordAndItsSchemaHaveTheSameFieldsAndTypes() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            List<String> drift = drift(type, ContractResources.schemaNodeOf(type), type.getSimpleName());
            assertThat(drift).as("drift between %s and its schema", type.getSimpleName()).isEmpty();
        }));
    }

    /** The check must see drift, or its silence above means nothing. */
    @Test
    void seesAFieldMissingOnEitherSideAWrongTypeAndALooseRequiredList() {
        record Sample(String platformId, long amountFen, LocalDate on, List<String> ids, Nested nested) {
        }
        JsonNode schema = ContractResources.JSON.valueToTree(Map.of(
                "type", "object",
                "required", List.of("platformId", "amountFen", "ids", "nested", "extra"),
                "properties", Map.of(
                        "platformId", Map.of("type", "string"),
                        "amountFen", Map.of("type", List.of("string", "null")),
                        "ids", Map.of("type", "array", "items", Map.of("type", "integer")),
                        "nested", Map.of("type", "object", "required", List.of("count"),
                                "properties", Map.of("count", Map.of("type", "integer"))),
                        "extra", Map.of("type", "string"))));

        assertThat(drift(Sample.class, schema, "Sample")).containsExactlyInAnyOrder(
                "Sample: in the record only: [on]",
                "Sample: in the schema only: [extra]",
                "Sample: required must list every component; differs: [extra, on]",
                "Sample.amountFen: long needs type integer, schema says [\"string\",\"null\"]",
                "Sample.amountFen: a primitive is never null, schema allows null",
                "Sample.ids[]: String needs type string, schema says \"integer\"",
                "Sample.nested: in the record only: [label]",
                "Sample.nested: required must list every component; differs: [label]");
    }

    record Nested(long count, String label) {
    }

    static List<String> drift(Class<?> recordType, JsonNode schema, String path) {
        List<String> drift = new ArrayList<>();
        List<String> components = Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName).toList();
        Set<String> properties = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);

        Set<String> recordOnly = difference(components, properties);
        Set<String> schemaOnly = difference(properties, components);
        if (!recordOnly.isEmpty()) {
            drift.add(path + ": in the record only: " + recordOnly);
        }
        if (!schemaOnly.isEmpty()) {
            drift.add(path + ": in the schema only: " + schemaOnly);
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Set<String> requiredDiffers = new TreeSet<>(difference(components, required));
        requiredDiffers.addAll(difference(required, components));
        if (!requiredDiffers.isEmpty()) {
            drift.add(path + ": required must list every component; differs: " + requiredDiffers);
        }
        for (RecordComponent component : recordType.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            if (!property.isMissingNode()) {
                checkType(component.getGenericType(), property, path + "." + component.getName(), drift);
            }
        }
        return drift;
    }

    private static void checkType(Type javaType, JsonNode property, String path, List<String> drift) {
        Class<?> raw = javaType instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) javaType;
        String expected = jsonTypeOf(raw);
        Set<String> declared = new TreeSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> declared.add(t.asText()));
        } else {
            declared.add(property.path("type").asText());
        }
        Set<String> nonNull = declared.stream().filter(t -> !t.equals("null")).collect(Collectors.toSet());
        if (!nonNull.equals(Set.of(expected))) {
            drift.add(path + ": " + raw.getSimpleName() + " needs type " + expected + ", schema says " + property.path("type"));
        }
        if (raw.isPrimitive() && declared.contains("null")) {
            drift.add(path + ": a primitive is never null, schema allows null");
        }
        String format = raw == LocalDate.class ? "date"
                : raw == Instant.class || raw == OffsetDateTime.class ? "date-time" : null;
        if (format != null && !format.equals(property.path("format").asText())) {
            drift.add(path + ": " + raw.getSimpleName() + " needs format " + format);
        }
        if (raw.isEnum()) {
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(Object::toString).collect(Collectors.toSet());
            Set<String> listed = new TreeSet<>();
            property.path("enum").forEach(value -> listed.add(value.asText()));
            if (!constants.equals(listed)) {
                drift.add(path + ": enum " + listed + " differs from " + new TreeSet<>(constants));
            }
        }
        if (raw.isRecord()) {
            drift.addAll(drift(raw, property, path));
        }
        if (Collection.class.isAssignableFrom(raw) && javaType instanceof ParameterizedType parameterized) {
            checkType(parameterized.getActualTypeArguments()[0], property.path("items"), path + "[]", drift);
        }
    }

    private static String jsonTypeOf(Class<?> raw) {
        if (raw == String.class || raw == LocalDate.class || raw == Instant.class || raw == OffsetDateTime.class
                || raw.isEnum()) {
            return "string";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (raw == BigDecimal.class) {
            return "number";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (raw.isRecord()) {
            return "object";
        }
        throw new AssertionError(raw + " is not a type the published language uses yet: teach this test its JSON form");
    }

    private static Set<String> difference(Collection<String> from, Collection<String> minus) {
        Set<String> difference = new TreeSet<>(from);
        difference.removeAll(minus);
        return difference;
    }
}
