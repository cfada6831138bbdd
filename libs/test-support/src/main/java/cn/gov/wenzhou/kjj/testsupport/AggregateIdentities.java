package cn.gov.wenzhou.kjj.testsupport;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregates of a service by the kind of key that identifies them. The event store keeps one stream per
 * aggregate identifier, whatever the aggregate's type: two aggregate types keyed by the same kind of value (a credit
 * code, say) share a stream for the same organisation, and the second cannot be loaded once the first has an event.
 * A service keeps one aggregate per kind of key; this finds the kinds claimed twice.
 */
public final class AggregateIdentities {

    private static final String AGGREGATE = "org.axonframework.spring.stereotype.Aggregate";
    private static final String IDENTIFIER = "org.axonframework.modelling.command.AggregateIdentifier";

    private AggregateIdentities() {
    }

    /** Each identifier field name claimed by more than one aggregate type under {@code basePackage}, with them. */
    public static Map<String, Set<String>> sharedKeys(String basePackage) {
        Map<String, Set<String>> byKey = byKey(basePackage);
        byKey.values().removeIf(types -> types.size() < 2);
        return byKey;
    }

    /** Every aggregate type under {@code basePackage} by the name of its identifier field. */
    public static Map<String, Set<String>> byKey(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation(AGGREGATE)));
        Map<String, Set<String>> byKey = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = load(candidate.getBeanClassName());
            byKey.computeIfAbsent(identifier(type), key -> new TreeSet<>()).add(type.getSimpleName());
        }
        return byKey;
    }

    private static String identifier(Class<?> type) {
        Class<? extends Annotation> identifier = annotation(IDENTIFIER);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(identifier)) {
                    return field.getName();
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has no @AggregateIdentifier field");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> annotation(String name) {
        return (Class<? extends Annotation>) load(name);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("not on the test class path: " + name, e);
        }
    }
}
