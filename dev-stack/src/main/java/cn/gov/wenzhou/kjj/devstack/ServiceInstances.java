package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.embedded.ChildJvm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The further instances of each service that {@code run.sh --instances N} asks for: instance 1 runs in the stack's
 * JVM on the service's own port, as always; instances 2..N each run in a JVM of their own from the service's
 * executable jar (as a deployment runs them: Axon names a token's owner by its JVM, so two instances in one JVM would
 * both think they hold a processor's claim), on the port {@link #PORT_STEP} above the previous one, with the first
 * instance's database, broker and consumer group and a static group membership of their own.
 */
public final class ServiceInstances implements AutoCloseable {

    /** The most instances of a service the dev stack starts (each JVM takes ~400 MB). */
    public static final int MAX = 4;
    /** Instance n listens on the service's port + (n - 1) × this: 8081, 8181, 8281, 8381 for the registry. */
    public static final int PORT_STEP = 100;
    private static final String FLAG = "--instances";
    private static final List<String> JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Map<String, ChildJvm> processes;
    private final Map<String, String> readiness;

    private ServiceInstances(Map<String, ChildJvm> processes, Map<String, String> readiness) {
        this.processes = processes;
        this.readiness = readiness;
    }

    /** How many instances of each service {@code --instances N} (or {@code --instances=N}) asks for; 1 without it. */
    public static int count(List<String> flags) {
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            String value = flag.equals(FLAG) ? (i + 1 < flags.size() ? flags.get(i + 1) : "")
                    : flag.startsWith(FLAG + "=") ? flag.substring(FLAG.length() + 1) : null;
            if (value == null) {
                continue;
            }
            try {
                int count = Integer.parseInt(value);
                if (count >= 1 && count <= MAX) {
                    return count;
                }
            } catch (NumberFormatException notANumber) {
                // refused below, naming the flag
            }
            throw new IllegalArgumentException(FLAG + " takes a number of instances from 1 to " + MAX + ", not '"
                    + value + "'");
        }
        return 1;
    }

    /** The HTTP port of instance {@code instance} (1 = the service's own port) of {@code service}. */
    public static int port(StackService service, int instance) {
        return service.defaultPort() + (instance - 1) * PORT_STEP;
    }

    /**
     * The static group membership of instance {@code instance} of {@code service}: one per instance, the same across
     * its restarts. The services' default (the host name) is the same for every instance on one machine, and the
     * broker fences a member whose instance id another member joins with.
     */
    public static String kafkaInstanceId(StackService service, int instance) {
        return service.serviceName() + "-" + instance;
    }

    /** Instance {@code instance}'s placement: the first instance's, but for its port and group membership. */
    public static ServiceLauncher.Placement placement(ServiceLauncher.Placement first, StackService service,
                                                      int instance) {
        Map<String, String> properties = new HashMap<>(first.extraProperties());
        properties.put("stb.kafka.instance-id", kafkaInstanceId(service, instance));
        // demo data is loaded once, by the first instance (the executable jars carry no demo module anyway)
        properties.put("stb.demo.enabled", "false");
        // the stack's JVM carries every library of the three services, so the first instance may have applied a
        // migration its service's own jar does not have (mail-outbox's in talent's database): the jar accepts it
        properties.put("spring.flyway.ignore-migration-patterns", "*:missing");
        return new ServiceLauncher.Placement(first.jdbcUrl(), first.dbUser(), first.dbPassword(),
                first.kafkaBootstrapServers(), port(service, instance), properties);
    }

    /** Starts instances 2..{@code count} of every service placed in {@code firsts}; logs in {@code logs}. */
    static ServiceInstances start(Map<StackService, ServiceLauncher.Placement> firsts, int count, Path logs)
            throws IOException {
        Map<String, ChildJvm> processes = new java.util.LinkedHashMap<>();
        Map<String, String> readiness = new HashMap<>();
        ServiceInstances instances = new ServiceInstances(processes, readiness);
        try {
            for (int instance = 2; instance <= count; instance++) {
                for (Map.Entry<StackService, ServiceLauncher.Placement> first : firsts.entrySet()) {
                    StackService service = first.getKey();
                    String name = service.serviceName() + "-" + instance;
                    ServiceLauncher.Placement placement = placement(first.getValue(), service, instance);
                    processes.put(name, ChildJvm.start(name, jar(service), JVM,
                            ServiceLauncher.arguments(placement), Map.of(), logs.resolve(name + ".log")));
                    readiness.put(name, "http://localhost:" + placement.port() + "/actuator/health/readiness");
                }
            }
            return instances;
        } catch (IOException | RuntimeException e) {
            instances.close();
            throw e;
        }
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        for (Map.Entry<String, ChildJvm> process : processes.entrySet()) {
            process.getValue().awaitReady(URI.create(readiness.get(process.getKey())), timeout);
        }
    }

    /** The banner's lines for instances 2..{@code count}. */
    static List<String> banner(int count) {
        List<String> lines = new ArrayList<>();
        for (int instance = 2; instance <= count; instance++) {
            for (StackService service : StackService.values()) {
                lines.add(String.format(Locale.ROOT, "  %-20s http://localhost:%d/swagger-ui.html   (instance %d: "
                                + "same database and consumer group; log: logs/%s-%d.log)%n", service.serviceName(),
                        port(service, instance), instance, service.serviceName(), instance));
            }
        }
        return lines;
    }

    /** A service's executable jar: {@code -Dstb.<service>.jar}, else where the build puts it. */
    private static Path jar(StackService service) {
        String configured = System.getProperty("stb." + service.serviceName() + ".jar");
        return configured != null ? Path.of(configured)
                : Path.of("services", service.serviceName(), "target",
                service.serviceName() + "-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath();
    }

    @Override
    public void close() {
        processes.values().forEach(process -> {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
