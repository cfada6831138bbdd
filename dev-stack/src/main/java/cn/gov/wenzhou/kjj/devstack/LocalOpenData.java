package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.embedded.ChildJvm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open data (the open-data module), run as a child process: in production its public, anonymous surface is apart
 * from the services', and it must not share their JVM (nor their classpath: it cannot even load their code).
 * Configured exactly as a deployment is, by environment variables; its database is its own ({@value #DATABASE}).
 */
public final class LocalOpenData implements AutoCloseable {

    public static final int PORT = 8084;
    public static final int MANAGEMENT_PORT = 9084;
    public static final String DATABASE = "opendata";
    /**
     * A placeholder with a valid check character, for the dev stack only: a deployment sets the bureau's own
     * Unified Social Credit Code (OPEN_DATA_FUNDER_CREDIT_CODE), which the 360Giving feed names as the funder.
     */
    public static final String DEV_FUNDER_CREDIT_CODE = "11330300MB00000001";

    private final ChildJvm process;
    private final int port;
    private final int managementPort;

    private LocalOpenData(ChildJvm process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** The dev stack's JVM: small, and quick to start (C1 only), like the console's and the issuer's. */
    public static final List<String> DEV_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** As the container runs it: the JVM's default compilers, the compose file's heap. */
    public static final List<String> DEPLOYED_JVM = List.of("-Xmx256m");

    public static LocalOpenData start(Path jar, Path logFile, String jdbcUrl, String dbUser, String dbPassword,
                                      String kafkaBootstrapServers, int port, int managementPort,
                                      Map<String, String> more) throws IOException {
        return start(jar, logFile, jdbcUrl, dbUser, dbPassword, kafkaBootstrapServers, port, managementPort, more,
                DEV_JVM);
    }

    public static LocalOpenData start(Path jar, Path logFile, String jdbcUrl, String dbUser, String dbPassword,
                                      String kafkaBootstrapServers, int port, int managementPort,
                                      Map<String, String> more, List<String> jvmOptions) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DB_URL", jdbcUrl,
                "DB_USER", dbUser,
                "DB_PASSWORD", dbPassword,
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "HTTP_PORT", String.valueOf(port),
                "MANAGEMENT_PORT", String.valueOf(managementPort),
                "OPEN_DATA_PUBLIC_URL", "http://localhost:" + port,
                "OPEN_DATA_FUNDER_CREDIT_CODE", DEV_FUNDER_CREDIT_CODE));
        environment.putAll(more);
        ChildJvm process = ChildJvm.start("open-data", jar, jvmOptions, List.of("--server.address=127.0.0.1",
                "--management.server.address=127.0.0.1"), environment, logFile);
        return new LocalOpenData(process, port, managementPort);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitReady(URI.create("http://localhost:" + managementPort + "/actuator/health"), timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
