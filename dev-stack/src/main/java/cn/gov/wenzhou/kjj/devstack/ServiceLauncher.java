package cn.gov.wenzhou.kjj.devstack;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the services as separate Spring application contexts in one JVM. They share nothing but the JVM: each has
 * its own configuration file, database, Kafka consumer group and port, and they talk only through Kafka.
 */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    /** Everything a service needs to know about where it runs. */
    public record Placement(String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrapServers, int port,
                            Map<String, String> extraProperties) {
    }

    /**
     * Starts all services in parallel (start-up is CPU-bound and there are two cores) and waits for each. Logging is
     * configured once per JVM (logback.xml): left to Spring Boot, each context would reset and reconfigure Logback
     * while the others are starting, and a concurrent reset can fail a start.
     */
    public static Map<StackService, ConfigurableApplicationContext> startAll(Map<StackService, Placement> placements) {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        ExecutorService starters = Executors.newFixedThreadPool(placements.size(), runnable -> {
            Thread thread = new Thread(runnable);
            thread.setName("start-" + thread.getId());
            return thread;
        });
        Map<StackService, Future<ConfigurableApplicationContext>> starting = new EnumMap<>(StackService.class);
        placements.forEach((service, placement) -> starting.put(service, starters.submit(() -> {
            Thread.currentThread().setName("start-" + service.serviceName());
            return start(service, placement);
        })));
        Map<StackService, ConfigurableApplicationContext> started = new EnumMap<>(StackService.class);
        try {
            for (Map.Entry<StackService, Future<ConfigurableApplicationContext>> entry : starting.entrySet()) {
                started.put(entry.getKey(), entry.getValue().get());
            }
            return started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.values().forEach(ConfigurableApplicationContext::close);
            throw new IllegalStateException("interrupted while starting the services", e);
        } catch (ExecutionException e) {
            started.values().forEach(ConfigurableApplicationContext::close);
            throw new IllegalStateException("a service failed to start", e.getCause());
        } finally {
            starters.shutdown();
        }
    }

    public static ConfigurableApplicationContext start(StackService service, Placement placement) {
        return service.application()
                // the stack closes the services itself, before it stops Kafka and PostgreSQL
                .registerShutdownHook(false)
                .run(arguments(placement).toArray(String[]::new));
    }

    /** The command-line arguments that place a service, in-process here or as its own process (fault-suite). */
    public static List<String> arguments(Placement placement) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + placement.jdbcUrl(),
                "--spring.datasource.username=" + placement.dbUser(),
                "--spring.datasource.password=" + placement.dbPassword(),
                "--spring.kafka.bootstrap-servers=" + placement.kafkaBootstrapServers(),
                "--server.port=" + placement.port()));
        placement.extraProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }
}
