package cn.gov.wenzhou.kjj.support.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Events exactly as a release stored them — type name, revision and JSON payload, one per line — so that an upcaster
 * test reads what the event store really holds, not JSON typed by hand. {@link #record} writes the file from the
 * release's own classes and serializer (run once, on that release, before its classes move or change shape);
 * {@link #readAsCurrent} reads it back through the upcaster chain of the current code.
 */
public final class StoredEventSamples {

    /** Numbers kept exactly as stored: a BigDecimal's scale is part of what the release wrote (87.50, not 87.5). */
    private static final ObjectMapper LINES = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StoredEventSamples() {
    }

    /** One stored event: what the event store's payload_type, payload_revision and payload columns hold. */
    public record Stored(String type, String revision, JsonNode payload) {
    }

    /** The serializer the services store events with. */
    public static Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(AxonJson.eventMapper()).build();
    }

    /** Writes {@code events} as this release stores them, one line each, to {@code file}. */
    public static void record(Path file, List<?> events) {
        Serializer serializer = eventSerializer();
        StringBuilder lines = new StringBuilder();
        for (Object event : events) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            ObjectNode line = LINES.createObjectNode();
            line.put("type", stored.getType().getName());
            line.put("revision", stored.getType().getRevision());
            try {
                line.set("payload", LINES.readTree(stored.getData()));
                lines.append(LINES.writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored lines of a class-path resource, as written by {@link #record}. */
    public static List<Stored> stored(String resource) {
        try (InputStream in = Objects.requireNonNull(
                StoredEventSamples.class.getClassLoader().getResourceAsStream(resource), resource)) {
            List<Stored> stored = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = LINES.readTree(line);
                JsonNode revision = node.get("revision");
                stored.add(new Stored(node.get("type").asText(),
                        revision == null || revision.isNull() ? null : revision.asText(), node.get("payload")));
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each stored event of {@code resource}, read through {@code upcasters} (in order) as the current code reads it. */
    public static List<Object> readAsCurrent(String resource, List<? extends EventUpcaster> upcasters) {
        Serializer serializer = eventSerializer();
        EventUpcasterChain chain = new EventUpcasterChain(List.copyOf(upcasters));
        List<Object> current = new ArrayList<>();
        long sequence = 0;
        for (Stored stored : stored(resource)) {
            GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Sample", "sample-" + sequence,
                    sequence, "event-" + sequence, "2026-01-01T00:00:00Z", stored.type(), stored.revision(),
                    stored.payload().toString().getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8));
            sequence++;
            List<IntermediateEventRepresentation> upcast = chain
                    .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer)))
                    .toList();
            for (IntermediateEventRepresentation event : upcast) {
                current.add(serializer.deserialize(event.getData()));
            }
        }
        return current;
    }

    /**
     * One instance of a message record with a plausible value in every component (nested records, lists, maps and
     * enums included), for recording what a release stores of a type without typing each instance by hand.
     */
    public static <T extends Record> T sampleOf(Class<T> type) {
        try {
            java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sampleValue(components[i].getName(), components[i].getGenericType());
            }
            java.lang.reflect.Constructor<T> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample of " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object sampleValue(String name, java.lang.reflect.Type generic) {
        Class<?> raw = generic instanceof java.lang.reflect.ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) generic;
        if (raw == String.class) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("creditcode")) {
                return "91330300MA2H7K8L0G";
            }
            return lower.endsWith("id") ? "0b9e7c1e-2f6a-4e8a-9d43-5c1f2a7b8e90" : "样例 " + name;
        }
        if (raw == int.class || raw == Integer.class) {
            return name.toLowerCase(java.util.Locale.ROOT).contains("year") ? 2025 : 3;
        }
        if (raw == long.class || raw == Long.class) {
            return 123_456L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == double.class || raw == Double.class) {
            return 0.5;
        }
        if (raw == java.math.BigDecimal.class) {
            return new java.math.BigDecimal("87.50");
        }
        if (raw == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2025, 3, 15);
        }
        if (raw == java.time.Instant.class) {
            return java.time.Instant.parse("2025-03-15T02:30:00Z");
        }
        if (raw == java.time.Duration.class) {
            return java.time.Duration.ofDays(30);
        }
        if (raw == java.time.YearMonth.class) {
            return java.time.YearMonth.of(2025, 3);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return sampleOf((Class<? extends Record>) raw);
        }
        if (java.util.Optional.class == raw) {
            return java.util.Optional.of(sampleValue(name, argument(generic, 0)));
        }
        if (java.util.List.class.isAssignableFrom(raw) || java.util.Collection.class == raw) {
            return java.util.List.of(sampleValue(name, argument(generic, 0)));
        }
        if (java.util.Set.class.isAssignableFrom(raw)) {
            return java.util.Set.of(sampleValue(name, argument(generic, 0)));
        }
        if (java.util.Map.class.isAssignableFrom(raw)) {
            return java.util.Map.of(sampleValue(name + "Key", argument(generic, 0)),
                    sampleValue(name, argument(generic, 1)));
        }
        if (raw == byte[].class) {
            return "sample".getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("no sample value for " + name + " of " + generic);
    }

    private static java.lang.reflect.Type argument(java.lang.reflect.Type generic, int index) {
        if (generic instanceof java.lang.reflect.ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        return String.class;
    }

    /** How {@code event} would be stored now, as JSON: to compare with a payload that no upcaster changes. */
    public static JsonNode storedPayloadOf(Object event) {
        try {
            return LINES.readTree(eventSerializer().serialize(event, String.class).getData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
