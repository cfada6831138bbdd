package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine with nothing installed but a JDK: a durable embedded PostgreSQL, an embedded KRaft
 * Kafka broker, the three services, the issuer, the web console and the open data, on fixed ports, data kept under
 * {@code .dev-stack/} (or {@code STB_DATA_DIR}).
 *
 * <pre>
 *   --demo          load sample data through the services' own commands (only into an empty stack)
 *   --clean         delete the data directory first
 *   --instances N   run N instances of each service (1 to 4): the first on the service's port, the others 100 above
 *                   each other (8181, 8281, ...), each its own JVM, all on the service's database and consumer group
 * </pre>
 */
public final class DevStack {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.asList(args);
        if (flags.contains("--help")) {
            System.out.println("usage: run.sh [--demo] [--clean] [--instances N]   (data directory: STB_DATA_DIR, default "
                    + ".dev-stack; N instances of each service, the n-th on its port + (n-1) x "
                    + ServiceInstances.PORT_STEP + ")");
            return;
        }
        int instances = ServiceInstances.count(flags);
        long started = System.nanoTime();
        Path dataDirectory = Path.of(System.getenv().getOrDefault("STB_DATA_DIR", ".dev-stack")).toAbsolutePath();
        if (flags.contains("--clean")) {
            FileSystemUtils.deleteRecursively(dataDirectory);
            System.out.println("Deleted " + dataDirectory);
        }

        LocalMail mail = LocalMail.start(LocalMail.SMTP_PORT, LocalMail.IMAP_PORT, LocalMail.PAGE_PORT);
        LocalIssuer issuer = LocalIssuer.start(authServerJar(), dataDirectory.resolve("logs/auth-server.log"));
        Map<StackService, String> serviceUrls = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            serviceUrls.put(service, "http://localhost:" + service.defaultPort());
        }
        // the console needs nothing to start (it reads the issuer when the first user signs in)
        LocalConsole console;
        try {
            console = LocalConsole.start(consoleJar(), dataDirectory.resolve("logs/console.log"), "localhost",
                    LocalConsole.PORT, issuer.issuer(), serviceUrls, "http://localhost:" + LocalOpenData.PORT);
        } catch (IOException e) {
            issuer.close();
            mail.close();
            throw e;
        }
        // Kafka's broker starts while PostgreSQL does. The services start once both are up: starting them while the
        // broker still starts was measured slower (47 s against 40 s), since start-up is CPU-bound on two cores.
        KafkaCredentials kafkaCredentials = LocalSecrets.kafkaCredentials(dataDirectory);
        CompletableFuture<LocalKafka> kafkaStarting = CompletableFuture.supplyAsync(() -> {
            try {
                LocalKafka broker = startKafka(dataDirectory, KAFKA_PORT, KAFKA_CONTROLLER_PORT);
                System.out.printf(Locale.ROOT, "Kafka ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
                return broker;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        LocalPostgres postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), POSTGRES_PORT);
        LocalKafka kafka = null;
        LocalOpenData openData = null;
        Map<StackService, ConfigurableApplicationContext> services = Map.of();
        ServiceInstances further = null;
        try {
            List<String> databases = new ArrayList<>(Arrays.stream(StackService.values()).map(StackService::database)
                    .toList());
            databases.add(LocalOpenData.DATABASE);
            String databasePassword = prepareDatabases(postgres, dataDirectory, databases);
            System.out.printf(Locale.ROOT, "PostgreSQL ready after %.1f s%n", (System.nanoTime() - started) / 1e9);
            kafka = kafkaStarting.join();
            // reads only the published topics, so it starts beside the services and catches up with them
            openData = LocalOpenData.start(openDataJar(), dataDirectory.resolve("logs/open-data.log"),
                    postgres.jdbcUrl(LocalOpenData.DATABASE), LocalPostgres.USER, databasePassword,
                    kafka.bootstrapServers(), LocalOpenData.PORT, LocalOpenData.MANAGEMENT_PORT,
                    LocalSecrets.openDataKafkaSignIn(kafkaCredentials));
            Map<StackService, ServiceLauncher.Placement> placements = new EnumMap<>(StackService.class);
            for (StackService service : StackService.values()) {
                Map<String, String> properties = new HashMap<>(Map.of("stb.demo.enabled",
                        String.valueOf(flags.contains("--demo")),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer()));
                if (service.sendsMail()) {
                    properties.putAll(mail.serviceProperties());
                }
                properties.put("stb.kafka.instance-id", ServiceInstances.kafkaInstanceId(service, 1));
                placements.put(service, placement(service, dataDirectory, postgres, kafka, service.defaultPort(),
                        properties));
            }
            services = ServiceLauncher.startAll(placements);
            if (instances > 1) {
                // once the first instances have migrated the databases: the others find them ready
                further = ServiceInstances.start(placements, instances, dataDirectory.resolve("logs"));
                further.awaitReady(Duration.ofMinutes(4));
            }
            issuer.awaitReady(Duration.ofSeconds(60));
            console.awaitReady(Duration.ofSeconds(60));
            openData.awaitReady(Duration.ofSeconds(60));
        } catch (Exception | Error e) {
            if (further != null) {
                further.close();
            }
            stop(services, kafka != null ? kafka : kafkaStarting.exceptionally(failed -> null).join(), postgres,
                    issuer, console, openData);
            mail.close();
            throw e;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Map<StackService, ConfigurableApplicationContext> running = services;
        LocalKafka runningKafka = kafka;
        LocalOpenData runningOpenData = openData;
        ServiceInstances runningInstances = further;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the stack...");
            if (runningInstances != null) {
                runningInstances.close();
            }
            stop(running, runningKafka, postgres, issuer, console, runningOpenData);
            mail.close();
            stopped.countDown();
        }, "dev-stack-stop"));

        printBanner(started, dataDirectory, postgres, kafka, issuer, console, openData, flags.contains("--demo"),
                instances);
        System.out.println(mail.banner());
        stopped.await();
    }

    /**
     * The stack's broker on {@code dataDirectory/kafka}, its users signing in with the passwords kept in the data
     * directory (SASL/SCRAM, the production ACLs). The fault suite starts (and restarts) its broker here too.
     */
    public static LocalKafka startKafka(Path dataDirectory, int port, int controllerPort) throws IOException {
        return LocalKafka.start(dataDirectory.resolve("kafka"), port, controllerPort,
                LocalSecrets.kafkaCredentials(dataDirectory));
    }

    /**
     * Creates the databases the applications need and gives them the data directory's password (no application
     * starts without one); returns that password.
     */
    public static String prepareDatabases(LocalPostgres postgres, Path dataDirectory, List<String> databases)
            throws java.sql.SQLException {
        postgres.ensureDatabases(databases);
        String databasePassword = LocalSecrets.databasePassword(dataDirectory);
        postgres.usePassword(databasePassword);
        return databasePassword;
    }

    /**
     * Where {@code service} runs in a stack on {@code dataDirectory}: its database with the data directory's
     * password, the broker signed in as its own Kafka user, its secrets (talent's master key, funding's ledger key)
     * from the data directory, and {@code properties} besides (the issuer it trusts, whether to load demo data).
     * Every setting a service refuses to start without is here; the fault suite places its processes with it too.
     */
    public static ServiceLauncher.Placement placement(StackService service, Path dataDirectory,
                                                      LocalPostgres postgres, LocalKafka kafka, int port,
                                                      Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(LocalSecrets.propertiesFor(service, LocalSecrets.talentMasterKey(dataDirectory),
                LocalSecrets.fundingLedgerKey(dataDirectory)));
        all.putAll(LocalSecrets.kafkaSignIn(service, kafka.credentials()));
        return new ServiceLauncher.Placement(postgres.jdbcUrl(service.database()), LocalPostgres.USER,
                LocalSecrets.databasePassword(dataDirectory), kafka.bootstrapServers(), port, all);
    }

    private static void printBanner(long started, Path dataDirectory, LocalPostgres postgres, LocalKafka kafka,
                                    LocalIssuer issuer, LocalConsole console, LocalOpenData openData,
                                    boolean demo, int instances) throws Exception {
        StringBuilder banner = new StringBuilder();
        banner.append(String.format(Locale.ROOT, "%n=== Wenzhou science-fund stack is up in %.1f s ===%n",
                (System.nanoTime() - started) / 1e9));
        banner.append(String.format("  PostgreSQL  localhost:%d  (%s)%n", postgres.port(), postgres.durability()));
        banner.append(String.format("  Kafka       %s  (KRaft, topics keep everything; SASL SCRAM-SHA-512: a subscriber"
                + " signs in as 'subscriber', password in %s)%n", kafka.bootstrapServers(),
                dataDirectory.resolve("secrets").resolve("kafka-" + KafkaAccess.SUBSCRIBER.name())));
        banner.append(String.format("  Issuer      %s  (OIDC; demo clients and users: README, auth-server.yml)%n",
                issuer.issuer()));
        banner.append(String.format("  Console     %s  (sign in as a demo user, password <user>-pw:%n", console.baseUrl()));
        banner.append("              registry.admin, funding.officer, finance.auditor, talent.institute,\n");
        banner.append("              enterprise.demo, platform.demo, operator)\n");
        banner.append(String.format("  Open data   %s/open/v1  (anonymous, read-only; %s/swagger-ui.html;%n",
                openData.baseUrl(), openData.baseUrl()));
        banner.append(String.format("              360Giving: %s/open/v1/360giving/grants.json and .csv)%n",
                openData.baseUrl()));
        banner.append(String.format("  Data        %s%n", dataDirectory));
        if (demo) {
            banner.append("  Demo data   loading in the background into an empty stack ('demo data: ...' log lines)\n");
        }
        for (StackService service : StackService.values()) {
            banner.append(String.format("  %-20s http://localhost:%d/swagger-ui.html   health: /actuator/health%n",
                    service.serviceName(), service.defaultPort()));
        }
        ServiceInstances.banner(instances).forEach(banner::append);
        banner.append("Press Ctrl-C to stop.\n");
        System.out.println(banner);
    }

    /** The auth-server's executable jar: {@code -Dstb.auth-server.jar}, else where the build puts it. */
    private static Path authServerJar() {
        String configured = System.getProperty("stb.auth-server.jar");
        return configured != null ? Path.of(configured)
                : Path.of("auth-server", "target", "auth-server-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath();
    }

    /** The console's executable jar: {@code -Dstb.console.jar}, else where the build puts it. */
    private static Path consoleJar() {
        String configured = System.getProperty("stb.console.jar");
        return configured != null ? Path.of(configured)
                : Path.of("console", "target", "console-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath();
    }

    /** The open data's executable jar: {@code -Dstb.open-data.jar}, else where the build puts it. */
    private static Path openDataJar() {
        String configured = System.getProperty("stb.open-data.jar");
        return configured != null ? Path.of(configured)
                : Path.of("open-data", "target", "open-data-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath();
    }

    private static void stop(Map<StackService, ConfigurableApplicationContext> services, LocalKafka kafka,
                             LocalPostgres postgres, LocalIssuer issuer, LocalConsole console,
                             LocalOpenData openData) {
        if (openData != null) {
            try {
                openData.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            console.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(services.values());
        contexts.forEach(context -> {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("error while stopping a service: " + e);
            }
        });
        if (kafka != null) {
            kafka.close();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("error while stopping PostgreSQL: " + e);
        }
        try {
            issuer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
