package cn.gov.wenzhou.kjj.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stack's OAuth2/OIDC issuer (the auth-server module), run as a child process: it is a separate system in
 * production too, and its Spring Authorization Server must not share a JVM with the services' auto-configuration.
 */
final class LocalIssuer implements AutoCloseable {

    static final int PORT = 9000;

    private final Process process;

    private LocalIssuer(Process process) {
        this.process = process;
    }

    static LocalIssuer start(Path jar, Path logFile) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("auth-server jar not found at " + jar + "; build with ./mvnw -DskipTests install");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(List.of(java, "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.address=127.0.0.1",
                "--server.port=" + PORT))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new LocalIssuer(process);
    }

    String issuer() {
        return "http://localhost:" + PORT;
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IOException("auth-server exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IOException("auth-server not ready after " + timeout);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
