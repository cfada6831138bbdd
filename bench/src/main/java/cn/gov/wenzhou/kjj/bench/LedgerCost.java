package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.bench.explore.SwitchableLedger;
import cn.gov.wenzhou.kjj.funding.query.MoneyLedger;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Figures 16a-16d (issue 16: the ledger costs a money command at most 10% of its throughput): {@code RecordExpenditure}
 * through the command gateway with the money ledger (the shipped path: each money transaction takes the ledger's shared
 * lock, the service's chainer chains what committed) and without it, 1 client and 8 clients, in interleaved rounds of
 * the same run ({@link SwitchableLedger}). Chaining is asynchronous: after a round with the ledger the bench waits until
 * its last command's event is chained before anything else runs, so no chaining work leaks into the next round, and
 * records that lag. The figure is the commands' rate; the same rate timed until the chain caught up (the lag counted
 * against the ledger, mostly waiting for the projections' transactions to end) is kept beside it
 * ({@code untilChained...}), the conservative bound.
 */
final class LedgerCost {

    record Result(Figure withSequential, Figure withoutSequential, Figure withConcurrent, Figure withoutConcurrent,
                  double[] sequentialRatio, double[] concurrentRatio) {
    }

    /** The commands of one round; returns their rate. */
    private interface Timed {
        double rate() throws Exception;
    }

    private LedgerCost() {
    }

    static Result measure(ConfigurableApplicationContext funding, Projects projects, Settings settings)
            throws Exception {
        SwitchableLedger.Switched ledger = (SwitchableLedger.Switched) funding.getBean(MoneyLedger.class);
        List<String> sequentialProjects = projects.open(20_000, 32);
        List<List<String>> clientProjects = new ArrayList<>();
        for (int client = 0; client < Throughput.CLIENTS; client++) {
            clientProjects.add(projects.open(21_000 + client * 4, 4));
        }
        ExecutorService clients = Throughput.clientThreads("bench-ledger-client");
        Duration round = settings.roundLength();
        int rounds = settings.rounds();
        double[] withSequential = new double[rounds];
        double[] withoutSequential = new double[rounds];
        double[] withConcurrent = new double[rounds];
        double[] withoutConcurrent = new double[rounds];
        double[] sequentialRatio = new double[rounds];
        double[] concurrentRatio = new double[rounds];
        double[] chainedAfter = new double[2 * rounds];
        double[] sequentialUntilChained = new double[rounds];
        double[] concurrentUntilChained = new double[rounds];
        long caughtUp = 0;
        try {
            Throughput.sequential(projects::spend, sequentialProjects, settings.warmUp());
            Throughput.concurrent(projects::spend, clientProjects, clients, settings.warmUp());
            ledger.catchUp();
            for (int r = 0; r < rounds; r++) {
                // alternate which goes first, so that neither always follows the other's catch-up
                boolean withFirst = r % 2 == 0;
                for (int half = 0; half < 2; half++) {
                    boolean with = (half == 0) == withFirst;
                    SwitchableLedger.ledger(with);
                    double[] sequential = timed(() -> Throughput.sequential(projects::spend, sequentialProjects, round),
                            with, ledger);
                    double[] concurrent = timed(() -> Throughput.concurrent(projects::spend, clientProjects, clients, round),
                            with, ledger);
                    if (with) {
                        chainedAfter[2 * r] = sequential[2];
                        chainedAfter[2 * r + 1] = concurrent[2];
                        sequentialUntilChained[r] = sequential[1];
                        concurrentUntilChained[r] = concurrent[1];
                    } else {
                        SwitchableLedger.ledger(true);
                        caughtUp += ledger.catchUp(); // untimed: the events stored while the ledger was off
                    }
                    (with ? withSequential : withoutSequential)[r] = sequential[0];
                    (with ? withConcurrent : withoutConcurrent)[r] = concurrent[0];
                }
                sequentialRatio[r] = withSequential[r] / withoutSequential[r];
                concurrentRatio[r] = withConcurrent[r] / withoutConcurrent[r];
                sequentialUntilChained[r] /= withoutSequential[r];
                concurrentUntilChained[r] /= withoutConcurrent[r];
                System.out.printf("  round %d/%d: 1 client %.0f/s with the ledger, %.0f/s without (%.3f; timed until "
                                + "chained %.3f); %d clients %.0f/s with, %.0f/s without (%.3f; until chained %.3f); "
                                + "chained %.0f ms and %.0f ms after the last command%n", r + 1, rounds,
                        withSequential[r], withoutSequential[r], sequentialRatio[r], sequentialUntilChained[r],
                        Throughput.CLIENTS, withConcurrent[r], withoutConcurrent[r], concurrentRatio[r],
                        concurrentUntilChained[r], chainedAfter[2 * r] * 1000, chainedAfter[2 * r + 1] * 1000);
            }
        } finally {
            SwitchableLedger.ledger(true);
            clients.shutdownNow();
        }
        double seconds = round.toMillis() / 1000.0;
        double lagMax = Arrays.stream(chainedAfter).max().orElse(0);
        return new Result(
                Figure.of("16a", "moneyCommandsWithLedger", "RecordExpenditure through the command gateway with the "
                                + "money ledger (shipped: money mark before the index, chainer after the commit), "
                                + "1 client", "commands/s", withSequential)
                        .with("roundSeconds", seconds).with("projects", sequentialProjects.size())
                        .with("chainedAfterLastCommandMaxSeconds", round3(lagMax))
                        .with("chainedAfterLastCommandMedianSeconds", round3(Stats.median(chainedAfter)))
                        .with("untilChainedPairedRatioMedian", round3(Stats.median(sequentialUntilChained))),
                Figure.of("16b", "moneyCommandsWithoutLedger", "the same without the ledger (switched off), "
                        + "1 client", "commands/s", withoutSequential)
                        .with("roundSeconds", seconds).with("eventsChainedAfterwards", caughtUp),
                Figure.of("16c", "moneyCommandsWithLedgerConcurrent", "the same as 16a, " + Throughput.CLIENTS
                        + " concurrent clients", "commands/s", withConcurrent).with("roundSeconds", seconds)
                        .with("untilChainedPairedRatioMedian", round3(Stats.median(concurrentUntilChained))),
                Figure.of("16d", "moneyCommandsWithoutLedgerConcurrent", "the same as 16b, " + Throughput.CLIENTS
                        + " concurrent clients", "commands/s", withoutConcurrent).with("roundSeconds", seconds),
                sequentialRatio, concurrentRatio);
    }

    /**
     * {rate, rate timed until chained, seconds from the last command until chained}; with the ledger the round ends
     * only when its events are chained, without it the last two are the rate and 0.
     */
    private static double[] timed(Timed commands, boolean with, SwitchableLedger.Switched ledger) throws Exception {
        long started = System.nanoTime();
        double rate = commands.rate();
        long ran = System.nanoTime();
        if (!with) {
            return new double[]{rate, rate, 0};
        }
        ledger.catchUp();
        long chained = System.nanoTime();
        double commandCount = rate * (ran - started) / 1e9;
        return new double[]{rate, commandCount / ((chained - started) / 1e9), (chained - ran) / 1e9};
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
