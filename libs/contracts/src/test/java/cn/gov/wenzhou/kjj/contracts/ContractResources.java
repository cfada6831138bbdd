package cn.gov.wenzhou.kjj.contracts;

import cn.gov.wenzhou.kjj.contracts.funding.FundingEvents;
import cn.gov.wenzhou.kjj.contracts.registry.RegistryEvents;
import cn.gov.wenzhou.kjj.contracts.registry.v2.RegistryEventsV2;
import cn.gov.wenzhou.kjj.contracts.talent.TalentEvents;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the contract tests read: the catalogue's resources, parsed the way publishers and subscribers parse them. */
final class ContractResources {

    /**
     * The published JSON form, as {@code IntegrationJson} in service-support writes it (dates as ISO strings, no
     * timestamps). The contracts module cannot depend on service-support (it depends on us), hence this mirror;
     * the sample-subscriber tests run the real publisher against the same schemas. Strict on unknown properties: a
     * sample field the record lacks is drift, not tolerance.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final ObjectMapper YAML = new YAMLMapper();

    /** The service that publishes each event: the context lists map one to one onto the three services. */
    static final Map<Class<? extends IntegrationEvent>, String> PUBLISHER = publishers();

    private static final JsonSchemaFactory DRAFT_2020_12 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    /** {@code format} is only an annotation by default in 2020-12; we want "date" and "date-time" enforced. */
    static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private ContractResources() {
    }

    static JsonNode json(String resource) {
        return parse(JSON, resource);
    }

    static JsonNode yaml(String resource) {
        return parse(YAML, resource);
    }

    static JsonNode schemaNodeOf(Class<? extends IntegrationEvent> type) {
        return json(IntegrationEventCatalog.schemaResourceOf(type));
    }

    static JsonNode sampleOf(Class<? extends IntegrationEvent> type) {
        return json(IntegrationEventCatalog.sampleResourceOf(type));
    }

    /** The event's schema with the dialect it declares (2020-12) and formats asserted. */
    static JsonSchema schemaOf(Class<? extends IntegrationEvent> type) {
        return DRAFT_2020_12.getSchema(schemaNodeOf(type), ASSERT_FORMATS);
    }

    /** A schema node read as draft-07, the dialect AsyncAPI tools are required to support. */
    static JsonSchema asDraft07(JsonNode schema) {
        JsonNode withoutDialect = schema.deepCopy();
        ((ObjectNode) withoutDialect).remove("$schema");
        return DRAFT_07.getSchema(withoutDialect, ASSERT_FORMATS);
    }

    static JsonSchema draft2020(JsonNode schema) {
        return DRAFT_2020_12.getSchema(schema, ASSERT_FORMATS);
    }

    /** Classpath-relative names of the files matching {@code pattern} under {@code root}, e.g. "schemas/". */
    static TreeSet<String> resourcesUnder(String root, String pattern) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + pattern);
            return Arrays.stream(found)
                    .map(resource -> {
                        try {
                            String url = resource.getURL().toString();
                            return url.substring(url.lastIndexOf("/" + root) + 1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(ObjectMapper mapper, String resource) {
        try (InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing classpath resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static Map<Class<? extends IntegrationEvent>, String> publishers() {
        Map<String, List<Class<? extends IntegrationEvent>>> byService = Map.of(
                "platform-registry", Stream.concat(RegistryEvents.ALL.stream(), RegistryEventsV2.ALL.stream()).toList(),
                "funding-service", FundingEvents.ALL,
                "talent-pool-service", TalentEvents.ALL);
        return byService.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(type -> Map.entry(type, entry.getKey())))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
