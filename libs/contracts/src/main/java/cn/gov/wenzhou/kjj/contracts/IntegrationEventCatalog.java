package cn.gov.wenzhou.kjj.contracts;

import cn.gov.wenzhou.kjj.contracts.funding.FundingEvents;
import cn.gov.wenzhou.kjj.contracts.registry.RegistryEvents;
import cn.gov.wenzhou.kjj.contracts.registry.v2.RegistryEventsV2;
import cn.gov.wenzhou.kjj.contracts.talent.TalentEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The list of every integration event type. Consumers resolve a {@code ce_type} header to its record here;
 * the contract tests check that every record has a schema, a sample and an AsyncAPI entry.
 */
public final class IntegrationEventCatalog {

    public static final String TYPE_PREFIX = "cn.gov.wenzhou.kjj.";
    public static final String SCHEMA_BASE_URI = "https://kjj.wenzhou.gov.cn/schemas/";

    private static final List<Class<? extends IntegrationEvent>> ALL = Stream.of(
                    RegistryEvents.ALL, RegistryEventsV2.ALL, FundingEvents.ALL, TalentEvents.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, Class<? extends IntegrationEvent>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(IntegrationEventCatalog::typeOf, Function.identity()));

    private IntegrationEventCatalog() {
    }

    public static List<Class<? extends IntegrationEvent>> all() {
        return ALL;
    }

    public static Optional<Class<? extends IntegrationEvent>> byType(String ceType) {
        return Optional.ofNullable(BY_TYPE.get(ceType));
    }

    /**
     * Whether {@code ceType} may appear on {@code topic}: a type of this build must be published there; a type this
     * build does not know yet (a newer producer's) must carry the topic in its name, as every type does.
     */
    public static boolean belongsTo(String ceType, String topic) {
        Class<? extends IntegrationEvent> known = BY_TYPE.get(ceType);
        if (known != null) {
            return topicOf(known).equals(topic);
        }
        return ceType.startsWith(TYPE_PREFIX + topic + ".") && ceType.length() > (TYPE_PREFIX + topic + ".").length();
    }

    public static String typeOf(Class<? extends IntegrationEvent> eventClass) {
        PublishedAs published = publishedAs(eventClass);
        return TYPE_PREFIX + published.topic() + "." + published.name();
    }

    public static String topicOf(Class<? extends IntegrationEvent> eventClass) {
        return publishedAs(eventClass).topic();
    }

    /** The JSON Schema of an event, on the classpath under {@code schemas/}. */
    public static String schemaResourceOf(Class<? extends IntegrationEvent> eventClass) {
        PublishedAs published = publishedAs(eventClass);
        return "schemas/" + published.topic() + "/" + published.name() + ".schema.json";
    }

    /** The {@code $id} of an event's JSON Schema; also its CloudEvents {@code dataschema}. */
    public static String schemaIdOf(Class<? extends IntegrationEvent> eventClass) {
        return SCHEMA_BASE_URI + schemaResourceOf(eventClass).substring("schemas/".length());
    }

    /** A sample message of an event, on the classpath under {@code samples/}. */
    public static String sampleResourceOf(Class<? extends IntegrationEvent> eventClass) {
        PublishedAs published = publishedAs(eventClass);
        return "samples/" + published.topic() + "/" + published.name() + ".json";
    }

    private static PublishedAs publishedAs(Class<? extends IntegrationEvent> eventClass) {
        PublishedAs published = eventClass.getAnnotation(PublishedAs.class);
        if (published == null) {
            throw new IllegalArgumentException(eventClass.getName() + " lacks @PublishedAs");
        }
        return published;
    }
}
