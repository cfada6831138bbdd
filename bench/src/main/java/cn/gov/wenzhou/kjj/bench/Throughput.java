package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.bench.peer.CrudPeer;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Figures 1 to 3: the machine's durable single-row commit rate, and the command rate of the funded-project aggregate
 * through Axon's command gateway, sequential and with 8 concurrent clients; with a peer, figures 2p and 3p: the same
 * expenditure in the CRUD service a user would write instead ({@link CrudPeer}), 1 and 8 clients. Their rounds are
 * interleaved (1, 2, 3, 2p, 3p, 1, 2, ...) so that a neighbour's build slows all of them alike and the ratios stay
 * fair.
 */
final class Throughput {

    static final int CLIENTS = 8;

    record Result(Figure raw, Figure sequential, Figure concurrent, double[] ratio2over1, double[] ratio3over2,
                  Peer peer) {
    }

    /** The CRUD peer's figures and our command's rate over the peer's, round by round (null without a peer). */
    record Peer(Figure sequential, Figure concurrent, double[] ours1OverPeer1, double[] ours8OverPeer8) {
    }

    private Throughput() {
    }

    /** {@code peer} may be null: then figures 2p and 3p are not measured. */
    static Result measure(String baselineJdbcUrl, Projects projects, CrudPeer peer, Settings settings)
            throws Exception {
        int projectsPerClient = 4;
        List<String> sequentialProjects = projects.open(1, CLIENTS * projectsPerClient);
        List<List<String>> clientProjects = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            clientProjects.add(projects.open(1000 + client * projectsPerClient, projectsPerClient));
        }
        List<String> peerSequentialProjects = peer == null ? List.of() : peer.open(CLIENTS * projectsPerClient);
        List<List<String>> peerClientProjects = new ArrayList<>();
        for (int client = 0; peer != null && client < CLIENTS; client++) {
            peerClientProjects.add(peer.open(projectsPerClient));
        }
        ExecutorService clients = clientThreads("bench-client");
        Duration round = settings.roundLength();
        try (RawInsert raw = new RawInsert(baselineJdbcUrl)) {
            raw.rate(settings.warmUp());
            sequential(projects::spend, sequentialProjects, settings.warmUp());
            concurrent(projects::spend, clientProjects, clients, settings.warmUp());
            if (peer != null) {
                sequential(peer::spend, peerSequentialProjects, settings.warmUp());
                concurrent(peer::spend, peerClientProjects, clients, settings.warmUp());
            }
            int rounds = settings.rounds();
            double[] rawRates = new double[rounds];
            double[] sequentialRates = new double[rounds];
            double[] concurrentRates = new double[rounds];
            double[] ratio21 = new double[rounds];
            double[] ratio32 = new double[rounds];
            double[] peerSequentialRates = new double[rounds];
            double[] peerConcurrentRates = new double[rounds];
            double[] ours1OverPeer1 = new double[rounds];
            double[] ours8OverPeer8 = new double[rounds];
            long errorsBefore = errors.get();
            for (int r = 0; r < rounds; r++) {
                rawRates[r] = raw.rate(round);
                sequentialRates[r] = sequential(projects::spend, sequentialProjects, round);
                concurrentRates[r] = concurrent(projects::spend, clientProjects, clients, round);
                ratio21[r] = sequentialRates[r] / rawRates[r];
                ratio32[r] = concurrentRates[r] / sequentialRates[r];
                System.out.printf("  round %d/%d: raw %.0f/s, sequential %.0f/s, %d clients %.0f/s%n", r + 1, rounds,
                        rawRates[r], sequentialRates[r], CLIENTS, concurrentRates[r]);
                if (peer != null) {
                    peerSequentialRates[r] = sequential(peer::spend, peerSequentialProjects, round);
                    peerConcurrentRates[r] = concurrent(peer::spend, peerClientProjects, clients, round);
                    ours1OverPeer1[r] = sequentialRates[r] / peerSequentialRates[r];
                    ours8OverPeer8[r] = concurrentRates[r] / peerConcurrentRates[r];
                    System.out.printf("    CRUD peer: sequential %.0f/s, %d clients %.0f/s%n",
                            peerSequentialRates[r], CLIENTS, peerConcurrentRates[r]);
                }
            }
            Figure rawFigure = Figure.of("1", "rawInsertCommit",
                            "raw JDBC single-row INSERT + COMMIT, ~500-byte JSON row", "rows/s", rawRates)
                    .with("rowBytes", RawInsert.ROW_BYTES)
                    .with("roundSeconds", round.toMillis() / 1000.0);
            Figure sequentialFigure = Figure.of("2", "commandsSequential",
                            "RecordExpenditure on a funded project through Axon's CommandGateway, 1 client", "commands/s",
                            sequentialRates)
                    .with("projects", sequentialProjects.size())
                    .with("roundSeconds", round.toMillis() / 1000.0);
            Figure concurrentFigure = Figure.of("3", "commandsConcurrent",
                            "the same with " + CLIENTS + " concurrent clients (own projects each)", "commands/s",
                            concurrentRates)
                    .with("clients", CLIENTS)
                    .with("projectsPerClient", projectsPerClient)
                    .with("roundSeconds", round.toMillis() / 1000.0);
            long failed = errors.get() - errorsBefore;
            sequentialFigure.with("failedCommands", failed);
            Peer peerFigures = null;
            if (peer != null) {
                peerFigures = new Peer(
                        Figure.of("2p", "crudPeerSequential",
                                        "the same expenditure as a Spring + JPA CRUD service (row FOR UPDATE, checks, "
                                                + "update, audit row, commit), 1 client", "operations/s",
                                        peerSequentialRates)
                                .with("projects", peerSequentialProjects.size())
                                .with("roundSeconds", round.toMillis() / 1000.0),
                        Figure.of("3p", "crudPeerConcurrent",
                                        "the CRUD peer with " + CLIENTS + " concurrent clients (own projects each)",
                                        "operations/s", peerConcurrentRates)
                                .with("clients", CLIENTS)
                                .with("projectsPerClient", projectsPerClient)
                                .with("roundSeconds", round.toMillis() / 1000.0),
                        ours1OverPeer1, ours8OverPeer8);
            }
            return new Result(rawFigure, sequentialFigure, concurrentFigure, ratio21, ratio32, peerFigures);
        } finally {
            clients.shutdownNow();
        }
    }

    private static final AtomicLong errors = new AtomicLong();

    /** The {@value #CLIENTS} client threads of a concurrent figure (daemons: a stuck one never holds the JVM). */
    static ExecutorService clientThreads(String name) {
        return Executors.newFixedThreadPool(CLIENTS, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    static double sequential(Consumer<String> spend, List<String> projectIds, Duration length) {
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        long done = 0;
        int next = 0;
        while (System.nanoTime() < deadline) {
            spend.accept(projectIds.get(next));
            next = (next + 1) % projectIds.size();
            done++;
        }
        return done / ((System.nanoTime() - started) / 1e9);
    }

    static double concurrent(Consumer<String> spend, List<List<String>> clientProjects, ExecutorService clients,
                             Duration length) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Long>> results = new ArrayList<>();
        for (List<String> own : clientProjects) {
            results.add(clients.submit(() -> {
                go.await();
                long done = 0;
                int next = 0;
                while (System.nanoTime() < deadline[0]) {
                    try {
                        spend.accept(own.get(next));
                        done++;
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("  command failed: " + e);
                        }
                    }
                    next = (next + 1) % own.size();
                }
                return done;
            }));
        }
        long started = System.nanoTime();
        deadline[0] = started + length.toNanos();
        go.countDown();
        long done = 0;
        for (Future<Long> result : results) {
            done += result.get();
        }
        return done / ((System.nanoTime() - started) / 1e9);
    }

    /** The machine's limit: one ~500-byte JSON row per durable commit, on its own connection, nothing else. */
    static final class RawInsert implements AutoCloseable {

        static final int ROW_BYTES = 500;

        private final Connection connection;
        private final PreparedStatement insert;
        private final String filler;
        private long rows;

        RawInsert(String jdbcUrl) throws SQLException {
            connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists raw_row (id bigserial primary key, payload bytea not null)");
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("insert into raw_row (payload) values (?)");
            int base = json(0, "").getBytes(StandardCharsets.UTF_8).length;
            filler = "x".repeat(Math.max(0, ROW_BYTES - base));
        }

        double rate(Duration length) throws SQLException {
            long started = System.nanoTime();
            long deadline = started + length.toNanos();
            long done = 0;
            while (System.nanoTime() < deadline) {
                insert.setBytes(1, json(++rows, filler).getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
                connection.commit();
                done++;
            }
            return done / ((System.nanoTime() - started) / 1e9);
        }

        /** Shaped like an ExpenditureRecorded event with its metadata. */
        private static String json(long number, String filler) {
            return "{\"projectId\":\"" + UUID.randomUUID() + "\",\"expenditureId\":\"" + UUID.randomUUID()
                    + "\",\"category\":\"OPERATING\",\"amountFen\":" + (100 + number % 900)
                    + ",\"voucherRef\":\"WZ-2025-" + number + "\",\"purpose\":\"实验材料采购\",\"parameterVersion\":"
                    + "\"2021.1\",\"spentOn\":\"2025-03-01\",\"actor\":\"system:funding-service\",\"actorRole\":"
                    + "\"SYSTEM\",\"traceId\":\"" + UUID.randomUUID() + "\",\"note\":\"" + filler + "\"}";
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
