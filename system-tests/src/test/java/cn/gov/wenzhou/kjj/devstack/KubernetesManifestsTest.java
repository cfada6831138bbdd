package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cluster runs on our machines, so the Kubernetes manifests (deploy/kubernetes) are kept honest by rendering them
 * (the base, each overlay and the demo issuer, with {@link Kustomization}), reading every object into the Kubernetes
 * API's model with unknown fields refused ({@link StrictKubernetesModel}), and holding them against the applications'
 * own configuration, as DockerComposeConsistencyTest does for docker-compose.yml: every variable a manifest sets is
 * one its application reads, every setting production requires is set, secrets only by reference to Secrets the
 * operator creates (named in docs/operators.md), the probes ask Actuator's health groups on the port Actuator
 * listens on, and the images and ports are compose's.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("..", "deploy", "kubernetes");
    /** Each rendering: what an operator applies ({@code kubectl apply -k}). The base is checked alone too. */
    private static final List<String> RENDERINGS = List.of("base", "overlays/staging", "overlays/production",
            "demo-issuer");
    private static final List<String> OVERLAYS = List.of("overlays/staging", "overlays/production");
    /** The ConfigMap of the environment's own values: the operator creates it where an overlay does not. */
    private static final String ENVIRONMENT_CONFIG_MAP = "wenzhou-stb-environment";
    private static final Set<String> SERVICES = Set.of("platform-registry", "funding-service",
            "talent-pool-service");
    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "TZ");
    /** A variable named so holds a secret: never a value in a manifest, never a ConfigMap entry. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|KEY).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:([^}]*))?}");
    private static final Pattern DOCKERFILE_UID = Pattern.compile("--uid (\\d+)");

    private static final Map<String, List<HasMetadata>> rendered = new LinkedHashMap<>();
    private static Map<String, Map<String, Object>> compose;
    private static String operatorsGuide;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() throws IOException {
        for (String rendering : RENDERINGS) {
            rendered.put(rendering, Kustomization.render(KUBERNETES.resolve(rendering)).stream()
                    .map(StrictKubernetesModel::read).toList());
        }
        try (InputStream in = Files.newInputStream(Path.of("..", "docker-compose.yml"))) {
            compose = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("services");
        }
        operatorsGuide = Files.readString(Path.of("..", "docs", "operators.md"));
    }

    @Test
    void everyRenderingHoldsOnlyKubernetesObjectsWithoutUnknownFieldsAndNoSecret() {
        rendered.forEach((rendering, objects) -> {
            assertThat(objects).as(rendering).isNotEmpty();
            assertThat(objects).as(rendering + " defines no Secret: the operator creates them")
                    .noneMatch(object -> object.getKind().equals("Secret"));
            assertThat(objects.stream().map(object -> object.getKind() + "/" + object.getMetadata().getName()))
                    .as(rendering + ": each object once").doesNotHaveDuplicates();
        });
    }

    @Test
    void eachOverlayPutsEveryObjectIntoItsNamespace() {
        for (String overlay : OVERLAYS) {
            Set<String> namespaces = rendered.get(overlay).stream().map(object -> object.getMetadata().getNamespace())
                    .collect(Collectors.toSet());
            assertThat(namespaces).as(overlay).hasSize(1).doesNotContainNull();
        }
    }

    @Test
    void everyApplicationOfComposeIsDeployedWithComposesImageAndPort() {
        Set<String> deployed = new HashSet<>();
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            String application = deployment.getMetadata().getName();
            deployed.add(application);
            Map<String, Object> definition = compose.get(application);
            assertThat(definition).as(rendering + ": compose runs " + application).isNotNull();
            Container container = container(deployment);
            String image = String.valueOf(definition.get("image"));
            assertThat(Kustomization.repository(container.getImage())).as(rendering + ": " + application)
                    .endsWith(Kustomization.repository(image));
            if (rendering.equals("base") || rendering.equals("demo-issuer")) {
                assertThat(container.getImage()).as(rendering + ": " + application).isEqualTo(image);
            }
            assertThat(String.valueOf(port(container, "http").getContainerPort()))
                    .as(rendering + ": " + application + "'s port is compose's")
                    .isEqualTo(composePort(application));
            assertThat(String.valueOf(port(container, "http").getContainerPort()))
                    .as(rendering + ": " + application + " listens where its configuration says")
                    .isEqualTo(setting(rendering, objects, application, container, "server.port"));
        }));
        assertThat(deployed).as("every application compose runs").containsAll(applicationsOfCompose());
        assertThat(deployments(rendered.get("overlays/staging")).stream().map(d -> d.getMetadata().getName()))
                .as("staging runs them all").containsExactlyInAnyOrderElementsOf(applicationsOfCompose());
    }

    @Test
    void everyVariableAManifestSetsIsReadByItsApplication() {
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            String application = deployment.getMetadata().getName();
            Map<String, String> placeholders = placeholders(application);
            environment(rendering, objects, container(deployment)).keySet().stream()
                    .filter(name -> !JVM_VARIABLES.contains(name))
                    .forEach(name -> assertThat(placeholders).as(rendering + ": " + name + " is read by "
                            + application).containsKey(name));
        }));
    }

    @Test
    void everySettingProductionRequiresIsSetInEachOverlay() {
        for (String overlay : OVERLAYS) {
            List<HasMetadata> objects = rendered.get(overlay);
            for (Deployment deployment : deployments(objects)) {
                String application = deployment.getMetadata().getName();
                Map<String, Source> environment = environment(overlay, objects, container(deployment));
                for (String required : requiredSettings(application)) {
                    Source source = environment.get(required);
                    assertThat(source).as(overlay + ": " + application + " requires " + required).isNotNull();
                    assertThat(source.optional()).as(overlay + ": " + required + " of " + application
                            + " is required, its reference may not be optional").isFalse();
                    if (source.value() != null) {
                        assertThat(source.value()).as(overlay + ": " + required + " of " + application).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void secretsAreOnlyReferencedFromSecretsTheOperatorsGuideNames() {
        rendered.forEach((rendering, objects) -> {
            for (ConfigMap configMap : of(objects, ConfigMap.class)) {
                assertThat(configMap.getData().keySet()).as(rendering + ": " + configMap.getMetadata().getName()
                        + " holds no secret").noneMatch(key -> SECRET_NAME.matcher(key).matches());
            }
            for (Deployment deployment : deployments(objects)) {
                Container container = container(deployment);
                assertThat(container.getEnvFrom()).as(rendering + ": a Secret's keys are named one by one")
                        .allMatch(from -> from.getSecretRef() == null);
                for (EnvVar variable : container.getEnv()) {
                    if (SECRET_NAME.matcher(variable.getName()).matches()) {
                        assertThat(variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef())
                                .as(rendering + ": " + variable.getName() + " comes from a Secret").isNotNull();
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        String secret = variable.getValueFrom().getSecretKeyRef().getName();
                        String key = variable.getValueFrom().getSecretKeyRef().getKey();
                        assertThat(documented(secret, key)).as(rendering + ": docs/operators.md names the key `"
                                + key + "` of the Secret `" + secret + "`").isTrue();
                    }
                }
            }
        });
    }

    @Test
    void everyConfigMapReferenceResolvesOrIsTheOperatorsDocumentedEnvironment() {
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            Container container = container(deployment);
            for (EnvFromSource from : container.getEnvFrom()) {
                assertThat(configMap(objects, from.getConfigMapRef().getName()))
                        .as(rendering + ": envFrom " + from.getConfigMapRef().getName() + " is in the rendering")
                        .isPresent();
            }
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValueFrom() == null || variable.getValueFrom().getConfigMapKeyRef() == null) {
                    continue;
                }
                String name = variable.getValueFrom().getConfigMapKeyRef().getName();
                String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
                Optional<ConfigMap> configMap = configMap(objects, name);
                if (configMap.isPresent()) {
                    assertThat(configMap.get().getData()).as(rendering + ": " + name).containsKey(key);
                } else {
                    assertThat(name).as(rendering + ": " + name + " is in the rendering or the operator's")
                            .isEqualTo(ENVIRONMENT_CONFIG_MAP);
                    assertThat(documented(name, key)).as(rendering + ": docs/operators.md names the key `" + key
                            + "` of the ConfigMap `" + name + "`").isTrue();
                }
            }
        }));
    }

    @Test
    void probesAskActuatorsHealthGroupsOnThePortActuatorListensOn() {
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            String application = deployment.getMetadata().getName();
            Container container = container(deployment);
            assertThat(configuration(application, "management.endpoint.health.probes.enabled"))
                    .as(application + " turns Actuator's probe groups on").isEqualTo("true");
            String managementPort = managementPort(rendering, objects, application, container);
            assertProbe(rendering, application, container, container.getReadinessProbe(),
                    "/actuator/health/readiness", managementPort);
            assertProbe(rendering, application, container, container.getLivenessProbe(),
                    "/actuator/health/liveness", managementPort);
            assertProbe(rendering, application, container, container.getStartupProbe(),
                    "/actuator/health/liveness", managementPort);
        }));
    }

    @Test
    void prometheusScrapesTheActuatorEndpointWhereTheApplicationExposesIt() {
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            String application = deployment.getMetadata().getName();
            Map<String, String> annotations = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata()
                    .getAnnotations()).orElse(Map.of());
            boolean exposed = List.of(configuration(application, "management.endpoints.web.exposure.include")
                    .split(",")).contains("prometheus");
            if (exposed) {
                assertThat(annotations).as(rendering + ": " + application).containsEntry("prometheus.io/scrape",
                                "true")
                        .containsEntry("prometheus.io/path", "/actuator/prometheus")
                        .containsEntry("prometheus.io/port",
                                managementPort(rendering, objects, application, container(deployment)));
            } else {
                assertThat(annotations).as(rendering + ": " + application + " has no Prometheus endpoint")
                        .doesNotContainKey("prometheus.io/scrape");
            }
        }));
    }

    @Test
    void everyApplicationRunsAsItsImagesUserWithinRequestsAndLimits() throws IOException {
        for (Map.Entry<String, List<HasMetadata>> entry : rendered.entrySet()) {
            String rendering = entry.getKey();
            for (Deployment deployment : deployments(entry.getValue())) {
                String application = deployment.getMetadata().getName();
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                Container container = container(deployment);
                Matcher uid = DOCKERFILE_UID.matcher(Files.readString(Path.of("..",
                        String.valueOf(compose.get(application).get("build")), "Dockerfile")));
                assertThat(uid.find()).as(application + "'s Dockerfile names its user").isTrue();
                PodSecurityContext podSecurity = pod.getSecurityContext();
                assertThat(podSecurity.getRunAsNonRoot()).as(rendering + ": " + application).isTrue();
                assertThat(podSecurity.getRunAsUser()).as(rendering + ": " + application + " runs as the image's"
                        + " user").isEqualTo(Long.parseLong(uid.group(1)));
                assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(rendering + ": " + application).isFalse();
                assertThat(security.getCapabilities().getDrop()).as(rendering + ": " + application)
                        .containsExactly("ALL");
                assertThat(security.getReadOnlyRootFilesystem()).as(rendering + ": " + application).isTrue();
                assertThat(container.getVolumeMounts().stream().map(VolumeMount::getMountPath))
                        .as(rendering + ": " + application + " writes its temporary files to a volume")
                        .contains("/tmp");
                assertThat(pod.getAutomountServiceAccountToken()).as(application + " never calls the API").isFalse();

                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = container.getResources().getRequests().get(resource);
                    Quantity limit = container.getResources().getLimits().get(resource);
                    assertThat(request).as(rendering + ": " + application + " requests " + resource).isNotNull();
                    assertThat(limit).as(rendering + ": " + application + " is limited in " + resource).isNotNull();
                    assertThat(request.getNumericalAmount()).as(rendering + ": " + application + " " + resource)
                            .isLessThanOrEqualTo(limit.getNumericalAmount());
                }
            }
        }
    }

    @Test
    void everyDeploymentHasAServiceOnItsPortAndADisruptionBudgetThatLetsANodeDrain() {
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            String application = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as(rendering + ": " + application + "'s pods are its selector's")
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Container container = container(deployment);

            Service service = named(of(objects, Service.class), application);
            assertThat(podLabels).as(rendering + ": the Service " + application + " selects its pods")
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).as(rendering + ": " + application).hasSize(1);
            ServicePort servicePort = service.getSpec().getPorts().get(0);
            assertThat(servicePort.getPort()).as(rendering + ": the Service " + application + " on its port")
                    .isEqualTo(port(container, "http").getContainerPort());
            assertThat(servicePort.getTargetPort()).isEqualTo(new IntOrString("http"));

            PodDisruptionBudget budget = named(of(objects, PodDisruptionBudget.class), application);
            assertThat(podLabels).as(rendering + ": the budget of " + application + " selects its pods")
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable()).as("maxUnavailable: whatever the replica count, a"
                    + " drain is never blocked").isNull();
            assertThat(budget.getSpec().getMaxUnavailable()).as(rendering + ": " + application)
                    .isEqualTo(new IntOrString(1));
            assertThat(deployment.getSpec().getReplicas()).as(rendering + ": " + application).isPositive();
        }));
    }

    @Test
    void productionRunsAtLeastTwoInstancesOfEachService() {
        List<Deployment> production = deployments(rendered.get("overlays/production"));
        assertThat(production.stream().map(d -> d.getMetadata().getName())).containsAll(SERVICES);
        production.stream().filter(d -> SERVICES.contains(d.getMetadata().getName())).forEach(deployment ->
                assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName())
                        .isGreaterThanOrEqualTo(2));
        assertThat(production.stream().map(d -> d.getMetadata().getName()))
                .as("the demo issuer never runs in production").doesNotContain("auth-server");
    }

    /** The users Kafka's ACLs know, the databases compose creates, the addresses the console calls. */
    @Test
    void eachApplicationSignsInAsItsOwnKafkaUserToItsOwnDatabaseAndTheConsoleCallsTheServices() {
        rendered.forEach((rendering, objects) -> deployments(objects).forEach(deployment -> {
            String application = deployment.getMetadata().getName();
            Container container = container(deployment);
            Map<String, Source> environment = environment(rendering, objects, container);
            if (environment.containsKey("KAFKA_PASSWORD")) {
                assertThat(environment.get("KAFKA_USERNAME").value()).as(rendering + ": " + application)
                        .isEqualTo(application);
                assertThat(KafkaAccess.user(application)).isPresent();
            }
            if (environment.containsKey("DB_URL")) {
                String composeUrl = String.valueOf(composeEnvironment(application).get("DB_URL"));
                assertThat(environment.get("DB_URL").value()).as(rendering + ": " + application + "'s database")
                        .endsWith(composeUrl.substring(composeUrl.lastIndexOf('/')));
            }
            if (application.equals("console")) {
                for (String variable : List.of("REGISTRY_URL", "FUNDING_URL", "TALENT_URL", "OPEN_DATA_URL")) {
                    assertThat(environment.get(variable).value()).as(rendering + ": " + variable)
                            .isEqualTo(String.valueOf(composeEnvironment(application).get(variable)));
                }
            }
        }));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Where a variable's value comes from: a value (a literal, or a ConfigMap of the rendering), or a reference. */
    private record Source(String value, String reference, boolean optional) {
    }

    private static Map<String, Source> environment(String rendering, List<HasMetadata> objects, Container container) {
        Map<String, Source> environment = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                configMap(objects, from.getConfigMapRef().getName()).ifPresent(configMap ->
                        configMap.getData().forEach((key, value) -> environment.put(key,
                                new Source(value, null, false))));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            assertThat(environment).as(rendering + ": " + variable.getName() + " is set once")
                    .doesNotContainKey(variable.getName());
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), new Source(variable.getValue(), null, false));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                environment.put(variable.getName(), new Source(null, "Secret " + ref.getName() + "/" + ref.getKey(),
                        Boolean.TRUE.equals(ref.getOptional())));
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                String value = configMap(objects, ref.getName()).map(map -> map.getData().get(ref.getKey()))
                        .orElse(null);
                environment.put(variable.getName(), new Source(value, "ConfigMap " + ref.getName() + "/"
                        + ref.getKey(), Boolean.TRUE.equals(ref.getOptional())));
            } else {
                throw new AssertionError(rendering + ": " + variable.getName() + " from neither a ConfigMap nor a"
                        + " Secret");
            }
        }
        return environment;
    }

    /** A Spring property of {@code application} as it runs with the container's environment. */
    private static String setting(String rendering, List<HasMetadata> objects, String application,
                                  Container container, String property) {
        String configured = configuration(application, property);
        Matcher placeholder = PLACEHOLDER.matcher(configured);
        if (!placeholder.matches()) {
            return configured;
        }
        Source source = environment(rendering, objects, container).get(placeholder.group(1));
        return source != null && source.value() != null ? source.value() : placeholder.group(3);
    }

    private static String managementPort(String rendering, List<HasMetadata> objects, String application,
                                         Container container) {
        return configuration(application, "management.server.port").isEmpty()
                ? setting(rendering, objects, application, container, "server.port")
                : setting(rendering, objects, application, container, "management.server.port");
    }

    private static void assertProbe(String rendering, String application, Container container, Probe probe,
                                    String path, String managementPort) {
        assertThat(probe).as(rendering + ": " + application + " probes " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(rendering + ": " + application).isEqualTo(path);
        ContainerPort port = get.getPort().getStrVal() != null ? port(container, get.getPort().getStrVal())
                : container.getPorts().stream().filter(p -> p.getContainerPort().equals(get.getPort().getIntVal()))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(port.getContainerPort()))
                .as(rendering + ": " + application + " probes " + path + " on Actuator's port")
                .isEqualTo(managementPort);
    }

    /** The placeholders of every configuration file {@code application} reads, with their defaults (null: none). */
    private static Map<String, String> placeholders(String application) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String configuration : configurationFiles(application)) {
            Matcher matcher = PLACEHOLDER.matcher(configuration);
            while (matcher.find()) {
                placeholders.putIfAbsent(matcher.group(1), matcher.group(2) == null ? null : matcher.group(3));
            }
        }
        return placeholders;
    }

    /** What the application refuses to start without: placeholders without a default, and the checked settings. */
    private static Set<String> requiredSettings(String application) {
        Set<String> required = new TreeSet<>();
        placeholders(application).forEach((name, fallback) -> {
            if (fallback == null) {
                required.add(name);
            }
        });
        if (SERVICES.contains(application)) {
            required.addAll(RequiredProductionSettingsTest.REQUIRED.keySet());
        }
        if (application.equals("open-data")) {
            // integration-consumer's checks (the issuer is the services' resource server's)
            required.addAll(List.of("DB_PASSWORD", "KAFKA_PASSWORD"));
        }
        switch (application) {
            case "funding-service" -> required.add("FUNDING_LEDGER_SIGNING_KEY");
            case "talent-pool-service" -> required.add("TALENT_MASTER_KEY");
            default -> {
            }
        }
        return required;
    }

    /** A property of the application's configuration files, the first that defines it; "" when none does. */
    @SuppressWarnings("unchecked")
    private static String configuration(String application, String property) {
        for (String configuration : configurationFiles(application)) {
            Object value = new Yaml().load(configuration);
            for (String part : property.split("\\.")) {
                value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(part) : null;
            }
            if (value != null) {
                return value instanceof List<?> list ? list.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) : String.valueOf(value);
            }
        }
        return "";
    }

    /** In precedence order: the application's own file, then the defaults of the libraries it runs on. */
    private static List<String> configurationFiles(String application) {
        try {
            List<String> files = new ArrayList<>();
            Optional<StackService> service = Arrays.stream(StackService.values())
                    .filter(s -> s.serviceName().equals(application)).findFirst();
            if (service.isPresent()) {
                files.add(resource(application + ".yml"));
                files.add(resource("integration-consumer-defaults.yml"));
                if (service.get().sendsMail()) {
                    files.add(resource("mail-outbox-defaults.yml"));
                }
                files.add(resource("service-defaults.yml"));
            } else {
                // the console, the open data and the issuer run in JVMs of their own: read from source
                String module = String.valueOf(compose.get(application).get("build"));
                files.add(Files.readString(Path.of("..", module, "src", "main", "resources", application + ".yml")));
                if (application.equals("open-data")) {
                    files.add(resource("integration-consumer-defaults.yml"));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KubernetesManifestsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A row of docs/operators.md's Kubernetes tables names the object and the key. */
    private static boolean documented(String object, String key) {
        return operatorsGuide.lines().anyMatch(line -> line.startsWith("|") && line.contains("`" + object + "`")
                && line.contains("`" + key + "`"));
    }

    private static List<String> applicationsOfCompose() {
        return compose.entrySet().stream().filter(entry -> entry.getValue().containsKey("build"))
                .map(Map.Entry::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeEnvironment(String application) {
        return (Map<String, Object>) compose.get(application).get("environment");
    }

    private static String composePort(String application) {
        Map<String, Object> environment = composeEnvironment(application);
        return String.valueOf(environment.getOrDefault("HTTP_PORT", environment.get("AUTH_HTTP_PORT")));
    }

    private static List<Deployment> deployments(List<HasMetadata> objects) {
        return of(objects, Deployment.class);
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<T> objects, String name) {
        return objects.stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no object named " + name));
    }

    private static Optional<ConfigMap> configMap(List<HasMetadata> objects, String name) {
        return of(objects, ConfigMap.class).stream().filter(map -> map.getMetadata().getName().equals(name))
                .findFirst();
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + " runs one container").hasSize(1);
        assertThat(containers.get(0).getName()).isEqualTo(deployment.getMetadata().getName());
        return containers.get(0);
    }

    private static ContainerPort port(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }
}
