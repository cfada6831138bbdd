package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaSetupScript;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaUser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
 * a service must be a placeholder of that service's configuration (its own YAML or the defaults of the libraries it
 * runs on), every placeholder without a default must be given, the published port must be the one the service
 * listens on and bound to loopback, and the Kafka users compose sets up are the model's (KafkaAccess).
 */
class DockerComposeConsistencyTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:([^}]*))?}");
    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "TZ");
    /** integration-consumer's defaults: the Kafka sign-in every service and the open data read. */
    private static final String CONSUMER_DEFAULTS = "integration-consumer-defaults.yml";
    /** mail-outbox's defaults: the SMTP relay of every service that sends notices. */
    private static final String MAIL_DEFAULTS = "mail-outbox-defaults.yml";
    /** service-support's defaults: what every service shares (the OTLP collector, for one). */
    private static final String SERVICE_DEFAULTS = "service-defaults.yml";

    /** The console is not on this module's classpath (it runs in its own JVM): its configuration is read from source. */
    @Test
    void composeMatchesTheConsolesConfiguration() throws IOException {
        Map<String, Object> compose = load(Files.newInputStream(Path.of("..", "docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = ((Map<String, Map<String, Object>>) compose.get("services")).get("console");
        assertThat(definition).as("compose defines the console").isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
        Map<String, String> placeholders = placeholdersIn(Files.readString(
                Path.of("..", "console", "src", "main", "resources", "console.yml")));

        assertConsistent("console", environment, placeholders, LocalConsole.PORT, definition);
        assertThat(environment).containsKeys("OIDC_ISSUER_URI", "OIDC_CLIENT_SECRET", "REGISTRY_URL", "FUNDING_URL",
                "TALENT_URL");
        for (StackService service : StackService.values()) {
            assertThat(environment.values()).as("the console reaches " + service.serviceName())
                    .contains("http://" + service.serviceName() + ":" + service.defaultPort());
        }
    }

    /** The open data runs in its own JVM too: its configuration is read from source. */
    @Test
    void composeMatchesTheOpenDatasConfiguration() throws IOException {
        Map<String, Object> compose = load(Files.newInputStream(Path.of("..", "docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> definition = ((Map<String, Map<String, Object>>) compose.get("services")).get("open-data");
        assertThat(definition).as("compose defines the open data").isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
        Map<String, String> placeholders = placeholdersIn(Files.readString(
                Path.of("..", "open-data", "src", "main", "resources", "open-data.yml")));
        placeholders.putAll(placeholdersOf(CONSUMER_DEFAULTS));

        assertConsistent("open-data", environment, placeholders, LocalOpenData.PORT, definition);
        assertThat(String.valueOf(environment.get("DB_URL"))).endsWith("/" + LocalOpenData.DATABASE);
        assertThat(String.valueOf(environment.get("MANAGEMENT_PORT"))).isEqualTo(
                String.valueOf(LocalOpenData.MANAGEMENT_PORT));
        assertThat(Files.readString(Path.of("..", "deploy", "postgres", "create-databases.sql")))
                .contains("create database " + LocalOpenData.DATABASE + ";");
    }

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
                    placeholders.putAll(placeholdersOf(CONSUMER_DEFAULTS));
                    placeholders.putAll(placeholdersOf(SERVICE_DEFAULTS));
                    if (service.sendsMail()) {
                        placeholders.putAll(placeholdersOf(MAIL_DEFAULTS));
                    }

                    assertConsistent(service.serviceName(), environment, placeholders, service.defaultPort(),
                            definition);
                    assertThat(String.valueOf(environment.get("DB_URL"))).endsWith("/" + service.database());
                }));
    }

    private static void assertConsistent(String application, Map<String, Object> environment,
                                         Map<String, String> placeholders, int defaultPort,
                                         Map<String, Object> definition) {
        environment.keySet().stream().filter(name -> !JVM_VARIABLES.contains(name)).forEach(name ->
                assertThat(placeholders).as(name + " is read by " + application).containsKey(name));
        placeholders.forEach((name, fallback) -> {
            if (fallback == null) {
                assertThat(environment).as(name + " has no default, compose must set it").containsKey(name);
            }
        });
        String port = String.valueOf(environment.getOrDefault("HTTP_PORT", placeholders.get("HTTP_PORT")));
        assertThat(port).isEqualTo(String.valueOf(defaultPort));
        // loopback only: the bureau's reverse proxy with TLS is what the network sees
        assertThat(String.valueOf(((List<?>) definition.get("ports")).get(0)))
                .isEqualTo("127.0.0.1:" + port + ":" + port);
        assertThat(Path.of("..", String.valueOf(definition.get("build")), "Dockerfile")).exists();
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() throws IOException {
        Map<String, Object> compose = load(Files.newInputStream(Path.of("..", "docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        services.forEach((name, definition) -> {
            Object ports = definition.get("ports");
            if (ports != null) {
                assertThat((List<?>) ports).as(name).allSatisfy(port ->
                        assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
            }
        });
    }

    /** Each application signs in as its own user, with a password compose requires; the setup creates them all. */
    @Test
    void composeSetsTheModelsKafkaUsersUp() throws IOException {
        Map<String, Object> compose = load(Files.newInputStream(Path.of("..", "docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> setup = services.get("kafka-setup");
        assertThat(setup).as("compose sets Kafka's users and ACLs up").isNotNull();
        assertThat(String.valueOf(setup.get("volumes"))).contains("./deploy/kafka/setup.sh");
        @SuppressWarnings("unchecked")
        Map<String, Object> setupEnvironment = (Map<String, Object>) setup.get("environment");
        for (KafkaUser user : KafkaAccess.USERS) {
            String variable = KafkaSetupScript.passwordVariable(user.name());
            assertThat(String.valueOf(setupEnvironment.get(variable))).as(variable)
                    .startsWith("${" + variable + ":?");
        }
        List<String> applications = new java.util.ArrayList<>(Arrays.stream(StackService.values())
                .map(StackService::serviceName).toList());
        applications.add(KafkaAccess.OPEN_DATA.name());
        for (String application : applications) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services.get(application).get("environment");
            assertThat(KafkaAccess.user(application)).as(application + " is a Kafka user").isPresent();
            assertThat(environment.get("KAFKA_USERNAME")).as(application).isEqualTo(application);
            assertThat(String.valueOf(environment.get("KAFKA_PASSWORD"))).as(application)
                    .startsWith("${" + KafkaSetupScript.passwordVariable(application) + ":?");
            assertThat(String.valueOf(services.get(application).get("depends_on"))).contains("kafka-setup");
        }
    }

    private static Map<String, String> placeholdersOf(String resource) throws IOException {
        try (InputStream in = DockerComposeConsistencyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return placeholdersIn(new String(in.readAllBytes()));
        }
    }

    private static Map<String, String> placeholdersIn(String configuration) {
        Matcher matcher = PLACEHOLDER.matcher(configuration);
        Map<String, String> placeholders = new HashMap<>();
        while (matcher.find()) {
            placeholders.put(matcher.group(1), matcher.group(2) == null ? null : matcher.group(3));
        }
        return placeholders;
    }

    private static Map<String, Object> load(InputStream in) throws IOException {
        try (in) {
            return new Yaml().load(in);
        }
    }
}
