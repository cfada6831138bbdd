package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static cn.gov.wenzhou.kjj.funding.query.LedgerTestSupport.PATIENCE;
import static org.awaitility.Awaitility.await;

/**
 * A money command whose event is stored (it has its global index) in a transaction that stays open until
 * {@link #commit()}: what a slow money transaction looks like to the ledger. Runs on a thread of its own.
 */
public final class OpenMoneyTransaction implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch stored = new CountDownLatch(1);
    private final CountDownLatch commit = new CountDownLatch(1);
    private final CompletableFuture<Void> done;
    private volatile long globalIndex;

    private OpenMoneyTransaction(ApplicationContext context, String projectId, long amountFen) throws Exception {
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        CommandGateway commands = context.getBean(CommandGateway.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Clock clock = context.getBean(Clock.class);
        done = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            commands.sendAndWait(new RecordExpenditure(projectId, UUID.randomUUID().toString(), "OPERATING",
                    amountFen, "记-open-" + amountFen, "未提交", BusinessCalendar.today(clock)));
            // in the open transaction: its own event is visible to it, to no one else
            globalIndex = jdbc.queryForObject("select max(global_index) from domain_event_entry "
                    + "where aggregate_identifier = ? and payload_type like '%ExpenditureRecorded'", Long.class,
                    projectId);
            stored.countDown();
            try {
                commit.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), thread);
        await().atMost(PATIENCE).until(() -> stored.getCount() == 0 || done.isDone());
        if (stored.getCount() != 0) {
            done.get(); // the command failed: show why
        }
    }

    /** Stores an expenditure of {@code amountFen} on {@code projectId} and leaves its transaction open. */
    public static OpenMoneyTransaction expenditure(ApplicationContext context, String projectId, long amountFen)
            throws Exception {
        return new OpenMoneyTransaction(context, projectId, amountFen);
    }

    /** The stored event's global index. */
    public long globalIndex() {
        return globalIndex;
    }

    /** Commits the transaction and waits until it has. */
    public void commit() throws Exception {
        commit.countDown();
        try {
            done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }

    @Override
    public void close() throws Exception {
        if (commit.getCount() != 0) {
            commit();
        }
    }
}
