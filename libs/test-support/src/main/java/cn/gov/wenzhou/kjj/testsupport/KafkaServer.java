package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.embedded.LoopbackPorts;
import cn.gov.wenzhou.kjj.embedded.LocalKafka;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaAccess;
import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import org.apache.kafka.clients.CommonClientConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A running Kafka broker in KRaft mode with authentication and ACLs on, as in production ({@link KafkaAccess}):
 * every client signs in as one of its users. Always the embedded broker ({@link LocalKafka}, ready in seconds), also
 * where a Docker engine answers: it is the one whose users and ACLs the tests prove.
 */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    /** The passwords of this broker's users. */
    KafkaCredentials credentials();

    /** Client settings to reach this broker as {@code user}: bootstrap servers and its SASL sign-in. */
    default Map<String, Object> clientProperties(String user) {
        Map<String, Object> properties = new HashMap<>(credentials().clientProperties(user));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /** Client settings of the broker's administrator: what a test reads to see what was published. */
    default Map<String, Object> adminProperties() {
        return clientProperties(KafkaAccess.ADMIN);
    }

    @Override
    void close();

    static KafkaServer embedded() {
        return embedded(KafkaCredentials.generate());
    }

    /** A broker of its own (an outage test's), whose users sign in with {@code credentials}. */
    static KafkaServer embedded(KafkaCredentials credentials) {
        try {
            Path logs = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-");
            LocalKafka broker = LocalKafka.start(logs, LoopbackPorts.free(), LoopbackPorts.free(), credentials);
            return new KafkaServer() {
                @Override
                public String bootstrapServers() {
                    return broker.bootstrapServers();
                }

                @Override
                public KafkaCredentials credentials() {
                    return broker.credentials();
                }

                @Override
                public void close() {
                    broker.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded Kafka broker did not start", e);
        }
    }

}
