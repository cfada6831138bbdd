package cn.gov.wenzhou.kjj.embedded;

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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack (a Spring Boot executable jar, or any command), its output appended to a log file: for
 * the applications that must not share the services' JVM, as in production, and for the fault-injection suite, which
 * stops, kills and restarts them while the others run.
 *
 * <p>Nothing a child starts outlives it, and no child outlives the JVM that started it: {@link #close()} ends the
 * child and every descendant it has (a process tree, not one process: a child's own children are orphaned, not ended,
 * when only the child is), and a JVM shutdown hook closes every child still running when the JVM exits.
 */
public final class ChildJvm implements AutoCloseable {

    /** How long a process has to end on SIGTERM before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Set<ChildJvm> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildJvm::closeAllRunning, "child-processes-stop"));
    }

    private final String name;
    private final Process process;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** {@code java <jvmOptions> -jar <jar> <arguments>}, with this JVM's own {@code java}. */
    public static ChildJvm start(String name, Path jar, List<String> jvmOptions, List<String> arguments,
                                 Map<String, String> environment, Path logFile) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " jar not found at " + jar + "; build with ./mvnw -DskipTests install");
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        return start(name, command, environment, logFile);
    }

    /** Any command as a child of this JVM, under the same guarantees. */
    public static ChildJvm start(String name, List<String> command, Map<String, String> environment, Path logFile)
            throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        ChildJvm child = new ChildJvm(name, builder.start());
        RUNNING.add(child);
        return child;
    }

    /** This JVM's own {@code java} executable. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's process tree below it, as it is now. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** Waits until {@code url} answers 200, failing early if the process exits. */
    public void awaitReady(URI url, Duration timeout) throws IOException, InterruptedException {
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

    /**
     * Ends the child as an operator would (SIGTERM, so that it closes what it holds), then whatever of its tree is
     * left; anything that does not end within {@link #GRACE} is killed. The tree is read before the child ends: once
     * it has, its orphans are no longer its descendants.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = descendants();
        process.destroy();
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        for (ProcessHandle orphan : tree) {
            awaitEnd(orphan);
        }
        process.waitFor();
        RUNNING.remove(this);
    }

    /** SIGKILL to the child and its whole tree at once: a crash, for the fault-injection suite. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> tree = descendants();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        for (ProcessHandle orphan : tree) {
            awaitEnd(orphan);
        }
        RUNNING.remove(this);
    }

    private static void awaitEnd(ProcessHandle handle) throws InterruptedException {
        CompletableFuture<ProcessHandle> ended = handle.onExit();
        try {
            ended.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            // it ended one way or another
        }
    }

    private static void closeAllRunning() {
        for (ChildJvm child : List.copyOf(RUNNING)) {
            try {
                child.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.err.println("could not stop " + child.name + ": " + e);
            }
        }
    }
}
