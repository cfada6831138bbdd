package cn.gov.wenzhou.kjj.console.events;

import cn.gov.wenzhou.kjj.console.backend.Backends;
import cn.gov.wenzhou.kjj.console.backend.Service;
import cn.gov.wenzhou.kjj.console.backend.ServiceProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event catalogue for subscribers (public, like {@code /asyncapi.yaml}): a page per topic listing its events,
 * each with its fields and their descriptions, its JSON Schema and a sample. Everything is read from the AsyncAPI
 * document and the schemas the services already serve ({@code GET /asyncapi.yaml}, {@code GET /schemas/...}): the
 * console keeps no copy that could drift. Asked without a token, from the first service that answers.
 */
@Controller
public class EventCatalogueController {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<Service> SOURCES = List.of(Service.PLATFORM_REGISTRY, Service.FUNDING,
            Service.TALENT_POOL);

    /** A field of an event's payload, from its schema. */
    public record EventField(String name, String type, boolean required, String description) {
    }

    /** An event of a topic with what a subscriber needs to read it. */
    public record Event(String name, String title, String summary, String ceType, List<EventField> fields,
                        String schema, String sample) {
    }

    private final Backends backends;

    public EventCatalogueController(Backends backends) {
        this.backends = backends;
    }

    @GetMapping("/events")
    @SuppressWarnings("unchecked")
    public String topics(Model model) {
        Map<String, Object> document = document();
        List<Map<String, Object>> topics = new ArrayList<>();
        channels(document).forEach((key, channel) -> {
            Map<String, Object> topic = new LinkedHashMap<>();
            topic.put("address", channel.get("address"));
            topic.put("title", channel.get("title"));
            topic.put("summary", channel.get("summary"));
            topic.put("events", ((Map<String, Object>) channel.getOrDefault("messages", Map.of())).keySet());
            topics.add(topic);
        });
        model.addAttribute("info", document.get("info"));
        model.addAttribute("topics", topics);
        return "events/topics";
    }

    /** The AsyncAPI document itself, as the services serve it. */
    @GetMapping(value = "/events/asyncapi.yaml", produces = "application/yaml")
    @org.springframework.web.bind.annotation.ResponseBody
    public String asyncApi() {
        return fetch("/asyncapi.yaml");
    }

    @GetMapping("/events/{topic}")
    @SuppressWarnings("unchecked")
    public String topic(@PathVariable String topic, HttpServletResponse response, Model model) {
        Map<String, Object> document = document();
        Map<String, Object> channel = channels(document).values().stream()
                .filter(c -> topic.equals(c.get("address"))).findFirst().orElse(null);
        if (channel == null || !topic.matches("[a-z]+\\.[a-z]+\\.v[0-9]+")) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("detail", null);
            return "errors/not-found";
        }
        List<Event> events = new ArrayList<>();
        for (Object reference : ((Map<String, Object>) channel.getOrDefault("messages", Map.of())).values()) {
            Map<String, Object> message = resolve(document, (Map<String, Object>) reference);
            events.add(event(message));
        }
        model.addAttribute("channel", channel);
        model.addAttribute("events", events);
        return "events/topic";
    }

    @SuppressWarnings("unchecked")
    private Event event(Map<String, Object> message) {
        String name = (String) message.get("name");
        Map<String, Object> payload = (Map<String, Object>) message.getOrDefault("payload", Map.of());
        Map<String, Object> schemaRef = (Map<String, Object>) payload.getOrDefault("schema", Map.of());
        String ref = (String) schemaRef.get("$ref");
        String schemaText = null;
        List<EventField> fields = new ArrayList<>();
        if (ref != null && ref.matches("\\./schemas/[a-z]+\\.[a-z]+\\.v[0-9]+/[A-Za-z0-9]+\\.schema\\.json")) {
            String text = fetch(ref.substring(1));
            try {
                Map<String, Object> schema = JSON.readValue(text, Map.class);
                schemaText = JSON.writeValueAsString(schema);
                Set<Object> required = Set.copyOf((List<Object>) schema.getOrDefault("required", List.of()));
                ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((field, spec) -> {
                    Map<String, Object> property = (Map<String, Object>) spec;
                    fields.add(new EventField(field, typeOf(property), required.contains(field),
                            (String) property.get("description")));
                });
            } catch (IOException e) {
                schemaText = text;
            }
        }
        String sample = null;
        List<Map<String, Object>> examples = (List<Map<String, Object>>) message.getOrDefault("examples", List.of());
        if (!examples.isEmpty() && examples.get(0).get("payload") != null) {
            try {
                sample = JSON.writeValueAsString(examples.get(0).get("payload"));
            } catch (IOException e) {
                sample = String.valueOf(examples.get(0).get("payload"));
            }
        }
        return new Event(name, (String) message.get("title"), (String) message.get("summary"), ceType(message),
                fields, schemaText, sample);
    }

    @SuppressWarnings("unchecked")
    private static String typeOf(Map<String, Object> property) {
        Object type = property.get("type");
        String shown = type instanceof List<?> list ? String.join(" | ", (List<String>) list)
                : type == null ? (property.containsKey("$ref") ? "object" : "—") : type.toString();
        if (property.get("format") != null) {
            shown += " (" + property.get("format") + ")";
        }
        if (property.get("enum") != null) {
            shown += ": " + property.get("enum");
        }
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static String ceType(Map<String, Object> message) {
        Map<String, Object> headers = (Map<String, Object>) message.getOrDefault("headers", Map.of());
        for (Object part : (List<Object>) headers.getOrDefault("allOf", List.of())) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) part)
                    .getOrDefault("properties", Map.of());
            if (properties.get("ce_type") instanceof Map<?, ?> ceType && ceType.get("const") != null) {
                return ceType.get("const").toString();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> document, Map<String, Object> reference) {
        Object ref = reference.get("$ref");
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            return reference;
        }
        Object at = document;
        for (String part : pointer.substring(2).split("/")) {
            at = ((Map<String, Object>) at).get(part);
        }
        return (Map<String, Object>) at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> channels(Map<String, Object> document) {
        Map<String, Map<String, Object>> channels = new LinkedHashMap<>();
        ((Map<String, Object>) document.getOrDefault("channels", Map.of())).forEach((key, channel) -> {
            Map<String, Object> c = (Map<String, Object>) channel;
            // topics with a fixed address only (the dead-letter channel's address is a pattern)
            if (c.get("address") instanceof String address && address.matches("[a-z]+\\.[a-z]+\\.v[0-9]+")) {
                channels.put(key, c);
            }
        });
        return channels;
    }

    private Map<String, Object> document() {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(fetch("/asyncapi.yaml"));
    }

    /** From the first service that answers: all three serve the same document from the contracts module. */
    private String fetch(String path) {
        ServiceProblem last = null;
        for (Service service : SOURCES) {
            try {
                return backends.health(service).getText(path);
            } catch (ServiceProblem.Unavailable down) {
                last = down;
            }
        }
        throw last;
    }
}
