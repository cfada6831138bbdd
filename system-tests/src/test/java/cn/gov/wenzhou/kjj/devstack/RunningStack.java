package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.talent.command.MasterKey;
import cn.gov.wenzhou.kjj.testsupport.PostgresServer;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The three services as dev-stack runs them, on the test JVM's real PostgreSQL and Kafka, on random ports. */
public final class RunningStack implements AutoCloseable {

    private static final AtomicInteger STACKS = new AtomicInteger();
    private static RunningStack shared;

    private final Map<StackService, ConfigurableApplicationContext> services;
    private final Map<StackService, String> databases;

    private RunningStack(Map<StackService, ConfigurableApplicationContext> services,
                         Map<StackService, String> databases) {
        this.services = services;
        this.databases = databases;
    }

    /**
     * One stack for every end-to-end test class of this JVM (a stack takes the better part of a minute to start);
     * it stops with the JVM, before the embedded servers do.
     */
    static synchronized RunningStack shared() {
        if (shared == null) {
            shared = start();
            // Spring Boot runs its shutdown handlers only if an application registered its hook, and none here does
            RealInfrastructure.beforeStop(shared::close);
        }
        return shared;
    }

    static RunningStack start() {
        return start(Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get().jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.get().issuer()));
    }

    /** A stack whose services get these properties besides their placement (e.g. which issuer they trust). */
    public static RunningStack start(Map<String, String> properties) {
        PostgresServer postgres = RealInfrastructure.postgres();
        String kafka = RealInfrastructure.kafka().bootstrapServers();
        int stack = STACKS.incrementAndGet();
        Map<StackService, ServiceLauncher.Placement> placements = new EnumMap<>(StackService.class);
        Map<StackService, String> databases = new EnumMap<>(StackService.class);
        String talentMasterKey = MasterKey.generateBase64(); // the stack's databases are new: keys of its own
        String fundingLedgerKey = LocalSecrets.newFundingLedgerKey();
        for (StackService service : StackService.values()) {
            String database = "stack" + stack + "_" + service.database();
            postgres.createDatabase(database);
            databases.put(service, database);
            Map<String, String> serviceProperties = new HashMap<>(properties);
            // the registry's obligation sweep would act on the wall clock in the middle of a test: tests run it
            serviceProperties.putIfAbsent("stb.registry-sweep.scheduled", "false");
            // signed in as the service's own Kafka user; its groups carry its name, as its ACLs ask
            serviceProperties.put("stb.kafka.consumer-group",
                    KafkaAccess.user(service.serviceName()).orElseThrow().groupPrefix() + "stack" + stack);
            serviceProperties.putAll(LocalSecrets.kafkaSignIn(service, RealInfrastructure.kafkaCredentials()));
            serviceProperties.putAll(LocalSecrets.propertiesFor(service, talentMasterKey, fundingLedgerKey));
            placements.put(service, new ServiceLauncher.Placement(postgres.jdbcUrl(database), postgres.username(),
                    postgres.password(), kafka, 0, serviceProperties));
        }
        return new RunningStack(ServiceLauncher.startAll(placements), databases);
    }

    public String baseUrl(StackService service) {
        return "http://localhost:" + services.get(service).getEnvironment().getProperty("local.server.port");
    }

    public <T> T bean(StackService service, Class<T> type) {
        return services.get(service).getBean(type);
    }

    String database(StackService service) {
        return databases.get(service);
    }

    @Override
    public void close() {
        services.values().forEach(ConfigurableApplicationContext::close);
    }
}
