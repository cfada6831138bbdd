package cn.gov.wenzhou.kjj.subscriber;

import cn.gov.wenzhou.kjj.contracts.IntegrationEvent;
import cn.gov.wenzhou.kjj.contracts.IntegrationEventCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one Kafka record against the published contract (asyncapi.yaml): the CloudEvents 1.0 headers of binary
 * mode, the key, then the JSON value against the JSON Schema of its {@code ce_type}, and reads it into its record.
 */
final class EventReader {

    static final String ID = "ce_id";
    static final String SOURCE = "ce_source";
    static final String TYPE = "ce_type";
    static final String SPEC_VERSION = "ce_specversion";
    static final String TIME = "ce_time";
    static final String SUBJECT = "ce_subject";
    static final String DATA_SCHEMA = "ce_dataschema";
    static final String CONTENT_TYPE = "content-type";

    /** Schema-checked first, so the mapping may be tolerant; the schema is what decides validity. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** In 2020-12 {@code format} only annotates by default; the contract means dates to be dates. */
    private static final SchemaValidatorsConfig ASSERT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<Class<? extends IntegrationEvent>, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** What a record turned out to be. */
    sealed interface Reading permits Valid, Invalid, UnknownType {
    }

    record Valid(String id, String type, String time, String subject, IntegrationEvent event) implements Reading {
    }

    record Invalid(String type, List<String> problems) implements Reading {
    }

    /** A {@code ce_type} this build does not know: a newer publisher. Tolerated and counted, not an error. */
    record UnknownType(String type) implements Reading {
    }

    Reading read(ConsumerRecord<String, byte[]> record) {
        List<String> problems = new ArrayList<>();
        String specVersion = header(record, SPEC_VERSION);
        if (!"1.0".equals(specVersion)) {
            problems.add("ce_specversion must be 1.0, was " + specVersion);
        }
        String id = required(record, ID, problems);
        String source = required(record, SOURCE, problems);
        if (source != null && !isUriReference(source)) {
            problems.add("ce_source is not a URI reference: " + source);
        }
        String time = required(record, TIME, problems);
        if (time != null && !isRfc3339(time)) {
            problems.add("ce_time is not an RFC 3339 timestamp: " + time);
        }
        String subject = required(record, SUBJECT, problems);
        if (subject != null && !subject.equals(record.key())) {
            problems.add("ce_subject " + subject + " differs from the key " + record.key());
        }
        String contentType = header(record, CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith("application/json")) {
            problems.add("content-type must be application/json, was " + contentType);
        }
        String type = required(record, TYPE, problems);
        if (type == null) {
            return new Invalid(null, problems);
        }
        Optional<Class<? extends IntegrationEvent>> eventClass = IntegrationEventCatalog.byType(type);
        if (eventClass.isEmpty()) {
            return problems.isEmpty() ? new UnknownType(type) : new Invalid(type, problems);
        }
        Class<? extends IntegrationEvent> typeClass = eventClass.get();
        if (!IntegrationEventCatalog.topicOf(typeClass).equals(record.topic())) {
            problems.add(type + " belongs on " + IntegrationEventCatalog.topicOf(typeClass) + ", not " + record.topic());
        }
        String dataSchema = header(record, DATA_SCHEMA);
        if (!IntegrationEventCatalog.schemaIdOf(typeClass).equals(dataSchema)) {
            problems.add("ce_dataschema must be " + IntegrationEventCatalog.schemaIdOf(typeClass) + ", was " + dataSchema);
        }
        IntegrationEvent event = readData(record, typeClass, problems);
        return problems.isEmpty() ? new Valid(id, type, time, subject, event) : new Invalid(type, problems);
    }

    private IntegrationEvent readData(ConsumerRecord<String, byte[]> record, Class<? extends IntegrationEvent> type,
                                      List<String> problems) {
        if (record.value() == null) {
            problems.add("no data");
            return null;
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            problems.add("data is not JSON: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
        List<String> violations = schemaOf(type).validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
        if (!violations.isEmpty()) {
            problems.add("data violates " + type.getSimpleName() + ".schema.json: " + String.join("; ", violations));
            return null;
        }
        try {
            return JSON.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            problems.add("data does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage());
            return null;
        }
    }

    private JsonSchema schemaOf(Class<? extends IntegrationEvent> type) {
        return schemas.computeIfAbsent(type, key -> {
            String resource = IntegrationEventCatalog.schemaResourceOf(key);
            try (InputStream in = EventReader.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the contracts jar lacks " + resource);
                }
                return SCHEMAS.getSchema(JSON.readTree(in), ASSERT_FORMATS);
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        });
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name, List<String> problems) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            problems.add("missing header " + name);
            return null;
        }
        return value;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean isUriReference(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isRfc3339(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
