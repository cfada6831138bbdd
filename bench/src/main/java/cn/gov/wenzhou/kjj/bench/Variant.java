package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.devstack.StackService;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bench's in-process stack runs with beyond the shipped settings. The default variant adds nothing: the
 * reported figures are the product's. Explorations add properties ({@code --prop key=value} for every service,
 * {@code --prop funding-service:key=value} for one) or configuration classes ({@code --with name}) to measure what a
 * change would buy before anyone makes it.
 */
final class Variant {

    private String name;
    private final Map<String, String> everywhere = new LinkedHashMap<>();
    private final Map<StackService, Map<String, String>> perService = new EnumMap<>(StackService.class);
    private final Map<StackService, List<Class<?>>> sources = new EnumMap<>(StackService.class);

    Variant(String name) {
        this.name = name;
    }

    static Variant shipped() {
        return new Variant("shipped");
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        name = newName;
    }

    boolean isShipped() {
        return everywhere.isEmpty() && perService.isEmpty() && sources.isEmpty();
    }

    /** {@code key=value}, or {@code <service-name>:key=value} for one service. */
    void addProperty(String spec) {
        int equals = spec.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--prop needs key=value: " + spec);
        }
        String key = spec.substring(0, equals);
        String value = spec.substring(equals + 1);
        int colon = key.indexOf(':');
        if (colon < 0) {
            everywhere.put(key, value);
            return;
        }
        StackService service = service(key.substring(0, colon));
        perService.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key.substring(colon + 1), value);
    }

    void addSource(StackService service, Class<?> source) {
        sources.computeIfAbsent(service, s -> new ArrayList<>()).add(source);
    }

    Map<String, String> propertiesFor(StackService service) {
        Map<String, String> properties = new LinkedHashMap<>(everywhere);
        properties.putAll(perService.getOrDefault(service, Map.of()));
        return properties;
    }

    boolean hasSources() {
        return !sources.isEmpty();
    }

    List<Class<?>> sourcesFor(StackService service) {
        return sources.getOrDefault(service, List.of());
    }

    /** For the report: everything that differs from the shipped settings. */
    Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("name", name);
        description.put("properties", everywhere);
        Map<String, Object> services = new LinkedHashMap<>();
        perService.forEach((service, properties) -> services.put(service.serviceName(), properties));
        description.put("serviceProperties", services);
        Map<String, Object> classes = new LinkedHashMap<>();
        sources.forEach((service, list) -> classes.put(service.serviceName(),
                list.stream().map(Class::getSimpleName).toList()));
        description.put("configurationClasses", classes);
        return description;
    }

    static StackService service(String serviceName) {
        for (StackService service : StackService.values()) {
            if (service.serviceName().equals(serviceName)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service named " + serviceName);
    }
}
