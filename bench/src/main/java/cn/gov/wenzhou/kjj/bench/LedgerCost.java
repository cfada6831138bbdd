package cn.gov.wenzhou.kjj.bench;

import cn.gov.wenzhou.kjj.bench.explore.SwitchableLedger;
import cn.gov.wenzhou.kjj.funding.query.MoneyLedger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Figures 16a-16d (issue 16: chaining costs a money command at most 10% of its throughput): {@code RecordExpenditure}
 * through the command gateway with the money ledger chaining each event (the shipped path) and without it, 1 client
 * and 8 clients, in interleaved rounds of the same run ({@link SwitchableLedger}).
 */
final class LedgerCost {

    record Result(Figure withSequential, Figure withoutSequential, Figure withConcurrent, Figure withoutConcurrent,
                  double[] sequentialRatio, double[] concurrentRatio) {
    }

    private LedgerCost() {
    }

    static Result measure(ConfigurableApplicationContext funding, Projects projects, Settings settings)
            throws Exception {
        SwitchableLedger.Switched ledger = (SwitchableLedger.Switched) funding.getBean(MoneyLedger.class);
        TransactionTemplate tx = funding.getBean(TransactionTemplate.class);
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
        long caughtUp = 0;
        try {
            Throughput.sequential(projects, sequentialProjects, settings.warmUp());
            Throughput.concurrent(projects, clientProjects, clients, settings.warmUp());
            for (int r = 0; r < rounds; r++) {
                // alternate which goes first, so that neither always follows the other's catch-up
                boolean withFirst = r % 2 == 0;
                for (int half = 0; half < 2; half++) {
                    boolean with = (half == 0) == withFirst;
                    SwitchableLedger.chaining(with);
                    double sequential = Throughput.sequential(projects, sequentialProjects, round);
                    double concurrent = Throughput.concurrent(projects, clientProjects, clients, round);
                    SwitchableLedger.chaining(true);
                    if (!with) {
                        Long chained = tx.execute(status -> ledger.catchUp());
                        caughtUp += chained == null ? 0 : chained;
                    }
                    (with ? withSequential : withoutSequential)[r] = sequential;
                    (with ? withConcurrent : withoutConcurrent)[r] = concurrent;
                }
                sequentialRatio[r] = withSequential[r] / withoutSequential[r];
                concurrentRatio[r] = withConcurrent[r] / withoutConcurrent[r];
                System.out.printf("  round %d/%d: 1 client %.0f/s with the ledger, %.0f/s without (%.3f); %d clients "
                                + "%.0f/s with, %.0f/s without (%.3f)%n", r + 1, rounds, withSequential[r],
                        withoutSequential[r], sequentialRatio[r], Throughput.CLIENTS, withConcurrent[r],
                        withoutConcurrent[r], concurrentRatio[r]);
            }
        } finally {
            SwitchableLedger.chaining(true);
            clients.shutdownNow();
        }
        double seconds = round.toMillis() / 1000.0;
        return new Result(
                Figure.of("16a", "moneyCommandsWithLedger", "RecordExpenditure through the command gateway, each "
                        + "event chained into the money ledger (shipped), 1 client", "commands/s", withSequential)
                        .with("roundSeconds", seconds).with("projects", sequentialProjects.size()),
                Figure.of("16b", "moneyCommandsWithoutLedger", "the same without chaining (ledger switched off), "
                        + "1 client", "commands/s", withoutSequential)
                        .with("roundSeconds", seconds).with("eventsChainedAfterwards", caughtUp),
                Figure.of("16c", "moneyCommandsWithLedgerConcurrent", "the same as 16a, " + Throughput.CLIENTS
                        + " concurrent clients", "commands/s", withConcurrent).with("roundSeconds", seconds),
                Figure.of("16d", "moneyCommandsWithoutLedgerConcurrent", "the same as 16b, " + Throughput.CLIENTS
                        + " concurrent clients", "commands/s", withoutConcurrent).with("roundSeconds", seconds),
                sequentialRatio, concurrentRatio);
    }
}
