package cn.gov.wenzhou.kjj.devstack;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs on our machines, so docker-compose.yml is kept honest by reading it: every variable it gives
 * a service must be a placeholder of that service's configuration, every placeholder without a default must be given,
 * and the published port must be the one the service listens on.
 */
class DockerComposeConsistencyTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:([^}]*))?}");
    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "TZ");

    @TestFactory
    Stream<DynamicTest> composeMatchesEveryServiceConfiguration() throws IOException {
        Map<String, Object> compose = load(Files.newInputStream(Path.of("..", "docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "kafka");

        return Arrays.stream(StackService.values()).map(service -> DynamicTest.dynamicTest(service.serviceName(),
                () -> {
                    Map<String, Object> definition = services.get(service.serviceName());
                    assertThat(definition).as("compose defines " + service.serviceName()).isNotNull();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
                    Map<String, String> placeholders = placeholdersOf(service.serviceName() + ".yml");

                    environment.keySet().stream().filter(name -> !JVM_VARIABLES.contains(name)).forEach(name ->
                            assertThat(placeholders).as(name + " is read by " + service.serviceName())
                                    .containsKey(name));
                    placeholders.forEach((name, fallback) -> {
                        if (fallback == null) {
                            assertThat(environment).as(name + " has no default, compose must set it")
                                    .containsKey(name);
                        }
                    });
                    String port = String.valueOf(environment.getOrDefault("HTTP_PORT",
                            placeholders.get("HTTP_PORT")));
                    assertThat(port).isEqualTo(String.valueOf(service.defaultPort()));
                    assertThat(String.valueOf(((List<?>) definition.get("ports")).get(0))).isEqualTo(port + ":" + port);
                    assertThat(String.valueOf(environment.get("DB_URL"))).endsWith("/" + service.database());
                    assertThat(Path.of("..", String.valueOf(definition.get("build")), "Dockerfile")).exists();
                }));
    }

    private static Map<String, String> placeholdersOf(String resource) throws IOException {
        try (InputStream in = DockerComposeConsistencyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes()));
            Map<String, String> placeholders = new HashMap<>();
            while (matcher.find()) {
                placeholders.put(matcher.group(1), matcher.group(2) == null ? null : matcher.group(3));
            }
            return placeholders;
        }
    }

    private static Map<String, Object> load(InputStream in) throws IOException {
        try (in) {
            return new Yaml().load(in);
        }
    }
}
