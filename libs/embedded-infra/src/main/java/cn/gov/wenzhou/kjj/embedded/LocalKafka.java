package cn.gov.wenzhou.kjj.embedded;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaProvisioning;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A single-node Kafka broker in KRaft mode (no ZooKeeper), run in-process from the {@code kafka_2.13} jars, with its
 * log directory kept on disk so topics survive a restart. Topics keep everything: broker-wide retention is unlimited.
 *
 * <p>Authenticated as in production ({@link KafkaAccess}): clients sign in with SASL/SCRAM-SHA-512 on the client
 * port, and the StandardAuthorizer allows only what the ACLs say. The controller listener and the inter-broker
 * listener are plaintext on loopback; their unauthenticated principal ({@code User:ANONYMOUS}) is a super user, as
 * the broker's own requests to its controller need, and sets the users, ACLs and topics up on every start.
 */
public final class LocalKafka implements AutoCloseable {

    private static final String CLIENT = "CLIENT";
    private static final String BROKER = "BROKER";
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final KafkaCredentials credentials;

    private LocalKafka(KafkaRaftServer server, int port, KafkaCredentials credentials) {
        this.server = server;
        this.port = port;
        this.credentials = credentials;
    }

    public static LocalKafka start(Path logDirectory, int port, int controllerPort, KafkaCredentials credentials)
            throws IOException {
        Files.createDirectories(logDirectory);
        int brokerPort = freeLoopbackPort();
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", CLIENT + "://localhost:" + port + "," + BROKER + "://localhost:" + brokerPort
                + "," + CONTROLLER + "://localhost:" + controllerPort);
        properties.put("advertised.listeners", CLIENT + "://localhost:" + port + "," + BROKER + "://localhost:"
                + brokerPort);
        properties.put("controller.listener.names", CONTROLLER);
        properties.put("inter.broker.listener.name", BROKER);
        properties.put("listener.security.protocol.map", CLIENT + ":" + KafkaAccess.SECURITY_PROTOCOL + ","
                + BROKER + ":PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", KafkaAccess.MECHANISM);
        properties.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", KafkaAccess.principal(KafkaAccess.ADMIN) + ";User:ANONYMOUS");
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
        properties.put("num.partitions", String.valueOf(Topics.DEFAULT_PARTITIONS));
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        properties.put("log.retention.ms", "-1");
        properties.put("log.retention.bytes", "-1");
        format(logDirectory, properties, credentials);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:" + brokerPort))) {
            KafkaProvisioning.provision(admin, credentials, Topics.DEFAULT_PARTITIONS, (short) 1);
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new LocalKafka(server, port, credentials);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Formats the log directory on first use, as {@code kafka-storage.sh format --ignore-formatted} would, with every
     * user's SCRAM credential in the bootstrap metadata ({@code --add-scram}): the client listener opens before the
     * set-up after the start runs, and a client that signs in then (an application waiting for the broker) must be
     * let in, not refused once and left with a producer that gave up.
     */
    private static void format(Path logDirectory, Properties properties, KafkaCredentials credentials)
            throws IOException {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Path config = logDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "written by dev-stack for kafka-storage format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"));
        credentials.passwords().forEach((user, password) -> arguments.addAll(List.of("--add-scram",
                KafkaAccess.MECHANISM + "=[name=" + user + ",iterations=" + KafkaAccess.ITERATIONS + ",password="
                        + password + "]")));
        int exit = StorageTool.execute(arguments.toArray(String[]::new), new PrintStream(output, true,
                StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The passwords this broker's users sign in with. */
    public KafkaCredentials credentials() {
        return credentials;
    }

    /** Client settings to reach this broker signed in as {@code user}: bootstrap servers, SASL. */
    public Map<String, Object> clientProperties(String user) {
        Map<String, Object> properties = new java.util.HashMap<>(credentials.clientProperties(user));
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
