package cn.gov.wenzhou.kjj.devstack;

import cn.gov.wenzhou.kjj.embedded.ChildJvm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack's OAuth2/OIDC issuer (the auth-server module), run as a child process: it is a separate system in
 * production too, and its Spring Authorization Server must not share a JVM with the services' auto-configuration.
 */
public final class LocalIssuer implements AutoCloseable {

    static final int PORT = 9000;

    private final ChildJvm process;
    private final String issuer;

    private LocalIssuer(ChildJvm process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    static LocalIssuer start(Path jar, Path logFile) throws IOException {
        return start(jar, logFile, PORT, "http://localhost:" + PORT, List.of());
    }

    /**
     * @param issuer          the issuer URL its tokens name (and where it is reached)
     * @param consoleBaseUrls where a console is served besides the defaults (the console's redirect URIs)
     */
    public static LocalIssuer start(Path jar, Path logFile, int port, String issuer, List<String> consoleBaseUrls)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--stb.auth.issuer=" + issuer));
        if (!consoleBaseUrls.isEmpty()) {
            for (int i = 0; i < consoleBaseUrls.size(); i++) {
                arguments.add("--stb.auth.console.base-urls[" + i + "]=" + consoleBaseUrls.get(i));
            }
        }
        return new LocalIssuer(ChildJvm.start("auth-server", jar, List.of("-Xms32m", "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments, Map.of(), logFile), issuer);
    }

    public String issuer() {
        return issuer;
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitReady(URI.create(issuer + "/.well-known/openid-configuration"), timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
