package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.bench.explore.BatchedAuditTrail;
import cn.gov.wenzhou.kjj.bench.explore.TunedEventStore;
import cn.gov.wenzhou.kjj.bench.explore.JdbcProfile;
import cn.gov.wenzhou.kjj.bench.explore.NoopProjection;
import cn.gov.wenzhou.kjj.bench.explore.SwitchableLedger;
import cn.gov.wenzhou.kjj.bench.explore.SwitchableProjectionCommits;
import cn.gov.wenzhou.kjj.bench.peer.CrudPeer;
import cn.gov.wenzhou.kjj.devstack.StackService;
import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import cn.gov.wenzhou.kjj.funding.query.MoneyEventProjection;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark: the machine's own limits and our figures, measured in one run against one durable embedded
 * PostgreSQL and one embedded Kafka, reported as medians over repetitions, as ratios to those limits, and against the
 * targets of issue 8. Started by {@code bench/run.sh}; see bench/README.md.
 *
 * <pre>
 *   --quick              smoke test of the harness (figures meaningless)
 *   --figures 1,2,...    only these figures (default: all; 1-3 and 4-5 go together; q: the query speeds of
 *                        issues 3 and 4; c: the console's pages, issue 14; o: the open data's API, issue 19;
 *                        16: the money ledger, issue 16 — 16a: its cost to money commands, 16e: the verifier;
 *                        20: commands with the projections' commits asynchronous and durable, issue 20)
 *   --startup-runs N     start-ups of the one-command stack for figure 8 (default 2)
 *   --rounds N           interleaved rounds of figures 1-5 (default 5 for 1-3, 3 for 4-5)
 *   --replay-events N    events in the funding store before figures 4-5 (default 40000)
 *   --explore NAME       an exploration: results go to bench/target/explore/NAME.*, not bench/results
 *   --prop [svc:]k=v     exploration: a property for every service, or for one (e.g. funding-service:...)
 *   --with NAME          exploration: add a bench configuration class (see addSource)
 *   --projection A[,B]   the projection rebuilt for figure 5 (default finance-audit-trail); more: explorations
 *   --startup-restart    figure 8 also restarts the stack once on its existing data (without --clean)
 *   --big-project N      exploration: a project with N events in the store before figures 4-5
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    private static int bigProject;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.repository", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/bench-run");
        System.setProperty("bench.log.file", work.resolve("services.log").toString());
        // one logging configuration for the three services sharing this JVM, as in the dev stack
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat logs through java.util.logging: to the same file
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();

        Settings settings = Settings.defaults();
        Set<String> figures = new LinkedHashSet<>(List.of("1", "2", "3", "4", "5", "6", "7", "q", "16", "20", "o",
                "8", "c"));
        Variant variant = Variant.shipped();
        String explore = null;
        String projection = MoneyEventProjection.NAME;
        boolean startupRestart = false;
        List<String> arguments = Arrays.asList(args);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = Settings.quick();
                case "--figures" -> figures = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--startup-runs" -> settings = settings.withStartupRuns(Integer.parseInt(args[++i]));
                case "--rounds" -> settings = settings.withRounds(Integer.parseInt(args[++i]));
                case "--replay-events" -> settings = settings.withReplayEvents(Integer.parseInt(args[++i]));
                case "--explore" -> {
                    explore = args[++i];
                    variant.rename(explore);
                }
                case "--prop" -> variant.addProperty(args[++i]);
                case "--with" -> addSource(variant, args[++i]);
                case "--projection" -> projection = args[++i];
                case "--startup-restart" -> startupRestart = true;
                case "--big-project" -> bigProject = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; see BenchMain");
            }
        }
        if (explore == null && !variant.isShipped()) {
            throw new IllegalArgumentException("--prop and --with need --explore NAME: the reported figures are the "
                    + "shipped settings'");
        }

        boolean ledgerCost = figures.contains("16") || figures.contains("16a");
        boolean ledgerVerification = figures.contains("16") || figures.contains("16e");
        if (ledgerCost) {
            // figures 16a-16d switch the ledger off for their "without" rounds; switched on it is the shipped one
            variant.addSource(StackService.FUNDING, SwitchableLedger.class);
        }
        if (figures.contains("20")) {
            // figures 20a-20d switch the asynchronous commits durable for half of each round; else they are shipped
            for (StackService service : StackService.values()) {
                variant.addSource(service, SwitchableProjectionCommits.class);
            }
        }

        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        Report report = new Report(Machine.describe());
        report.run.put("startedAt", startedAt.toString());
        report.run.put("command", "./bench/run.sh" + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments)));
        report.run.put("variant", variant.isShipped() ? "shipped (the product's own settings)" : variant.describe());
        report.run.put("settings", java.util.Map.of("rounds", settings.rounds(), "latencySeconds",
                settings.latencySeconds(),
                "roundSeconds", settings.roundLength().toMillis() / 1000.0, "aggregateEvents",
                settings.aggregateEvents(), "replayEvents", settings.replayEvents(), "latencySamples",
                settings.latencySamples(), "startupRuns", settings.startupRuns()));
        printHeader(report);
        List<String> failures = new ArrayList<>();

        Set<String> inProcess = new LinkedHashSet<>(figures);
        inProcess.remove("8");
        inProcess.remove("c");
        inProcess.remove("o");
        inProcess.remove("16e");
        if (ledgerVerification && !ledgerCost) {
            inProcess.remove("16");
        }
        if (!inProcess.isEmpty()) {
            runInProcess(report, settings, variant, inProcess, projection, work, failures);
        }
        if (ledgerVerification) {
            System.out.println("\n(16e) the standalone ledger verifier on 1,000,000 entries (its own process)");
            try {
                report.add(LedgerVerification.measure(root, work, settings.equals(Settings.quick()) ? 10_000
                        : LedgerVerification.ENTRIES));
            } catch (Exception e) {
                failures.add("(16e) not measured: " + e.getMessage());
                e.printStackTrace();
            }
        }
        if (figures.contains("o")) {
            System.out.println("\n(o) the open data's public API at 5,000 platforms and 10,000 awards (its own process)");
            try {
                OpenDataSpeed.measure(root, work).forEach(report::add);
            } catch (Exception e) {
                failures.add("(o) not measured: " + e.getMessage());
                e.printStackTrace();
            }
        }
        if (figures.contains("8")) {
            System.out.println("\n(8) one-command stack start-up and memory");
            try {
                StackStartup.Result startup = StackStartup.measure(root, work, settings, startupRestart);
                report.add(startup.startup());
                report.add(startup.rss());
                report.add(startup.pss());
                if (startup.restart() != null) {
                    report.add(startup.restart());
                }
                report.extra.put("startupRuns", startup.runs());
            } catch (Exception e) {
                failures.add("(8) not measured: " + e.getMessage());
                e.printStackTrace();
            }
        }

        if (figures.contains("c")) {
            System.out.println("\n(c) console pages for a signed-in user, demo data plus the scale of issues 3 and 4");
            try {
                ConsolePageSpeed.measure(root, work).forEach(report::add);
            } catch (Exception e) {
                failures.add("(c) not measured: " + e.getMessage());
                e.printStackTrace();
            }
        }

        judge(report);
        diagnose(report);
        report.notes.addAll(failures);
        report.run.put("minutes", Math.round((System.nanoTime() - started) / 6e9) / 10.0);
        report.run.put("loadAverageAtEnd", Machine.loadAverage());
        Path results = explore == null ? root.resolve("bench/results") : root.resolve("bench/target/explore");
        String baseName = explore == null ? "results" : explore;
        report.write(results, baseName);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written: " + results.resolve(baseName + ".json") + " and .md");
        if (!failures.isEmpty()) {
            System.err.println("Some figures were not measured:");
            failures.forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
        System.exit(0);
    }

    private static void runInProcess(Report report, Settings settings, Variant variant, Set<String> figures,
                                     String projection, Path work, List<String> failures) throws Exception {
        System.out.println("\nStarting PostgreSQL and Kafka (embedded, loopback, free ports)...");
        try (BenchStack infrastructure = BenchStack.startInfrastructure(work.resolve("data"))) {
            describeInfrastructure(report, infrastructure);
            System.out.println("  PostgreSQL " + report.infrastructure.get("postgres") + ": "
                    + report.infrastructure.get("postgresDurability"));
            System.out.println("Starting the three services in this JVM (" + variant.name() + ")...");
            long starting = System.nanoTime();
            BenchStack stack = infrastructure.withServices(variant);
            System.out.printf("  started in %.1f s%n", (System.nanoTime() - starting) / 1e9);
            try {
                Projects projects = new Projects(stack.context(StackService.FUNDING));
                String fundingUrl = stack.jdbcUrl(StackService.FUNDING.database());
                if (variant.sourcesFor(StackService.FUNDING).contains(JdbcProfile.class)) {
                    Profiles.commands(report, projects, settings);
                }
                if (figures.contains("1") || figures.contains("2") || figures.contains("3")) {
                    System.out.println("\n(1-3) durable single-row commits vs commands through Axon, interleaved");
                    try (CrudPeer peer = CrudPeer.start(stack.jdbcUrl(BenchStack.CRUD_PEER_DATABASE),
                            LocalPostgres.USER, BenchStack.DATABASE_PASSWORD)) {
                        Throughput.Result result = Throughput.measure(stack.jdbcUrl(BenchStack.BASELINE_DATABASE),
                                projects, peer, settings);
                        report.add(result.raw());
                        report.add(result.sequential());
                        report.add(result.concurrent());
                        report.add(result.peer().sequential());
                        report.add(result.peer().concurrent());
                        report.extra.put("pairedRatios", java.util.Map.of(
                                "ratio2over1", result.ratio2over1(), "ratio3over2", result.ratio3over2(),
                                "ours1OverPeer1", result.peer().ours1OverPeer1(),
                                "ours8OverPeer8", result.peer().ours8OverPeer8()));
                        report.ratio("commandsToCrudPeerRatio", "commandsSequential", "crudPeerSequential",
                                result.peer().ours1OverPeer1());
                        report.ratio("commandsToCrudPeerConcurrentRatio", "commandsConcurrent", "crudPeerConcurrent",
                                result.peer().ours8OverPeer8());
                        report.ratio("commandsSequentialToRawInsertRatio", "commandsSequential", "rawInsertCommit",
                                result.ratio2over1());
                        report.ratio("commandsConcurrentToSequentialRatio", "commandsConcurrent",
                                "commandsSequential", result.ratio3over2());
                    } catch (Exception e) {
                        failures.add("(1-3) not measured: " + e);
                        e.printStackTrace();
                    }
                }
                if (figures.contains("b")) {
                    System.out.println("\n(b) commands batched per transaction (exploration)");
                    Profiles.batching(report, projects, settings);
                }
                if (figures.contains("4") || figures.contains("5")) {
                    System.out.println("\n(4-5) raw scan of the event table vs projection rebuild, interleaved");
                    try {
                        if (bigProject > 0) {
                            // exploration: one long-lived project in the store before the rebuild
                            projects.spendInBatches(projects.open(90_000), bigProject - 3, 250);
                        }
                        topUp(projects, fundingUrl, settings.replayEvents());
                        Replay.Result result = Replay.measure(fundingUrl, stack.context(StackService.FUNDING),
                                Arrays.asList(projection.split(",")), settings);
                        report.add(result.scan());
                        report.add(result.rebuild());
                        result.otherRebuilds().forEach(report::add);
                        report.ratio("projectionRebuildToRawScanRatio", "projectionRebuild", "rawEventTableScan",
                                result.ratio5over4());
                        if (variant.sourcesFor(StackService.FUNDING).contains(JdbcProfile.class)) {
                            Profiles.rebuild(report, stack.context(StackService.FUNDING),
                                    projection.split(",")[0]);
                        }
                    } catch (Exception e) {
                        failures.add("(4-5) not measured: " + e);
                        e.printStackTrace();
                    }
                }
                if (figures.contains("7")) {
                    System.out.println("\n(7) loading a 10,000-event aggregate, without and with a snapshot");
                    try {
                        AggregateLoad.Result result = AggregateLoad.measure(stack.context(StackService.FUNDING),
                                projects, settings);
                        report.add(result.withoutSnapshot());
                        report.add(result.withSnapshot());
                        report.add(result.commandWithoutSnapshot());
                        report.add(result.commandWithSnapshot());
                    } catch (Exception e) {
                        failures.add("(7) not measured: " + e);
                        e.printStackTrace();
                    }
                }
                if (figures.contains("6")) {
                    System.out.println("\n(6) registry command -> Kafka -> funding's platform-standing view");
                    try {
                        CrossServiceLatency.Result result = CrossServiceLatency.measure(
                                stack.baseUrl(StackService.PLATFORM_REGISTRY),
                                stack.jdbcUrl(StackService.PLATFORM_REGISTRY.database()), fundingUrl, stack.tokens,
                                settings);
                        report.add(result.acceptedToView());
                        report.add(result.sentToView());
                        report.add(result.commandAccepted());
                    } catch (Exception e) {
                        failures.add("(6) not measured: " + e);
                        e.printStackTrace();
                    }
                }
                if (figures.contains("16") || figures.contains("16a")) {
                    System.out.println("\n(16a-16d) money commands with and without the ledger, interleaved");
                    try {
                        LedgerCost.Result result = LedgerCost.measure(stack.context(StackService.FUNDING), projects,
                                settings);
                        report.add(result.withSequential());
                        report.add(result.withoutSequential());
                        report.add(result.withConcurrent());
                        report.add(result.withoutConcurrent());
                        report.ratio("moneyCommandsWithToWithoutLedgerRatio", "moneyCommandsWithLedger",
                                "moneyCommandsWithoutLedger", result.sequentialRatio());
                        report.ratio("moneyCommandsWithToWithoutLedgerConcurrentRatio",
                                "moneyCommandsWithLedgerConcurrent", "moneyCommandsWithoutLedgerConcurrent",
                                result.concurrentRatio());
                    } catch (Exception e) {
                        failures.add("(16a-16d) not measured: " + e);
                        e.printStackTrace();
                    }
                }
                if (figures.contains("20")) {
                    System.out.println("\n(20a-20d) commands with the projections' commits asynchronous and durable, "
                            + "interleaved");
                    try {
                        ProjectionCommitCost.Result result = ProjectionCommitCost.measure(projects, settings);
                        report.add(result.asynchronousSequential());
                        report.add(result.durableSequential());
                        report.add(result.asynchronousConcurrent());
                        report.add(result.durableConcurrent());
                        report.ratio("commandsAsynchronousToDurableProjectionCommitsRatio",
                                "commandsAsynchronousProjectionCommits", "commandsDurableProjectionCommits",
                                result.sequentialRatio());
                        report.ratio("commandsAsynchronousToDurableProjectionCommitsConcurrentRatio",
                                "commandsAsynchronousProjectionCommitsConcurrent",
                                "commandsDurableProjectionCommitsConcurrent", result.concurrentRatio());
                    } catch (Exception e) {
                        failures.add("(20a-20d) not measured: " + e);
                        e.printStackTrace();
                    }
                }
                if (figures.contains("q")) {
                    System.out.println("\n(q) query speeds at the scale of issues 3 and 4 (last: its rows stay)");
                    try {
                        QuerySpeed.measure(stack.baseUrl(StackService.PLATFORM_REGISTRY),
                                stack.jdbcUrl(StackService.PLATFORM_REGISTRY.database()),
                                stack.baseUrl(StackService.FUNDING), fundingUrl, stack.tokens)
                                .figures().forEach(report::add);
                    } catch (Exception e) {
                        failures.add("(q) not measured: " + e);
                        e.printStackTrace();
                    }
                }
            } finally {
                System.out.println("\nStopping the in-process services, Kafka and PostgreSQL...");
                stack.stopServices();
            }
        }
    }

    /** Adds expenditures (in transactions of 250) until the funding store holds {@code events} events. */
    private static void topUp(Projects projects, String fundingUrl, int events) throws Exception {
        long present = count(fundingUrl);
        if (present >= events) {
            return;
        }
        long started = System.nanoTime();
        int projectCount = 40;
        List<String> ids = projects.open(50_000, projectCount);
        long missing = events - count(fundingUrl);
        for (int i = 0; i < projectCount && missing > 0; i++) {
            int share = (int) Math.min(missing, (missing + projectCount - i - 1) / (projectCount - i));
            projects.spendInBatches(ids.get(i), share, 250);
            missing -= share;
        }
        System.out.printf("  topped the funding store up from %d to %d events in %.1f s%n", present,
                count(fundingUrl), (System.nanoTime() - started) / 1e9);
    }

    private static long count(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void describeInfrastructure(Report report, BenchStack stack) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(BenchStack.BASELINE_DATABASE),
                LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show server_version")) {
            rs.next();
            report.infrastructure.put("postgres", rs.getString(1) + " (embedded, zonky binaries, data on disk under "
                    + "bench/target)");
        }
        report.infrastructure.put("postgresDurability", stack.postgres.durability());
        report.infrastructure.put("kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " KRaft, embedded in the bench JVM (LocalKafka)");
    }

    private static void judge(Report report) {
        Double r21 = ratioValue(report, "commandsSequentialToRawInsertRatio");
        Double r32 = ratioValue(report, "commandsConcurrentToSequentialRatio");
        Double r54 = ratioValue(report, "projectionRebuildToRawScanRatio");
        report.target("(2)/(1) ≥ 0.5", r21, "", true, 0.5, "commandsSequential / rawInsertCommit");
        report.target("(3) ≥ 2 × (2)", r32, "×", true, 2.0, "commandsConcurrent / commandsSequential");
        report.target("(5)/(4) ≥ 0.25", r54, "", true, 0.25, "projectionRebuild / rawEventTableScan");
        report.target("issue 20: (2) ≥ 1.0 × the CRUD peer, 1 client",
                ratioValue(report, "commandsToCrudPeerRatio"), "×", true, 1.0,
                "commandsSequential / crudPeerSequential");
        report.target("issue 20: (3) ≥ 1.0 × the CRUD peer, 8 clients",
                ratioValue(report, "commandsToCrudPeerConcurrentRatio"), "×", true, 1.0,
                "commandsConcurrent / crudPeerConcurrent");
        report.target("issue 20: (2)/(1) ≥ 0.3", r21, "", true, 0.3, "commandsSequential / rawInsertCommit");
        report.target("issue 20: (3) ≥ 3 × (2)", r32, "×", true, 3.0, "commandsConcurrent / commandsSequential");
        report.target("issue 20: (5)/(4) ≥ 0.1", r54, "", true, 0.1, "projectionRebuild / rawEventTableScan");
        Figure latency = report.figure("crossServiceLatency");
        report.target("(6) p99 ≤ 100 ms", latency == null ? null : (Double) latency.details().get("p99"), "ms",
                false, 100, "crossServiceLatency p99");
        Figure snapshot = report.figure("aggregateLoadWithSnapshot");
        report.target("(7) ≤ 10 ms with snapshot", snapshot == null ? null : snapshot.median(), "ms", false, 10,
                "aggregateLoadWithSnapshot median");
        Figure startup = report.figure("stackStartup");
        report.target("(8) start-up ≤ 30 s", startup == null ? null : startup.median(), "s", false, 30,
                "stackStartup median");
        Figure pss = report.figure("stackPssSum");
        report.target("(8) memory ≤ 2 GiB (PSS sum)", pss == null ? null : pss.median(), "MiB", false, 2048,
                "stackPssSum median");
        Figure dashboard = report.figure("registryDashboard");
        report.target("issue 3: dashboard ≤ 50 ms (p95)", dashboard == null ? null
                : (Double) dashboard.details().get("p95"), "ms", false, 50, "registryDashboard p95");
        Figure list = report.figure("registryFilteredList");
        report.target("issue 3: filtered list ≤ 50 ms (p95)", list == null ? null
                : (Double) list.details().get("p95"), "ms", false, 50, "registryFilteredList p95");
        Figure firstPage = report.figure("auditTrailFirstPage");
        report.target("issue 4: audit trail first page ≤ 100 ms (p95)", firstPage == null ? null
                : (Double) firstPage.details().get("p95"), "ms", false, 100, "auditTrailFirstPage p95");
        for (String page : List.of("consoleDashboard", "consolePlatformList", "consoleAuditTrailPage",
                "consoleAuditTrailDeepPage")) {
            Figure figure = report.figure(page);
            report.target("issue 14: " + page + " ≤ 150 ms (p95)", figure == null ? null
                    : (Double) figure.details().get("p95"), "ms", false, 150, page + " p95");
        }
        for (String openList : List.of("openDataPlatformList", "openDataAwardList")) {
            Figure figure = report.figure(openList);
            report.target("issue 19: " + openList + " ≤ 50 ms (p95)", figure == null ? null
                    : (Double) figure.details().get("p95"), "ms", false, 50, openList + " p95");
        }
        Figure conditional = report.figure("openDataConditionalGet");
        report.target("issue 19: conditional GET (304) ≤ 10 ms (p95)", conditional == null ? null
                : (Double) conditional.details().get("p95"), "ms", false, 10, "openDataConditionalGet p95");
        report.target("issue 16: (16a)/(16b) ≥ 0.9 (chaining costs ≤ 10%)",
                ratioValue(report, "moneyCommandsWithToWithoutLedgerRatio"), "", true, 0.9,
                "moneyCommandsWithLedger / moneyCommandsWithoutLedger");
        report.target("issue 16: (16c)/(16d) ≥ 0.9, 8 clients",
                ratioValue(report, "moneyCommandsWithToWithoutLedgerConcurrentRatio"), "", true, 0.9,
                "moneyCommandsWithLedgerConcurrent / moneyCommandsWithoutLedgerConcurrent");
        Figure verification = report.figure("ledgerVerification");
        report.target("issue 16: (16e) verifying 1,000,000 entries ≤ 30 s", verification == null ? null
                : verification.median(), "s", false, 30, "ledgerVerification median");
        Figure rss = report.figure("stackRssSum");
        report.target("(8) memory ≤ 2 GiB (RSS sum, overcounts shared memory)", rss == null ? null : rss.median(),
                "MiB", false, 2048, "stackRssSum median");
    }

    /** What the run itself shows about its misses, written under the table. */
    @SuppressWarnings("unchecked")
    private static void diagnose(Report report) {
        Figure latency = report.figure("crossServiceLatency");
        if (latency != null && latency.details().get("hopFundingEventToViewMillis") instanceof java.util.Map<?, ?> hop
                && latency.details().get("hopRegistryEventToFundingEventMillis") instanceof java.util.Map<?, ?> first) {
            report.notes.add(String.format(java.util.Locale.ROOT, "(6) by hop, from the events' own timestamps: "
                            + "registry event -> funding's PlatformStandingRecorded p50 %.0f ms (p99 %.0f); that event "
                            + "-> view row p50 %.0f ms (p99 %.0f).", (Double) first.get("p50"),
                    (Double) first.get("p99"), (Double) hop.get("p50"), (Double) hop.get("p99")));
        }
        Figure rebuild = report.figure("projectionRebuild");
        if (rebuild != null && "ERROR".equals(rebuild.details().get("liveStateBeforeRebuild"))) {
            String error = String.valueOf(rebuild.details().get("liveErrorBeforeRebuild"));
            int detail = error.indexOf("Detail:");
            report.notes.add("(5) before its rebuild, the live " + rebuild.details().get("projection")
                    + " processor was in ERROR (after the concurrent commands of (3)): "
                    + error.substring(0, Math.min(error.length(), 40)).replace('\n', ' ') + "... "
                    + (detail >= 0 ? error.substring(detail).trim() : ""));
        }
        Figure sequential = report.figure("commandsSequential");
        Object failed = sequential == null ? null : sequential.details().get("failedCommands");
        if (failed instanceof Long count && count > 0) {
            report.notes.add("(3) " + count + " commands failed during the concurrent rounds (see services.log).");
        }
        Object runs = report.extra.get("startupRuns");
        if (runs instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof java.util.Map<?, ?> run
                && run.get("byKind") instanceof java.util.Map<?, ?> kinds) {
            StringBuilder memory = new StringBuilder("(8) memory of the first start-up by process (RSS / PSS MiB):");
            kinds.forEach((kind, value) -> {
                java.util.Map<String, Object> sums = (java.util.Map<String, Object>) value;
                memory.append(' ').append(kind).append(" x").append(sums.get("processes")).append(' ')
                        .append(sums.get("rssMiB")).append(" / ").append(sums.get("pssMiB")).append(';');
            });
            report.notes.add(memory.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Double ratioValue(Report report, String key) {
        Object ratio = report.ratios.get(key);
        return ratio == null ? null : (Double) ((java.util.Map<String, Object>) ratio).get("ratio");
    }

    private static void addSource(Variant variant, String name) {
        switch (name) {
            case "noop-projection" -> variant.addSource(StackService.FUNDING, NoopProjection.class);
            case "jdbc-profile" -> {
                for (StackService service : StackService.values()) {
                    variant.addSource(service, JdbcProfile.class);
                }
            }
            case "event-store" -> {
                for (StackService service : StackService.values()) {
                    variant.addSource(service, TunedEventStore.class);
                }
            }
            case "batched-audit-trail" -> variant.addSource(StackService.FUNDING, BatchedAuditTrail.class);
            default -> throw new IllegalArgumentException("unknown --with " + name + " (noop-projection, "
                    + "jdbc-profile, event-store, batched-audit-trail; the publisher's asynchronous commits are "
                    + "shipped since issue 20: --prop stb.event-processing.asynchronous-commit.enabled=false measures "
                    + "them durable, ...projections=true the projections' too)");
        }
    }

    private static void printHeader(Report report) {
        System.out.println("=== Wenzhou science-fund benchmark ===");
        System.out.println("Machine: " + report.machine.get("cpuModel") + ", " + report.machine.get("cores")
                + " cores, " + report.machine.get("memoryGiB") + " GiB, load " + report.machine.get("loadAverageAtStart"));
        System.out.println("JDK:     " + report.machine.get("jdk"));
        System.out.println("Variant: " + report.run.get("variant"));
    }
}
