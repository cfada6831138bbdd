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
    /** Instances of each service: 1 for the fault suite, more for {@link MultiInstanceTest}. */
    private final int instances;
    /** Each instance's HTTP port, instance 1 first. */
    private final Map<StackService, List<Integer>> ports = new EnumMap<>(StackService.class);
    private final Map<Instance, ChildJvm> services = new HashMap<>();
    private final Thread stopOnExit = new Thread(this::closeQuietly, "fault-stack-stop");
    private LocalPostgres postgres;
    private LocalKafka kafka;
    /** The servers as first started: where the services are placed, also while a server is stopped. */
    private LocalPostgres postgresPlacement;
    private LocalKafka kafkaPlacement;

    /** One process of a service: instance 1, 2, ... (its own JVM and HTTP port, the service's database and group). */
    record Instance(StackService service, int number) {
    }

    private FaultStack(Path work, int instances) {
        this.work = work;
        this.instances = instances;
        this.postgresPort = LoopbackPorts.free();
        this.kafkaPort = LoopbackPorts.free();
        this.kafkaControllerPort = LoopbackPorts.free();
        for (StackService service : StackService.values()) {
            List<Integer> servicePorts = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                servicePorts.add(LoopbackPorts.free());
            }
            ports.put(service, List.copyOf(servicePorts));
        }
    }

    /** One instance of each service, in {@code stb.fault.work}. */
    static FaultStack start() throws Exception {
        return start(1, System.getProperty("stb.fault.work", "target/fault-stack"));
    }

    /**
     * {@code instances} processes of each service, each with its own HTTP port, all instances of a service on its one
     * database, in its one consumer group, on the one broker: as a deployment scaled out runs them.
     */
    static FaultStack start(int instances, String workDirectory) throws Exception {
        Path work = Path.of(workDirectory).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        FaultStack stack = new FaultStack(work, instances);
        // the servers run with no shutdown hook of their own (PostgreSQL is a daemon, not a child of this JVM): should
        // the JVM end before close() (surefire's timeout, Ctrl-C), nothing the suite started outlives it
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            stack.startPostgres();
            DevStack.prepareDatabases(stack.postgres, work,
                    Arrays.stream(StackService.values()).map(StackService::database).toList());
            stack.startKafka();
            for (int number = 1; number <= instances; number++) {
                for (StackService service : StackService.values()) {
                    stack.launch(service, number);
                }
            }
            for (int number = 1; number <= instances; number++) {
                for (StackService service : StackService.values()) {
                    stack.awaitReady(service, number);
                }
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
        ServiceLauncher.Placement placement = placement(service, 1);
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

    /** An admin client's settings, signed in as the broker's administrator (the consumer groups' offsets). */
    Map<String, Object> kafkaAdminProperties() {
        return new HashMap<>(kafkaPlacement.clientProperties(KafkaAccess.ADMIN));
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
        launch(service, 1);
    }

    /** Starts instance {@code number} of {@code service} (again: same port, same database, same consumer group). */
    void launch(StackService service, int number) throws IOException {
        List<String> arguments = new ArrayList<>(ServiceLauncher.arguments(placement(service, number)));
        services.put(new Instance(service, number), ChildJvm.start(instanceName(service, number), jar(service),
                SERVICE_JVM, arguments, Map.of(), log(service, number)));
    }

    /** Where instance {@code number} of {@code service} writes its output (kept across its restarts). */
    Path log(StackService service, int number) {
        return work.resolve("logs").resolve(instanceName(service, number) + ".log");
    }

    private static String instanceName(StackService service, int number) {
        return number == 1 ? service.serviceName() : service.serviceName() + "-" + number;
    }

    /**
     * The dev stack's placement of {@code service} on the suite's servers and work directory, trusting the test
     * issuer, on loopback, without demo data. Made from the first broker's settings also while the broker is away
     * (its address and users' passwords stay the same across restarts). Every instance of a service has the same
     * placement but for its HTTP port.
     */
    private ServiceLauncher.Placement placement(StackService service, int number) {
        return DevStack.placement(service, work, postgresPlacement, kafkaPlacement, port(service, number), Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get().jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.get().issuer(),
                "server.address", "127.0.0.1",
                "stb.demo.enabled", "false",
                // the registry's obligation sweep never acts on the wall clock in the middle of a scenario
                "stb.registry-sweep.scheduled", "false",
                // static group membership one per instance: on one host the default (the host name) would be the
                // same for every instance, and Kafka fences a member whose instance id another one joins with
                "stb.kafka.instance-id", service.serviceName() + "-" + number));
    }

    void awaitReady(StackService service) throws IOException, InterruptedException {
        awaitReady(service, 1);
    }

    void awaitReady(StackService service, int number) throws IOException, InterruptedException {
        services.get(new Instance(service, number)).awaitReady(URI.create(baseUrl(service, number)
                + "/actuator/health/readiness"), START_PATIENCE);
    }

    /** SIGKILL, as a crash would end it: no shutdown hook, nothing flushed. */
    void kill(StackService service) throws InterruptedException {
        kill(service, 1);
    }

    /** SIGKILL of instance {@code number}, as a crash would end it. */
    void kill(StackService service, int number) throws InterruptedException {
        services.remove(new Instance(service, number)).kill();
    }

    /** Instance {@code number}'s process id: Axon names a token's owner by it ({@code pid@host}). */
    long pid(StackService service, int number) {
        return services.get(new Instance(service, number)).pid();
    }

    int instances() {
        return instances;
    }

    String baseUrl(StackService service) {
        return baseUrl(service, 1);
    }

    String baseUrl(StackService service, int number) {
        return "http://127.0.0.1:" + port(service, number);
    }

    private int port(StackService service, int number) {
        return ports.get(service).get(number - 1);
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
