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
        Throughput.sequential(projects, ids, settings.warmUp());
        JdbcProfile.snapshotAndReset();
        int commands = 300;
        long started = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            projects.spend(ids.get(i % ids.size()));
        }
        double totalMs = (System.nanoTime() - started) / 1e6;
        report.extra.put("profileCommands", breakdown("RecordExpenditure", commands, totalMs));
    }

    static void rebuild(Report report, ConfigurableApplicationContext funding, String projection) {
        ProjectionOperations operations = funding.getBean(ProjectionOperations.class);
        JdbcProfile.snapshotAndReset();
        long started = System.nanoTime();
        long events = operations.rebuild(projection).rebuild().targetPosition();
        operations.awaitCaughtUp(projection, Duration.ofMinutes(5));
        double totalMs = (System.nanoTime() - started) / 1e6;
        report.extra.put("profileRebuild", breakdown("event of " + projection, events, totalMs));
    }

    private static Map<String, Object> breakdown(String unit, long count, double totalMs) {
        Map<String, double[]> calls = JdbcProfile.snapshotAndReset();
        double dbMs = 0;
        double commitMs = 0;
        double statements = 0;
        Map<String, Object> bySql = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : calls.entrySet()) {
            double[] value = entry.getValue();
            if (entry.getKey().equals("COMMIT")) {
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
        System.out.printf("  profile per %s: %.2f ms = %.2f statements %.2f ms + commits %.2f ms + rest %.2f ms%n",
                unit, totalMs / count, statements / count, dbMs / count, commitMs / count,
                (totalMs - dbMs - commitMs) / count);
        return result;
    }
}
