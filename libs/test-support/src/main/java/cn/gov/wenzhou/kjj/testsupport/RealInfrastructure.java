package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import org.slf4j.Logger;
import org.springframework.boot.SpringApplication;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.util.Locale;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use and stopped when the JVM
 * exits. PostgreSQL from Testcontainers when a Docker engine answers, otherwise embedded; Kafka always embedded, with
 * its users and ACLs ({@link KafkaServer}). Never H2, never a mocked broker,
 * and never a skipped test: the fallback is what runs on our Docker-less machines.
 *
 * <p>{@code -Dstb.test.infrastructure=embedded|containers} forces a choice.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static KafkaCredentials kafkaCredentials;
    private static boolean hookRegistered;

    private RealInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            long started = System.nanoTime();
            postgres = useContainers() ? ContainerPostgresServer.start() : EmbeddedPostgresServer.start();
            log.info("PostgreSQL ready on port {} in {} ms ({})", postgres.port(),
                    (System.nanoTime() - started) / 1_000_000, postgres.getClass().getSimpleName());
            registerShutdownHook();
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            long started = System.nanoTime();
            kafka = KafkaServer.embedded(kafkaCredentials());
            log.info("Kafka ready at {} in {} ms", kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
            registerShutdownHook();
        }
        return kafka;
    }

    /**
     * The passwords of the Kafka users in this JVM: the shared broker's, and those of a broker a test starts of its
     * own (an outage test's), so that an application context signs in to either.
     */
    public static synchronized KafkaCredentials kafkaCredentials() {
        if (kafkaCredentials == null) {
            kafkaCredentials = KafkaCredentials.generate();
        }
        return kafkaCredentials;
    }

    private static boolean useContainers() {
        String forced = System.getProperty("stb.test.infrastructure", "auto").toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "embedded" -> false;
            case "containers" -> true;
            default -> dockerAnswers();
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Stops the servers after Spring has closed every application context: stopping them first would leave the
     * contexts' Kafka clients and processors waiting for a broker that is gone, and the JVM exit would hang.
     */
    private static void registerShutdownHook() {
        if (!hookRegistered) {
            hookRegistered = true;
            SpringApplication.getShutdownHandlers().add(RealInfrastructure::stopAll);
        }
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
