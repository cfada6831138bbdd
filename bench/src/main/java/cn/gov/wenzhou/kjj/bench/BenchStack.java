package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.embedded.LoopbackTokenIssuer;
import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.devstack.LocalSecrets;
import cn.gov.wenzhou.kjj.devstack.ServiceLauncher;
import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import cn.gov.wenzhou.kjj.talent.command.MasterKey;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The infrastructure and the three services the in-process figures are measured on: the dev stack's durable
 * PostgreSQL ({@link LocalPostgres}: fsync, synchronous_commit, full_page_writes on) and KRaft Kafka
 * ({@link LocalKafka}), on free loopback ports so that a developer's running stack is never disturbed, and the
 * services started by the dev stack's own {@link ServiceLauncher}, with security on (tokens from a {@link LoopbackTokenIssuer}).
 *
 * <p>A variant (exploration only, never the reported figures unless stated) may add properties and configuration
 * classes to the services, to measure what a setting would buy.
 */
final class BenchStack implements AutoCloseable {

    static final String BASELINE_DATABASE = "bench";
    /** The CRUD peer's own database on the same server (issue 20). */
    static final String CRUD_PEER_DATABASE = "crudpeer";
    /** Every bench run starts from a new data directory: a new master key for the talent pool each time. */
    private static final String TALENT_MASTER_KEY = MasterKey.generateBase64();
    private static final String FUNDING_LEDGER_KEY = LocalSecrets.newFundingLedgerKey();
    /** The bench's own secrets, new each run (its data directory is new too). */
    static final String DATABASE_PASSWORD = KafkaCredentials.newPassword();
    static final KafkaCredentials KAFKA_CREDENTIALS = KafkaCredentials.generate();
    /** Long enough for the whole run: a token that expired mid-measurement would measure refusals. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    final LocalPostgres postgres;
    final LocalKafka kafka;
    final LoopbackTokenIssuer tokens;
    final Map<StackService, ConfigurableApplicationContext> services;

    private BenchStack(LocalPostgres postgres, LocalKafka kafka, LoopbackTokenIssuer tokens,
                       Map<StackService, ConfigurableApplicationContext> services) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
        this.services = services;
    }

    /** PostgreSQL and Kafka only; the services come with {@link #withServices}. */
    static BenchStack startInfrastructure(Path dataDirectory) throws Exception {
        LocalPostgres postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), LoopbackPorts.free());
        LocalKafka kafka = null;
        LoopbackTokenIssuer tokens = null;
        try {
            List<String> databases = new ArrayList<>(Arrays.stream(StackService.values())
                    .map(StackService::database).toList());
            databases.add(BASELINE_DATABASE);
            databases.add(CRUD_PEER_DATABASE);
            postgres.ensureDatabases(databases);
            postgres.usePassword(DATABASE_PASSWORD);
            kafka = LocalKafka.start(dataDirectory.resolve("kafka"), LoopbackPorts.free(), LoopbackPorts.free(), KAFKA_CREDENTIALS);
            tokens = LoopbackTokenIssuer.start("bench", java.time.Clock.systemUTC());
            return new BenchStack(postgres, kafka, tokens, Map.of());
        } catch (Exception | Error e) {
            closeQuietly(null, kafka, postgres, tokens);
            throw e;
        }
    }

    /**
     * Starts the services on this infrastructure. Without a variant they are started exactly as the dev stack starts
     * them ({@link ServiceLauncher#startAll}); a variant's extra configuration classes need their own builder.
     */
    BenchStack withServices(Variant variant) {
        Map<StackService, ServiceLauncher.Placement> placements = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("server.address", "127.0.0.1");
            properties.put("stb.demo.enabled", "false");
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuer());
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri());
            properties.putAll(LocalSecrets.propertiesFor(service, TALENT_MASTER_KEY, FUNDING_LEDGER_KEY));
            properties.putAll(LocalSecrets.kafkaSignIn(service, kafka.credentials()));
            properties.putAll(variant.propertiesFor(service));
            placements.put(service, new ServiceLauncher.Placement(postgres.jdbcUrl(service.database()),
                    LocalPostgres.USER, DATABASE_PASSWORD, kafka.bootstrapServers(), 0, properties));
        }
        Map<StackService, ConfigurableApplicationContext> started = variant.hasSources()
                ? startWithSources(placements, variant)
                : ServiceLauncher.startAll(placements);
        return new BenchStack(postgres, kafka, tokens, started);
    }

    private static Map<StackService, ConfigurableApplicationContext> startWithSources(
            Map<StackService, ServiceLauncher.Placement> placements, Variant variant) {
        ExecutorService starters = Executors.newFixedThreadPool(placements.size());
        try {
            Map<StackService, Future<ConfigurableApplicationContext>> starting = new EnumMap<>(StackService.class);
            placements.forEach((service, placement) -> starting.put(service, starters.submit(() -> {
                return service.application()
                        .sources(variant.sourcesFor(service).toArray(Class<?>[]::new))
                        .registerShutdownHook(false)
                        .run(ServiceLauncher.arguments(placement).toArray(String[]::new));
            })));
            Map<StackService, ConfigurableApplicationContext> started = new EnumMap<>(StackService.class);
            for (Map.Entry<StackService, Future<ConfigurableApplicationContext>> entry : starting.entrySet()) {
                try {
                    started.put(entry.getKey(), entry.getValue().get());
                } catch (Exception e) {
                    started.values().forEach(ConfigurableApplicationContext::close);
                    throw new IllegalStateException("a service failed to start", e);
                }
            }
            return started;
        } finally {
            starters.shutdown();
        }
    }

    ConfigurableApplicationContext context(StackService service) {
        return services.get(service);
    }

    String baseUrl(StackService service) {
        return "http://127.0.0.1:" + context(service).getEnvironment().getProperty("local.server.port");
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Stops the services (if any); the infrastructure stays for the next step. */
    void stopServices() {
        services.values().forEach(context -> {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("error while stopping a service: " + e);
            }
        });
    }

    @Override
    public void close() {
        closeQuietly(services, kafka, postgres, tokens);
    }

    private static void closeQuietly(Map<StackService, ConfigurableApplicationContext> services, LocalKafka kafka,
                                     LocalPostgres postgres, LoopbackTokenIssuer tokens) {
        if (services != null) {
            services.values().forEach(context -> {
                try {
                    context.close();
                } catch (RuntimeException e) {
                    System.err.println("error while stopping a service: " + e);
                }
            });
        }
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                System.err.println("error while stopping Kafka: " + e);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("error while stopping PostgreSQL: " + e);
            }
        }
        if (tokens != null) {
            tokens.close();
        }
    }

}
