package cn.gov.wenzhou.kjj.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 8: the real one-command stack ({@code java -jar dev-stack/target/dev-stack-*-exec.jar --clean}, with
 * run.sh's JVM options) as a child process, timed from launch until every service's {@code /actuator/health} and the
 * issuer's answer UP, then the resident memory of its whole process tree. Every process it started is stopped by its
 * handle afterwards, whatever happened.
 */
final class StackStartup {

    /** The three services, the console and the open data (its management port): all answer /actuator/health. */
    static final int[] SERVICE_PORTS = {8081, 8082, 8083, 8080, 9084};
    static final int ISSUER_PORT = 9000;
    static final int[] FIXED_PORTS = {8080, 8081, 8082, 8083, 8084, 9000, 9084, 15432, 19092, 19093};
    static final String DEFAULT_JAVA_OPTS = "-Xms256m -Xmx1g -XX:+UseG1GC"; // run.sh's default STB_JAVA_OPTS
    private static final Pattern BANNER = Pattern.compile("stack is up in ([0-9.]+) s");

    record Result(Figure startup, Figure rss, Figure pss, Figure restart, List<Map<String, Object>> runs) {
    }

    private static volatile Set<ProcessHandle> running = Set.of();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessTree.stop(running, 10_000),
                "bench-stop-child-stack"));
    }

    private StackStartup() {
    }

    /** Processes the bench's shutdown hook stops if the run is interrupted. */
    static void running(Set<ProcessHandle> processes) {
        running = processes;
    }

    static Result measure(Path repositoryRoot, Path workDirectory, Settings settings, boolean restartToo)
            throws Exception {
        Path jar = find(repositoryRoot.resolve("dev-stack/target"), "dev-stack-*-exec.jar");
        Path authServer = repositoryRoot.resolve("auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(authServer)) {
            throw new IllegalStateException("no " + authServer + ": build with ./mvnw -DskipTests install -pl "
                    + "bench,auth-server -am (bench/run.sh does)");
        }
        List<Integer> busy = Arrays.stream(FIXED_PORTS).filter(StackStartup::listening).boxed().toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports " + busy + " are in use (another dev stack running?): the "
                    + "one-command stack needs them");
        }
        String javaOptions = System.getenv().getOrDefault("STB_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        int runs = settings.startupRuns();
        double[] seconds = new double[runs];
        double[] rssMiB = new double[runs];
        double[] pssMiB = new double[runs];
        List<Map<String, Object>> details = new ArrayList<>();
        Path lastData = null;
        for (int run = 0; run < runs; run++) {
            lastData = workDirectory.resolve("startup-run-" + (run + 1));
            Map<String, Object> detail = once(repositoryRoot, jar, javaOptions, lastData, true,
                    workDirectory.resolve("startup-run-" + (run + 1) + ".log"));
            seconds[run] = (double) detail.get("secondsToAllHealthy");
            rssMiB[run] = (double) detail.get("rssSumMiB");
            pssMiB[run] = (double) detail.get("pssSumMiB");
            details.add(detail);
            System.out.printf("  run %d/%d: all healthy after %.1f s; RSS sum %.0f MiB, PSS sum %.0f MiB%n", run + 1,
                    runs, seconds[run], rssMiB[run], pssMiB[run]);
        }
        Figure restart = null;
        if (restartToo) {
        // and once more on the last run's data, as a developer restarts it every day: no initdb, no migrations
        Map<String, Object> restartDetail = once(repositoryRoot, jar, javaOptions, lastData, false,
                workDirectory.resolve("startup-restart.log"));
        restartDetail.put("restart", true);
        details.add(restartDetail);
        System.out.printf("  restart on existing data: all healthy after %.1f s%n",
                (double) restartDetail.get("secondsToAllHealthy"));
        restart = Figure.of("8c", "stackRestart",
                "the same stack restarted on its existing data (without --clean)", "s",
                new double[]{(double) restartDetail.get("secondsToAllHealthy")});
        }
        Figure startup = Figure.of("8", "stackStartup",
                        "one-command stack (dev-stack exec jar --clean) from launch to all healthy", "s", seconds)
                .with("command", "java " + javaOptions + " -jar " + repositoryRoot.relativize(jar) + " --clean")
                .with("healthy", "/actuator/health UP on 8081, 8082, 8083 and the issuer on 9000");
        Figure rss = Figure.of("8a", "stackRssSum", "resident memory of the stack's process tree, RSS sum", "MiB",
                rssMiB).with("note", "counts PostgreSQL's shared memory once per process: an overestimate");
        Figure pss = Figure.of("8b", "stackPssSum", "resident memory of the stack's process tree, PSS sum", "MiB",
                pssMiB).with("note", "shared pages divided among the processes sharing them: the real footprint");
        return new Result(startup, rss, pss, restart, details);
    }

    private static Map<String, Object> once(Path repositoryRoot, Path jar, String javaOptions, Path dataDirectory,
                                            boolean clean, Path log) throws Exception {
        long launched = System.nanoTime();
        Process process = launch(repositoryRoot, jar, javaOptions, dataDirectory, clean ? List.of("--clean")
                : List.of(), log);
        Set<ProcessHandle> processes = ProcessTree.processes(process.toHandle(), Optional.empty());
        running = processes;
        Map<String, Object> detail = new LinkedHashMap<>();
        try {
            awaitAllHealthy(process, launched, log);
            double seconds = (System.nanoTime() - launched) / 1e9;
            detail.put("secondsToAllHealthy", Math.round(seconds * 100) / 100.0);
            // let the processors, consumers and the pool settle before memory is read
            AggregateLoad.sleep(5_000);
            detail.put("bannerSeconds", banner(log));
            Optional<Long> postmaster = ProcessTree.postmaster(dataDirectory.resolve("postgres"));
            processes = ProcessTree.processes(process.toHandle(), postmaster);
            running = processes;
            List<ProcessTree.Usage> usage = ProcessTree.usage(processes);
            long rss = usage.stream().mapToLong(ProcessTree.Usage::rssKiB).sum();
            long pss = usage.stream().mapToLong(ProcessTree.Usage::pssKiB).sum();
            detail.put("processes", usage.size());
            detail.put("rssSumMiB", Math.round(rss / 1024.0 * 10) / 10.0);
            detail.put("pssSumMiB", Math.round(pss / 1024.0 * 10) / 10.0);
            Map<String, Object> kinds = new LinkedHashMap<>();
            ProcessTree.byKind(usage, process.pid()).forEach((kind, sums) -> kinds.put(kind, Map.of(
                    "processes", sums[2], "rssMiB", Math.round(sums[0] / 102.4) / 10.0,
                    "pssMiB", Math.round(sums[1] / 102.4) / 10.0)));
            detail.put("byKind", kinds);
            if (postmaster.isEmpty()) {
                detail.put("warning", "postmaster.pid not found: PostgreSQL not counted");
            }
            return detail;
        } finally {
            long stopping = System.nanoTime();
            // the stack's own shutdown hook stops the services, Kafka, PostgreSQL and the issuer
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            ProcessTree.stop(processes, 15_000);
            running = Set.of();
            detail.put("stopSeconds", Math.round((System.nanoTime() - stopping) / 1e7) / 100.0);
        }
    }

    /** The dev stack's exec jar as a child process, with run.sh's JVM options, its data under {@code dataDirectory}. */
    static Process launch(Path repositoryRoot, Path jar, String javaOptions, Path dataDirectory, List<String> flags,
                          Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(flags);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repositoryRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STB_DATA_DIR", dataDirectory.toString());
        // the services bind to loopback only (the issuer already does); changes nothing that is measured
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        return builder.start();
    }

    /** Waits (at most 180 s from {@code launched}) until every service, the console and the issuer answer UP. */
    static void awaitAllHealthy(Process process, long launched, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = launched + Duration.ofSeconds(180).toNanos();
        while (!allHealthy(http)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stack was not healthy after 180 s; see " + log);
            }
            AggregateLoad.sleep(100);
        }
    }

    static Path devStackJar(Path repositoryRoot) throws IOException {
        return find(repositoryRoot.resolve("dev-stack/target"), "dev-stack-*-exec.jar");
    }

    private static boolean allHealthy(HttpClient http) {
        for (int port : SERVICE_PORTS) {
            if (!up(http, port)) {
                return false;
            }
        }
        return up(http, ISSUER_PORT);
    }

    private static boolean up(HttpClient http, int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Double banner(Path log) {
        try {
            Matcher matcher = BANNER.matcher(Files.readString(log));
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path find(Path directory, String glob) throws IOException {
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(directory, glob)) {
                for (Path match : matches) {
                    return match;
                }
            }
        }
        throw new IllegalStateException("no " + glob + " in " + directory + ": build with ./mvnw -DskipTests install "
                + "-pl bench,auth-server -am (bench/run.sh does)");
    }
}
