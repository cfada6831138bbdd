package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static cn.gov.wenzhou.kjj.funding.query.LedgerTestSupport.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With concurrent writers an event can commit after one with a higher global index; the tracking processor then
 * sees a gap, and when the late event arrives its tracking token carries the high-water mark, not the event's index.
 * The audit trail must still key every event by its own index (it once took the token's and stopped on a duplicate
 * key). Since issue 16's speed fix, money commands no longer wait for each other (the ledger chains after they commit),
 * so money events commit out of index order too: the ledger must still chain them in index order, never passing an
 * event whose transaction is open.
 */
@FundingIntegrationTest
class MoneyEventPositionTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    LedgerChainer chainer;

    @Test
    void anExpenditureCommittedAfterALaterNumberedOneIsListedUnderItsOwnIndexAndChainedBeforeIt() throws Exception {
        FundingScenario funding = new FundingScenario(port);
        Project late = disbursedProject(funding);
        Project early = disbursedProject(funding);
        projections.awaitCaughtUp(MoneyEventProjection.NAME, PATIENCE);

        long lateIndex;
        long earlyIndex;
        try (OpenMoneyTransaction open = OpenMoneyTransaction.expenditure(context, late.projectId(), 10_000L)) {
            lateIndex = open.globalIndex();
            // a second money command does not wait for the open one: it takes the next index and commits first
            ok(funding.spend(early.projectId(), "OPERATING", 20_000L));
            earlyIndex = expenditureIndex(early.projectId());
            assertThat(lateIndex).as("the open transaction's event took the lower index").isLessThan(earlyIndex);

            LedgerTestSupport.awaitRounds(chainer, 2);
            assertThat(LedgerTestSupport.headPosition(jdbc)).as("the chain stops before the open transaction's event")
                    .isLessThan(lateIndex);
            assertThat(jdbc.queryForObject("select count(*) from ledger_entry where position = ?", Long.class,
                    earlyIndex)).as("the committed later event waits for it").isZero();
            open.commit();
        }

        LedgerTestSupport.awaitChained(jdbc);
        List<Long> chained = jdbc.queryForList("select position from ledger_entry where position in (?, ?) "
                + "order by sequence", Long.class, lateIndex, earlyIndex);
        assertThat(chained).as("chained in index order, not commit order").containsExactly(lateIndex, earlyIndex);

        await().atMost(PATIENCE).until(() -> rows(early.projectId(), "EXPENDITURE") == 1);
        await().atMost(PATIENCE).until(() -> rows(late.projectId(), "EXPENDITURE") == 1);
        assertThat(projections.status(MoneyEventProjection.NAME).state()).isNotEqualTo("ERROR");
        assertThat(jdbc.queryForObject("""
                select count(*) from money_event m join domain_event_entry d on d.event_identifier = m.event_id
                where m.position <> d.global_index""", Long.class)).isZero();
    }

    private Project disbursedProject(FundingScenario funding) {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        return project;
    }

    private long expenditureIndex(String projectId) {
        return jdbc.queryForObject("""
                select max(global_index) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ExpenditureRecorded'""", Long.class, projectId);
    }

    private long rows(String projectId, String kind) {
        return jdbc.queryForObject("select count(*) from money_event where project_id = ? and kind = ?", Long.class,
                projectId, kind);
    }
}
