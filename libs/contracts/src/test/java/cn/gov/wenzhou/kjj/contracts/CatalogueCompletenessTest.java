package cn.gov.wenzhou.kjj.contracts;

import cn.gov.wenzhou.kjj.contracts.funding.FundingEvents;
import cn.gov.wenzhou.kjj.contracts.registry.RegistryEvents;
import cn.gov.wenzhou.kjj.contracts.talent.TalentEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is published that the catalogue does not list: every record of the contracts module is in
 * {@link IntegrationEventCatalog}, every topic in {@link Topics#ALL}, and every listed event has exactly one schema
 * and one sample (no orphan files either).
 */
class CatalogueCompletenessTest {

    private static final String BASE_PACKAGE = "cn.gov.wenzhou.kjj.contracts";

    @Test
    void everyIntegrationEventRecordAndEveryPublishedAsClassIsInTheCatalogue() {
        Set<String> implementations = scan(new AssignableTypeFilter(IntegrationEvent.class));
        Set<String> annotated = scan(new AnnotationTypeFilter(PublishedAs.class));
        Set<String> catalogued = IntegrationEventCatalog.all().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(catalogued).hasSize(IntegrationEventCatalog.all().size()); // no event listed twice
        assertThat(implementations).isEqualTo(catalogued);
        assertThat(annotated).isEqualTo(catalogued);
    }

    @Test
    void eachContextListsOnlyItsOwnEventsOnItsOwnTopics() {
        Map<String, List<Class<? extends IntegrationEvent>>> contexts = Map.of(
                "registry", RegistryEvents.ALL, "funding", FundingEvents.ALL, "talent", TalentEvents.ALL);
        contexts.forEach((context, events) -> assertThat(events).isNotEmpty().allSatisfy(type -> {
            assertThat(type.getPackageName()).isEqualTo(BASE_PACKAGE + "." + context);
            assertThat(IntegrationEventCatalog.topicOf(type)).startsWith(context + ".");
            assertThat(type.getAnnotation(PublishedAs.class).name()).isEqualTo(type.getSimpleName());
        }));
    }

    @Test
    void everyTopicConstantIsListedNamedByConventionAndCarriesEvents() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(new TreeSet<>(Topics.ALL)).isEqualTo(constants).hasSize(Topics.ALL.size());
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic).matches("[a-z]+\\.[a-z]+\\.v[1-9][0-9]*");
            assertThat(IntegrationEventCatalog.all()).anyMatch(type -> IntegrationEventCatalog.topicOf(type).equals(topic));
        });
    }

    @Test
    void everyTopicHasOneProducerTheServiceThatPublishesEveryEventOnIt() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(Topics.producerOf(topic)).hasValueSatisfying(source ->
                assertThat(IntegrationEventCatalog.all().stream()
                        .filter(type -> IntegrationEventCatalog.topicOf(type).equals(topic)))
                        .allSatisfy(type -> assertThat(source)
                                .isEqualTo("/wenzhou-stb/" + ContractResources.PUBLISHER.get(type)))));
        assertThat(Topics.producerOf("someone.elses.v1")).isEmpty();
    }

    @Test
    void aTypeBelongsOnlyToTheTopicItIsPublishedOn() {
        assertThat(IntegrationEventCatalog.all()).allSatisfy(type -> {
            String ceType = IntegrationEventCatalog.typeOf(type);
            assertThat(Topics.ALL).allSatisfy(topic -> assertThat(IntegrationEventCatalog.belongsTo(ceType, topic))
                    .as("%s on %s", ceType, topic)
                    .isEqualTo(IntegrationEventCatalog.topicOf(type).equals(topic)));
        });
        // a newer producer's event on its own topic is tolerated; anything else named on another topic is not
        assertThat(IntegrationEventCatalog.belongsTo("cn.gov.wenzhou.kjj.registry.platform.v1.PlatformMerged",
                Topics.REGISTRY_PLATFORM_V1)).isTrue();
        assertThat(IntegrationEventCatalog.belongsTo("cn.gov.wenzhou.kjj.funding.project.v1.PlatformMerged",
                Topics.REGISTRY_PLATFORM_V1)).isFalse();
        assertThat(IntegrationEventCatalog.belongsTo("com.example.PlatformRecognized", Topics.REGISTRY_PLATFORM_V1))
                .isFalse();
        assertThat(IntegrationEventCatalog.belongsTo(IntegrationEventCatalog.TYPE_PREFIX + Topics.REGISTRY_PLATFORM_V1
                + ".", Topics.REGISTRY_PLATFORM_V1)).isFalse();
    }

    @Test
    void everyEventHasExactlyOneSchemaAndOneSampleAndNoFileIsAnOrphan() {
        Set<String> schemas = IntegrationEventCatalog.all().stream().map(IntegrationEventCatalog::schemaResourceOf)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> samples = IntegrationEventCatalog.all().stream().map(IntegrationEventCatalog::sampleResourceOf)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(ContractResources.resourcesUnder("schemas/", "**/*.json")).isEqualTo(schemas);
        assertThat(ContractResources.resourcesUnder("samples/", "**/*.json")).isEqualTo(samples);
    }

    private static Set<String> scan(TypeFilter filter) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(filter);
        return scanner.findCandidateComponents(BASE_PACKAGE).stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
