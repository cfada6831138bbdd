package cn.gov.wenzhou.kjj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processes of a running stack and their memory. PostgreSQL's postmaster is started by pg_ctl and re-parented
 * away from the JVM, so it is found through its {@code postmaster.pid}, not among the JVM's descendants.
 *
 * <p>RSS counts every shared page once per process: PostgreSQL's shared buffers, mapped by each of its processes,
 * would be counted a dozen times. PSS divides each shared page among the processes sharing it, so the PSS sum is the
 * memory the stack really takes.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** A process's memory: resident set and proportional set, in KiB. */
    record Usage(long pid, String command, long rssKiB, long pssKiB) {
    }

    /** The JVM, its descendants (the auth-server), and the postmaster with its children. */
    static Set<ProcessHandle> processes(ProcessHandle root, Optional<Long> postmaster) {
        Set<ProcessHandle> processes = new LinkedHashSet<>();
        processes.add(root);
        root.descendants().forEach(processes::add);
        postmaster.flatMap(ProcessHandle::of).ifPresent(handle -> {
            processes.add(handle);
            handle.descendants().forEach(processes::add);
        });
        return processes;
    }

    static Optional<Long> postmaster(Path postgresDataDirectory) {
        try {
            Path pidFile = postgresDataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static List<Usage> usage(Set<ProcessHandle> processes) {
        List<Usage> usages = new ArrayList<>();
        for (ProcessHandle process : processes) {
            long pid = process.pid();
            Path proc = Path.of("/proc", Long.toString(pid));
            try {
                long rss = field(Files.readAllLines(proc.resolve("status")), "VmRSS:");
                long pss = field(Files.readAllLines(proc.resolve("smaps_rollup")), "Pss:");
                String command = Files.readString(proc.resolve("comm")).trim();
                usages.add(new Usage(pid, command, rss, pss));
            } catch (IOException | RuntimeException gone) {
                // exited meanwhile
            }
        }
        return usages;
    }

    /** Sums by kind of process: java (the stack), postgres, auth-server (the other java). */
    static Map<String, long[]> byKind(List<Usage> usages, long root) {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        for (Usage usage : usages) {
            String kind = usage.pid() == root ? "stack JVM (services, Kafka)"
                    : usage.command().startsWith("postgres") ? "PostgreSQL processes"
                    : usage.command().equals("java") ? "auth-server JVM" : usage.command();
            long[] sums = kinds.computeIfAbsent(kind, k -> new long[3]);
            sums[0] += usage.rssKiB();
            sums[1] += usage.pssKiB();
            sums[2]++;
        }
        return kinds;
    }

    private static long field(List<String> lines, String name) {
        return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .orElseThrow(() -> new IllegalStateException(name + " not found"));
    }

    /**
     * Ends the given processes (handles, so a recycled PID is never hit): a polite signal first, then a forced one
     * for those still alive after the grace period.
     */
    static void stop(Set<ProcessHandle> processes, long graceMillis) {
        List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + graceMillis;
        for (ProcessHandle handle : alive) {
            while (handle.isAlive() && System.currentTimeMillis() < deadline) {
                AggregateLoad.sleep(50);
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }
}
