package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.devstack.DevStack;
import cn.gov.wenzhou.kjj.devstack.ServiceLauncher;
import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.embedded.ChildJvm;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system as a deployment runs it, on one machine: PostgreSQL (a server process of its own) and a KRaft Kafka
 * broker, started by the suite, and each service its own process from its executable jar, configured by its
 * arguments exactly as the dev stack configures it. Any part can be stopped, killed and restarted while the others
 * run; the data survive (PostgreSQL's data directory and Kafka's log directory are kept, the ports stay).
 *
 * <p>Started the dev stack's way ({@link DevStack#startKafka}, {@link DevStack#prepareDatabases},
 * {@link DevStack#placement}): the broker signs clients in with SASL/SCRAM and authorizes them by the production
 * ACLs, each service signs in as its own Kafka user and to its database with a password, with the secrets kept in
 * the suite's work directory as the dev stack keeps them in its data directory. The suite's own Kafka clients sign
 * in too: a record put on a topic is sent as the topic's one writer, what is read is read as the administrator.
 */
final class FaultStack implements AutoCloseable {

    /** The services' JVMs: small and quick to start (C1 only), as the dev stack's child processes are. */
    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private final Path work;
    private final int postgresPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
    private final Map<StackService, ChildJvm> services = new EnumMap<>(StackService.class);
    private final Thread stopOnExit = new Thread(this::closeQuietly, "fault-stack-stop");
    private LocalPostgres postgres;
    private LocalKafka kafka;
    /** The servers as first started: where the services are placed, also while a server is stopped. */
    private LocalPostgres postgresPlacement;
    private LocalKafka kafkaPlacement;

    private FaultStack(Path work) {
        this.work = work;
        this.postgresPort = LoopbackPorts.free();
        this.kafkaPort = LoopbackPorts.free();
        this.kafkaControllerPort = LoopbackPorts.free();
        for (StackService service : StackService.values()) {
            ports.put(service, LoopbackPorts.free());
        }
    }

    static FaultStack start() throws Exception {
        Path work = Path.of(System.getProperty("stb.fault.work", "target/fault-stack")).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        FaultStack stack = new FaultStack(work);
        // the servers run with no shutdown hook of their own (PostgreSQL is a daemon, not a child of this JVM): should
        // the JVM end before close() (surefire's timeout, Ctrl-C), nothing the suite started outlives it
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            stack.startPostgres();
            DevStack.prepareDatabases(stack.postgres, work,
                    Arrays.stream(StackService.values()).map(StackService::database).toList());
            stack.startKafka();
            for (StackService service : StackService.values()) {
                stack.launch(service);
            }
            for (StackService service : StackService.values()) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    // PostgreSQL

    void startPostgres() throws IOException {
        postgres = LocalPostgres.start(work.resolve("postgres"), postgresPort);
        postgresPlacement = postgres;
    }

    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    /** A crash of PostgreSQL: its immediate shutdown ({@link LocalPostgres#stopImmediately()}); start it again after. */
    void crashPostgres() throws IOException, InterruptedException {
        postgres.stopImmediately();
        postgres = null;
    }

    /** The service's database, read by the suite as the service signs in to it. */
    DataSource dataSource(StackService service) {
        ServiceLauncher.Placement placement = placement(service);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(placement.jdbcUrl());
        dataSource.setUser(placement.dbUser());
        dataSource.setPassword(placement.dbPassword());
        return dataSource;
    }

    // Kafka: the one place the suite's broker and its clients are made

    void startKafka() throws IOException {
        kafka = DevStack.startKafka(work, kafkaPort, kafkaControllerPort);
        kafkaPlacement = kafka;
    }

    void stopKafka() {
        kafka.close();
        kafka = null;
    }

    /** A producer that signs in as the one user that may write {@code topic}, as that service's producer does. */
    org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> kafkaProducerFor(String topic) {
        Map<String, Object> properties = new HashMap<>(kafkaPlacement.clientProperties(
                KafkaAccess.writerOf(topic).name()));
        properties.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        properties.put(org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class.getName());
        properties.put(org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        return new org.apache.kafka.clients.producer.KafkaProducer<>(properties);
    }

    /** A consumer of no group, signed in as the broker's administrator: it reads any topic (the dead letters). */
    org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> kafkaReader() {
        Map<String, Object> properties = new HashMap<>(kafkaPlacement.clientProperties(KafkaAccess.ADMIN));
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties);
    }

    // the services

    /** Starts {@code service}'s process (again: same port, same database, same consumer group). */
    void launch(StackService service) throws IOException {
        List<String> arguments = new ArrayList<>(ServiceLauncher.arguments(placement(service)));
        services.put(service, ChildJvm.start(service.serviceName(), jar(service), SERVICE_JVM, arguments, Map.of(),
                work.resolve("logs").resolve(service.serviceName() + ".log")));
    }

    /**
     * The dev stack's placement of {@code service} on the suite's servers and work directory, trusting the test
     * issuer, on loopback, without demo data. Made from the first broker's settings also while the broker is away
     * (its address and users' passwords stay the same across restarts).
     */
    private ServiceLauncher.Placement placement(StackService service) {
        return DevStack.placement(service, work, postgresPlacement, kafkaPlacement, ports.get(service), Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get().jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.get().issuer(),
                "server.address", "127.0.0.1",
                "stb.demo.enabled", "false",
                // the registry's obligation sweep never acts on the wall clock in the middle of a scenario
                "stb.registry-sweep.scheduled", "false"));
    }

    void awaitReady(StackService service) throws IOException, InterruptedException {
        services.get(service).awaitReady(URI.create(baseUrl(service) + "/actuator/health/readiness"),
                START_PATIENCE);
    }

    /** SIGKILL, as a crash would end it: no shutdown hook, nothing flushed. */
    void kill(StackService service) throws InterruptedException {
        services.remove(service).kill();
    }

    String baseUrl(StackService service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private static Path jar(StackService service) {
        String version = System.getProperty("stb.fault.version", "0.1.0-SNAPSHOT");
        return Path.of(System.getProperty("stb.fault.services", "../services"), service.serviceName(), "target",
                service.serviceName() + "-" + version + "-exec.jar").toAbsolutePath();
    }


    @Override
    public synchronized void close() throws Exception {
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is exiting: its hook closes the stack too, after this
            }
        }
        for (ChildJvm service : services.values()) {
            service.close();
        }
        services.clear();
        if (kafka != null) {
            stopKafka();
        }
        if (postgres != null) {
            stopPostgres();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("fault-stack: stopping at exit failed: " + e);
        }
    }
}
