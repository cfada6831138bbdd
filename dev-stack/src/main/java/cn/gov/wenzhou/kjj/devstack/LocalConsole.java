package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.embedded.ChildJvm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The web console (the console module), run as a child process: a separate application in production, and its web
 * and OAuth2-client auto-configuration must not meet the services' in one JVM. Configured exactly as a deployment
 * is, by environment variables.
 */
public final class LocalConsole implements AutoCloseable {

    public static final int PORT = 8080;
    /** The dev stack's console client secret (auth-server.yml); a deployment takes its own from the environment. */
    public static final String DEV_CLIENT_SECRET = "console-secret";

    private final ChildJvm process;
    private final String baseUrl;

    private LocalConsole(ChildJvm process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * @param host      the host name the console is reached by (and binds to as loopback)
     * @param services  the three services' base URLs, by service
     * @param openData  the open data's base URL, for the console's public "open data" page
     */
    public static LocalConsole start(Path jar, Path logFile, String host, int port, String issuer,
                                     Map<StackService, String> services, String openData) throws IOException {
        Map<String, String> environment = Map.of(
                "HTTP_PORT", String.valueOf(port),
                "OIDC_ISSUER_URI", issuer,
                "OIDC_CLIENT_SECRET", DEV_CLIENT_SECRET,
                "REGISTRY_URL", services.get(StackService.PLATFORM_REGISTRY),
                "FUNDING_URL", services.get(StackService.FUNDING),
                "TALENT_URL", services.get(StackService.TALENT_POOL),
                "OPEN_DATA_URL", openData);
        ChildJvm process = ChildJvm.start("console", jar, List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"), List.of("--server.address=127.0.0.1"), environment, logFile);
        return new LocalConsole(process, "http://" + host + ":" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitReady(URI.create(baseUrl + "/actuator/health"), timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
