package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.devstack.LocalSecrets;
import cn.gov.wenzhou.kjj.devstack.ServiceLauncher;
import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.embedded.ChildJvm;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import cn.gov.wenzhou.kjj.talent.command.MasterKey;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
    private final String talentMasterKey = MasterKey.generateBase64();
    private final String fundingLedgerKey = LocalSecrets.newFundingLedgerKey();
    private LocalPostgres postgres;
    private LocalKafka kafka;

    private FaultStack(Path work) {
        this.work = work;
        this.postgresPort = freePort();
        this.kafkaPort = freePort();
        this.kafkaControllerPort = freePort();
        for (StackService service : StackService.values()) {
            ports.put(service, freePort());
        }
    }

    static FaultStack start() throws Exception {
        Path work = Path.of(System.getProperty("stb.fault.work", "target/fault-stack")).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        FaultStack stack = new FaultStack(work);
        try {
            stack.startPostgres();
            stack.postgres.ensureDatabases(Arrays.stream(StackService.values()).map(StackService::database).toList());
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
    }

    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    DataSource dataSource(StackService service) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:" + postgresPort + "/" + service.database());
        dataSource.setUser(LocalPostgres.USER);
        return dataSource;
    }

    // Kafka: the one place the suite's broker address is made (authentication would be added here)

    void startKafka() throws IOException {
        kafka = LocalKafka.start(work.resolve("kafka"), kafkaPort, kafkaControllerPort);
    }

    void stopKafka() {
        kafka.close();
        kafka = null;
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** The suite's own Kafka clients, all made here: a producer (the poison records) and a reading consumer. */
    Map<String, Object> kafkaClientProperties() {
        return new HashMap<>(Map.of(
                org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all",
                org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class.getName(),
                org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class.getName()));
    }

    org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> kafkaProducer() {
        return new org.apache.kafka.clients.producer.KafkaProducer<>(kafkaClientProperties());
    }

    org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> kafkaReader() {
        Map<String, Object> properties = kafkaClientProperties();
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties);
    }

    org.apache.kafka.clients.admin.Admin kafkaAdmin() {
        return org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()));
    }

    // the services

    /** Starts {@code service}'s process (again: same port, same database, same consumer group). */
    void launch(StackService service) throws IOException {
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get().jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.get().issuer(),
                "server.address", "127.0.0.1",
                "stb.demo.enabled", "false"));
        properties.putAll(LocalSecrets.propertiesFor(service, talentMasterKey, fundingLedgerKey));
        List<String> arguments = new ArrayList<>(ServiceLauncher.arguments(new ServiceLauncher.Placement(
                "jdbc:postgresql://localhost:" + postgresPort + "/" + service.database(), LocalPostgres.USER, "",
                kafkaBootstrapServers(), ports.get(service), properties)));
        services.put(service, ChildJvm.start(service.serviceName(), jar(service), SERVICE_JVM, arguments, Map.of(),
                work.resolve("logs").resolve(service.serviceName() + ".log")));
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
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
}
