package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.bench.explore.SwitchableProjectionCommits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Figures 20a-20d (issue 20, lever 1): {@code RecordExpenditure} through the command gateway with the projections' and
 * the publisher's commits as shipped ({@code synchronous_commit = off} for their transactions) and durable again
 * ({@link SwitchableProjectionCommits}), 1 client and 8 clients, in interleaved rounds of the same run, alternating
 * which goes first: a neighbour's load falls on both alike, and the paired per-round ratios say what the setting buys.
 */
final class ProjectionCommitCost {

    record Result(Figure asynchronousSequential, Figure durableSequential, Figure asynchronousConcurrent,
                  Figure durableConcurrent, double[] sequentialRatio, double[] concurrentRatio) {
    }

    private ProjectionCommitCost() {
    }

    static Result measure(Projects projects, Settings settings) throws Exception {
        List<String> sequentialProjects = projects.open(30_000, 32);
        List<List<String>> clientProjects = new ArrayList<>();
        for (int client = 0; client < Throughput.CLIENTS; client++) {
            clientProjects.add(projects.open(31_000 + client * 4, 4));
        }
        ExecutorService clients = Throughput.clientThreads("bench-commit-client");
        Duration round = settings.roundLength();
        int rounds = settings.rounds();
        double[] asynchronousSequential = new double[rounds];
        double[] durableSequential = new double[rounds];
        double[] asynchronousConcurrent = new double[rounds];
        double[] durableConcurrent = new double[rounds];
        double[] sequentialRatio = new double[rounds];
        double[] concurrentRatio = new double[rounds];
        try {
            Throughput.sequential(projects::spend, sequentialProjects, settings.warmUp());
            Throughput.concurrent(projects::spend, clientProjects, clients, settings.warmUp());
            for (int r = 0; r < rounds; r++) {
                boolean durableFirst = r % 2 == 1;
                for (int half = 0; half < 2; half++) {
                    boolean durable = (half == 0) == durableFirst;
                    SwitchableProjectionCommits.durable(durable);
                    (durable ? durableSequential : asynchronousSequential)[r] =
                            Throughput.sequential(projects::spend, sequentialProjects, round);
                    (durable ? durableConcurrent : asynchronousConcurrent)[r] =
                            Throughput.concurrent(projects::spend, clientProjects, clients, round);
                }
                sequentialRatio[r] = asynchronousSequential[r] / durableSequential[r];
                concurrentRatio[r] = asynchronousConcurrent[r] / durableConcurrent[r];
                System.out.printf("  round %d/%d: 1 client %.0f/s as shipped, %.0f/s durable (%.3f); %d clients "
                                + "%.0f/s as shipped, %.0f/s durable (%.3f)%n", r + 1, rounds,
                        asynchronousSequential[r], durableSequential[r], sequentialRatio[r], Throughput.CLIENTS,
                        asynchronousConcurrent[r], durableConcurrent[r], concurrentRatio[r]);
            }
        } finally {
            SwitchableProjectionCommits.durable(false);
            clients.shutdownNow();
        }
        double seconds = round.toMillis() / 1000.0;
        return new Result(
                Figure.of("20a", "commandsAsynchronousProjectionCommits", "RecordExpenditure through the command "
                                + "gateway, the projections' and the publisher's commits asynchronous (shipped), 1 client",
                        "commands/s", asynchronousSequential).with("roundSeconds", seconds),
                Figure.of("20b", "commandsDurableProjectionCommits", "the same with every commit durable (switched), "
                        + "1 client", "commands/s", durableSequential).with("roundSeconds", seconds),
                Figure.of("20c", "commandsAsynchronousProjectionCommitsConcurrent", "the same as 20a, "
                        + Throughput.CLIENTS + " concurrent clients", "commands/s", asynchronousConcurrent)
                        .with("roundSeconds", seconds),
                Figure.of("20d", "commandsDurableProjectionCommitsConcurrent", "the same as 20b, "
                        + Throughput.CLIENTS + " concurrent clients", "commands/s", durableConcurrent)
                        .with("roundSeconds", seconds),
                sequentialRatio, concurrentRatio);
    }
}
