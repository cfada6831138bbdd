package cn.gov.wenzhou.kjj.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka broker in KRaft mode (no ZooKeeper), run in-process from the {@code kafka_2.13} jars, with its
 * log directory kept on disk so topics survive a restart. Topics keep everything: broker-wide retention is unlimited.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalKafka start(Path logDirectory, int port, int controllerPort) throws IOException {
        Files.createDirectories(logDirectory);
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        properties.put("log.retention.ms", "-1");
        properties.put("log.retention.bytes", "-1");
        format(logDirectory, properties);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, port);
    }

    /** Formats the log directory on first use, as {@code kafka-storage.sh format --ignore-formatted} would. */
    private static void format(Path logDirectory, Properties properties) throws IOException {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Path config = logDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "written by dev-stack for kafka-storage format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"}, new PrintStream(output, true,
                StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
