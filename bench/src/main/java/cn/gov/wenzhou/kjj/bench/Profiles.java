package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.bench.explore.JdbcProfile;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exploration only ({@code --with jdbc-profile}): where the time of a command and of a rebuild goes, split into the
 * statements PostgreSQL saw, the durable commits, and the rest (the JVM's own work).
 */
final class Profiles {

    private Profiles() {
    }

    static void commands(Report report, Projects projects, Settings settings) {
        List<String> ids = projects.open(70_000, 20);
        Throughput.sequential(projects::spend, ids, settings.warmUp());
        JdbcProfile.snapshotAndReset();
        int commands = 300;
        long started = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            projects.spend(ids.get(i % ids.size()));
        }
        double totalMs = (System.nanoTime() - started) / 1e6;
        report.extra.put("profileCommands", breakdown("RecordExpenditure", commands, totalMs, JdbcProfile.CALLER));
    }

    /** For a rebuild the "caller" is the processor's own thread: its statements are listed under its name. */
    /**
     * Exploration (figure "b"): the same expenditures with several commands per transaction (one unit of work, one
     * durable commit per batch), as a bulk endpoint or an inbox would send them. Shows what amortising the commit buys.
     */
    static void batching(Report report, Projects projects, Settings settings) {
        List<String> ids = projects.open(80_000, 8);
        int[] sizes = {1, 10, 100};
        for (int size : sizes) {
            double[] rates = new double[settings.rounds()];
            for (int r = -1; r < settings.rounds(); r++) {
                long started = System.nanoTime();
                long deadline = started + settings.roundLength().toNanos();
                long done = 0;
                int next = 0;
                while (System.nanoTime() < deadline) {
                    projects.spendInBatches(ids.get(next), size, size);
                    next = (next + 1) % ids.size();
                    done += size;
                }
                if (r >= 0) {
                    rates[r] = done / ((System.nanoTime() - started) / 1e9);
                }
            }
            report.add(Figure.of("b" + size, "commandsBatched" + size, "RecordExpenditure, 1 client, " + size
                    + " command(s) per transaction (exploration)", "commands/s", rates));
            System.out.printf("  %d per transaction: %.0f commands/s%n", size, Stats.median(rates));
        }
    }

    static void rebuild(Report report, ConfigurableApplicationContext funding, String projection) {
        ProjectionOperations operations = funding.getBean(ProjectionOperations.class);
        JdbcProfile.snapshotAndReset();
        long started = System.nanoTime();
        long events = operations.rebuild(projection).rebuild().targetPosition();
        operations.awaitCaughtUp(projection, Duration.ofMinutes(5));
        double totalMs = (System.nanoTime() - started) / 1e6;
        report.extra.put("profileRebuild", breakdown("event of " + projection, events, totalMs, projection));
    }

    private static Map<String, Object> breakdown(String unit, long count, double totalMs, String callerKind) {
        Map<String, double[]> calls = JdbcProfile.snapshotAndReset();
        double dbMs = 0;
        double commitMs = 0;
        double statements = 0;
        Map<String, Object> bySql = new LinkedHashMap<>();
        String caller = "[" + callerKind + "] ";
        for (Map.Entry<String, double[]> entry : calls.entrySet()) {
            double[] value = entry.getValue();
            if (!entry.getKey().startsWith(caller)) {
                // background work (projections, publishers): listed, not part of the caller's time
            } else if (entry.getKey().equals(caller + "COMMIT")) {
                commitMs += value[1];
            } else {
                dbMs += value[1];
                statements += value[0];
            }
            bySql.put(entry.getKey(), Map.of("perUnit", Report.round3(value[0] / count),
                    "msPerUnit", Report.round3(value[1] / count)));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("unit", unit);
        result.put("count", count);
        result.put("msPerUnit", Report.round3(totalMs / count));
        result.put("statementsPerUnit", Report.round3(statements / count));
        result.put("statementMsPerUnit", Report.round3(dbMs / count));
        result.put("commitMsPerUnit", Report.round3(commitMs / count));
        result.put("restMsPerUnit", Report.round3((totalMs - dbMs - commitMs) / count));
        result.put("bySql", bySql);
        System.out.printf("  profile per %s: %.2f ms = %.2f statements %.2f ms + commit %.2f ms + rest %.2f ms "
                        + "(on the caller's thread)%n",
                unit, totalMs / count, statements / count, dbMs / count, commitMs / count,
                (totalMs - dbMs - commitMs) / count);
        return result;
    }
}
