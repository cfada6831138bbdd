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

    private static final ObjectMapper LINES = new ObjectMapper();

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

    /** How {@code event} would be stored now, as JSON: to compare with a payload that no upcaster changes. */
    public static JsonNode storedPayloadOf(Object event) {
        try {
            return LINES.readTree(eventSerializer().serialize(event, String.class).getData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
