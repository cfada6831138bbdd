package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.embedded.LocalPostgres;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.projection.ProjectionStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures 4 and 5: how fast the event table can be read at all (a plain JDBC scan in global-index order, every
 * column fetched, the order a tracking processor reads in) and how fast a representative projection rebuilds from
 * it through {@link ProjectionOperations#rebuild}. Interleaved, like figures 1 to 3.
 */
final class Replay {

    record Result(Figure scan, Figure rebuild, double[] ratio5over4, List<Figure> otherRebuilds) {
    }

    private Replay() {
    }

    /** Figure 5 is the first projection; more (explorations) are rebuilt in the same rounds, after it. */
    static Result measure(String fundingJdbcUrl, ConfigurableApplicationContext funding, List<String> projections,
                          Settings settings) throws Exception {
        ProjectionOperations operations = funding.getBean(ProjectionOperations.class);
        EventProcessingConfiguration processing = funding.getBean(EventProcessingConfiguration.class);
        List<ProjectionStatus> before = new ArrayList<>();
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String projection : projections) {
            // the live processor's state before the rebuild (a rebuild resets it anyway): an error is worth knowing
            before.add(awaitCaughtUpOrError(operations, projection));
            processors.add(processing.eventProcessor(projection, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no streaming processor " + projection)));
        }
        long events;
        long bytes;
        try (Connection connection = DriverManager.getConnection(fundingJdbcUrl, LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet counted = statement.executeQuery(
                     "select count(*), sum(length(payload) + coalesce(length(meta_data), 0)) from domain_event_entry")) {
            counted.next();
            events = counted.getLong(1);
            bytes = counted.getLong(2);
        }
        scan(fundingJdbcUrl);
        int rounds = settings.rebuildRepeats();
        double[] scans = new double[rounds];
        double[][] rebuilds = new double[projections.size()][rounds];
        double[][] restartMillis = new double[projections.size()][rounds];
        long[] rebuiltEvents = new long[projections.size()];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            scans[r] = scan(fundingJdbcUrl);
            StringBuilder line = new StringBuilder(String.format("  round %d/%d: scan %.0f events/s", r + 1, rounds,
                    scans[r]));
            for (int p = 0; p < projections.size(); p++) {
                Rebuilt rebuilt = rebuild(operations, processors.get(p), projections.get(p), fundingJdbcUrl);
                rebuilds[p][r] = rebuilt.eventsPerSecond;
                restartMillis[p][r] = rebuilt.restartMillis;
                rebuiltEvents[p] = rebuilt.events;
                line.append(String.format(", rebuild of %s %.0f events/s", projections.get(p), rebuilds[p][r]));
            }
            ratios[r] = rebuilds[0][r] / scans[r];
            System.out.println(line);
        }
        Figure scanFigure = Figure.of("4", "rawEventTableScan",
                        "raw sequential scan of the event table (JDBC, global-index order, all columns)", "events/s",
                        scans)
                .with("events", events)
                .with("averagePayloadAndMetadataBytes", events == 0 ? 0 : bytes / events)
                .with("fetchSize", 1000);
        List<Figure> figures = new ArrayList<>();
        for (int p = 0; p < projections.size(); p++) {
            figures.add(Figure.of(p == 0 ? "5" : "5" + (char) ('a' + p - 1),
                            p == 0 ? "projectionRebuild" : "projectionRebuild-" + projections.get(p),
                            "rebuild of projection '" + projections.get(p)
                                    + "' (ProjectionOperations.rebuild until caught up)", "events/s", rebuilds[p])
                    .with("projection", projections.get(p))
                    .with("eventsReplayed", rebuiltEvents[p])
                    .with("stopResetStartMillisMedian", Stats.median(restartMillis[p]))
                    .with("liveStateBeforeRebuild", before.get(p).state())
                    .with("liveErrorBeforeRebuild", before.get(p).error()));
        }
        return new Result(scanFigure, figures.get(0), ratios, figures.subList(1, figures.size()));
    }

    private static ProjectionStatus awaitCaughtUpOrError(ProjectionOperations operations, String projection) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            ProjectionStatus status = operations.status(projection);
            if (status.lag() == 0 || "ERROR".equals(status.state()) || status.error() != null
                    || System.nanoTime() > deadline) {
                return status;
            }
            AggregateLoad.sleep(50);
        }
    }

    static double scan(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "")) {
            connection.setAutoCommit(false); // a cursor, fetched 1000 rows at a time
            long started = System.nanoTime();
            long rows = 0;
            long checksum = 0;
            try (PreparedStatement select = connection.prepareStatement("""
                    select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    from domain_event_entry order by global_index""")) {
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        checksum += rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        checksum += rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        checksum += rs.getBytes(9).length;
                        byte[] metadata = rs.getBytes(10);
                        checksum += metadata == null ? 0 : metadata.length;
                        rows++;
                    }
                }
            }
            connection.commit();
            if (checksum == 42) {
                System.out.print(""); // keeps the reads from being optimised away
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    private record Rebuilt(double eventsPerSecond, long events, double restartMillis) {
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
    }

    private static Rebuilt rebuild(ProjectionOperations operations, StreamingEventProcessor processor,
                                   String projection, String jdbcUrl) throws SQLException {
        long started = System.nanoTime();
        ProjectionStatus status = operations.rebuild(projection);
        long restarted = System.nanoTime();
        long target = status.rebuild().targetPosition();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        // the processor's own status, read without a query: polling ProjectionOperations.status() would ask the
        // store for its head every time and slow the rebuild it measures
        // a pooled processor lists a segment once it has claimed it: the store's view, asked once the claimed segments
        // are through, confirms that all are
        while (position(processor) < target || operations.status(projection).position() < target) {
            if (processor.isError()) {
                throw new IllegalStateException(projection + " failed during its rebuild: "
                        + operations.status(projection).error());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(projection + " did not finish its rebuild in 5 minutes: "
                        + operations.status(projection));
            }
            AggregateLoad.sleep(10);
        }
        long finished = System.nanoTime();
        operations.status(projection); // lets ProjectionOperations record the rebuild as finished
        long events;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from domain_event_entry where global_index <= ?")) {
            count.setLong(1, target);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                events = rs.getLong(1);
            }
        }
        return new Rebuilt(events / ((finished - started) / 1e9), events, (restarted - started) / 1e6);
    }
}
