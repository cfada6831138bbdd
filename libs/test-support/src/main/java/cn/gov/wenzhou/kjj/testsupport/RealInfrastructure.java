package cn.gov.wenzhou.kjj.testsupport;

import cn.gov.wenzhou.kjj.kafkaaccess.KafkaCredentials;
import org.slf4j.Logger;
import org.springframework.boot.SpringApplication;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private static boolean stopped;
    /** What must stop before the servers do (stacks of services on them), last registered first. */
    private static final Deque<Runnable> BEFORE_STOP = new ArrayDeque<>();
    private static final CountDownLatch STOPPED = new CountDownLatch(1);
    /** How long the JVM hook waits for Spring Boot's hook to stop the servers before it stops them itself. */
    private static final Duration SPRING_PATIENCE = Duration.ofSeconds(120);

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
     * Runs {@code action} when the JVM exits, before the servers stop (and before what was registered earlier): for
     * the applications started on them outside Spring's test contexts, which must close while their broker and
     * database are still there.
     */
    public static synchronized void beforeStop(Runnable action) {
        BEFORE_STOP.push(action);
        registerShutdownHook();
    }

    /**
     * Stops the servers after Spring has closed every application context: stopping them first would leave the
     * contexts' Kafka clients and processors waiting for a broker that is gone, and the JVM exit would hang. Spring
     * Boot runs its shutdown handlers only if some application registered its shutdown hook; where none did (the
     * dev stack's services run with {@code registerShutdownHook(false)}), a JVM hook of our own stops them: the
     * embedded PostgreSQL is a daemon of its own, not a child of this JVM, and outlived the test run before.
     */
    private static void registerShutdownHook() {
        if (!hookRegistered) {
            hookRegistered = true;
            SpringApplication.getShutdownHandlers().add(RealInfrastructure::stopAll);
            Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stopOnJvmExit,
                    "test-infrastructure-stop"));
        }
    }

    private static void stopOnJvmExit() {
        if (SpringShutdownHook.installed()) {
            try {
                if (STOPPED.await(SPRING_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                log.warn("Spring's shutdown hook did not stop the test infrastructure in {}; stopping it now",
                        SPRING_PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopAll();
    }

    /** Once, whoever calls first: what runs on the servers, then Kafka, then PostgreSQL. */
    private static synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            while (!BEFORE_STOP.isEmpty()) {
                runQuietly(BEFORE_STOP.pop(), "an application on the test infrastructure");
            }
            if (kafka != null) {
                runQuietly(kafka::close, "Kafka");
            }
            if (postgres != null) {
                runQuietly(postgres::close, "PostgreSQL");
            }
        } finally {
            STOPPED.countDown();
        }
    }

    private static void runQuietly(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("stopping {} failed", what, e);
        }
    }
}
