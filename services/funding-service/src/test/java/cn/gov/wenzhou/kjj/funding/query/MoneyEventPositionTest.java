package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With concurrent writers an event can commit after one with a higher global index; the tracking processor then
 * sees a gap, and when the late event arrives its tracking token carries the high-water mark, not the event's index.
 * The audit trail must still key every event by its own index (it once took the token's and stopped on a duplicate
 * key). Since the money ledger, money events are stored one transaction at a time: a second money command waits for
 * the first one's transaction and takes the next index, so money events are listed and chained in commit order.
 */
@FundingIntegrationTest
class MoneyEventPositionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ExecutorService SECOND = Executors.newSingleThreadExecutor();

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    Clock clock;

    @Test
    void anExpenditureCommittedAfterALaterNumberedOneIsListedUnderItsOwnGlobalIndex() throws Exception {
        FundingScenario funding = new FundingScenario(port);
        Project late = disbursedProject(funding);
        Project early = disbursedProject(funding);
        projections.awaitCaughtUp(MoneyEventProjection.NAME, PATIENCE);

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        String lateExpenditure = UUID.randomUUID().toString();
        // its own thread: on two cores the common pool has one worker, which something else may hold
        ExecutorService writerThread = Executors.newSingleThreadExecutor();
        CompletableFuture<Void> lateWriter = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            commands.sendAndWait(new RecordExpenditure(late.projectId(), lateExpenditure, "OPERATING", 10_000L,
                    "记-late", "迟提交", BusinessCalendar.today(clock)));
            appended.countDown();
            try {
                commit.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), writerThread);
        await().atMost(PATIENCE).until(() -> appended.getCount() == 0 || lateWriter.isDone());
        if (lateWriter.isDone()) {
            lateWriter.get(); // the command failed: show why
        }

        // the second money command waits on the ledger head the open transaction holds
        CompletableFuture<ApiClient.Response> earlySpend = CompletableFuture.supplyAsync(
                () -> funding.spend(early.projectId(), "OPERATING", 20_000L), SECOND);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from pg_locks where not granted", Long.class) > 0 || earlySpend.isDone());
        assertThat(earlySpend).as("a money command waits for the open one").isNotDone();
        commit.countDown();
        lateWriter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        ok(earlySpend.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        writerThread.shutdown();
        SECOND.shutdown();

        await().atMost(PATIENCE).until(() -> rows(early.projectId(), "EXPENDITURE") == 1);
        await().atMost(PATIENCE).until(() -> rows(late.projectId(), "EXPENDITURE") == 1);
        assertThat(projections.status(MoneyEventProjection.NAME).state()).isNotEqualTo("ERROR");
        assertThat(jdbc.queryForObject("""
                select count(*) from money_event m join domain_event_entry d on d.event_identifier = m.event_id
                where m.position <> d.global_index""", Long.class)).isZero();
        Long lateIndex = jdbc.queryForObject("""
                select d.global_index from domain_event_entry d
                where d.aggregate_identifier = ? and d.payload_type like '%ExpenditureRecorded'""", Long.class,
                late.projectId());
        Long earlyIndex = jdbc.queryForObject("""
                select d.global_index from domain_event_entry d
                where d.aggregate_identifier = ? and d.payload_type like '%ExpenditureRecorded'""", Long.class,
                early.projectId());
        assertThat(lateIndex).as("the open transaction's event took the lower index").isLessThan(earlyIndex);
        List<String> chained = jdbc.queryForList("select event_id from ledger_entry where position in (?, ?) "
                + "order by sequence", String.class, lateIndex, earlyIndex);
        assertThat(chained).hasSize(2);
        assertThat(jdbc.queryForObject("select position from ledger_entry where event_id = ?", Long.class,
                chained.get(0))).isEqualTo(lateIndex);
    }

    private Project disbursedProject(FundingScenario funding) {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        return project;
    }

    private long rows(String projectId, String kind) {
        return jdbc.queryForObject("select count(*) from money_event where project_id = ? and kind = ?", Long.class,
                projectId, kind);
    }
}
