package cn.gov.wenzhou.kjj.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot executable jar run as a child process of the stack, its output appended to a log file: for the
 * applications that must not share the services' JVM (and their auto-configuration), as in production.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildJvm start(String name, Path jar, List<String> jvmOptions, List<String> arguments,
                          Map<String, String> environment, Path logFile) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " jar not found at " + jar + "; build with ./mvnw -DskipTests install");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return new ChildJvm(name, builder.start());
    }

    /** Waits until {@code url} answers 200, failing early if the process exits. */
    void awaitReady(URI url, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IOException(name + " not ready after " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
