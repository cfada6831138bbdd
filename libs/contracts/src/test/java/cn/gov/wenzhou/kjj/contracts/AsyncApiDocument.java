package cn.gov.wenzhou.kjj.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code asyncapi.yaml} as a tree, with the two kinds of reference it uses resolved the way an AsyncAPI tool
 * resolves them: {@code #/...} pointers into the document, and paths relative to the document
 * ({@code ./schemas/<topic>/<Event>.schema.json}), which sit next to it on the classpath (and, served, next to
 * {@code /asyncapi.yaml}).
 */
final class AsyncApiDocument {

    static final String RESOURCE = "asyncapi.yaml";

    final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        return new AsyncApiDocument(ContractResources.yaml(RESOURCE));
    }

    /** Follows {@code $ref}s until a node that is not a reference. */
    JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 10) {
                throw new AssertionError("reference loop at " + node);
            }
            current = target(current.get("$ref").asText());
        }
        return current;
    }

    /** The node a reference points at: a pointer into this document, or a file relative to it. */
    JsonNode target(String ref) {
        if (ref.startsWith("#")) {
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new AssertionError("unresolved reference " + ref);
            }
            return target;
        }
        return ContractResources.json(resourceOf(ref));
    }

    /** The classpath resource a relative reference names, e.g. {@code schemas/funding.call.v1/X.schema.json}. */
    static String resourceOf(String ref) {
        URI resolved = URI.create("file:/" + RESOURCE).resolve(ref);
        if (resolved.getFragment() != null) {
            throw new AssertionError("file references point at whole schemas, not into them: " + ref);
        }
        return resolved.getPath().substring(1);
    }

    /** A copy of {@code node} with every local {@code $ref} replaced by its target, for a JSON Schema validator. */
    JsonNode inlined(JsonNode node) {
        if (node.isObject() && node.has("$ref") && node.get("$ref").asText().startsWith("#")) {
            return inlined(target(node.get("$ref").asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), inlined(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(inlined(item)));
            return copy;
        }
        return node;
    }

    /** Every {@code $ref} value anywhere in the document. */
    List<String> allReferences() {
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        return refs;
    }

    /** The event a message stands for, by the {@code ce_type} its headers fix. */
    Optional<String> ceTypeOf(JsonNode message) {
        for (JsonNode part : deref(message).path("headers").path("allOf")) {
            JsonNode type = deref(part).path("properties").path("ce_type").path("const");
            if (type.isTextual()) {
                return Optional.of(type.asText());
            }
        }
        return Optional.empty();
    }

    Map<String, JsonNode> topicChannels() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        root.path("channels").fields().forEachRemaining(channel -> {
            if (!channel.getValue().path("address").asText().contains("{")) {
                channels.put(channel.getKey(), channel.getValue());
            }
        });
        return channels;
    }

    private static void collectRefs(JsonNode node, List<String> into) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            into.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, into));
    }
}
