package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.query.AuditFilter;
import cn.gov.wenzhou.kjj.funding.query.AuditTrail;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail at scale: 10,000 money events of one project, the most recent ones, among others (10,000 by default;
 * {@code -Dfunding.audit.scale-rows=100000} for the benchmark's 100,000), written inside a transaction that is
 * rolled back at the end (so no other test ever sees them and rebuilds stay exact). Checks that the first page of a
 * project is read through its index and that the exports stream every row; the timings are logged for the benchmark,
 * not asserted.
 */
@FundingIntegrationTest
class AuditTrailScaleTest {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailScaleTest.class);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;

    private static final int ROWS = Integer.getInteger("funding.audit.scale-rows", 20_000);

    @Test
    void aProjectsFirstPageIsReadInIndexOrderAndExportsStreamEveryRow() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("""
                    insert into money_event (position, event_id, project_id, call_id, recipient_credit_code, kind,
                        amount_fen, category, business_date, recorded_at, actor, actor_role, reason, document_ref,
                        parameter_version)
                    select 1000000000000 + i, 'scale-' || i,
                           case when i > ?::int - 10000 then 'scale-project' else 'scale-other-' || (i % 97) end,
                           'scale-call', '91330300MA2H7K8L0G', 'EXPENDITURE', 100 + i, 'OPERATING',
                           date '2025-01-01' + (i % 300), timestamp with time zone '2025-01-01 00:00:00+00'
                               + i * interval '1 second', 'test', 'FUNDING_OFFICER', '材料', '记-' || i, '2021.1'
                    from generate_series(1, ?::int) i""", ROWS, ROWS);
            jdbc.execute("analyze money_event");

            AuditFilter project = new AuditFilter("scale-project", null, null, null, null, null);
            trail.page(project, null, 50); // warm-up: plans and connection
            long started = System.nanoTime();
            AuditTrail.Page first = trail.page(project, null, 50);
            long pageMicros = (System.nanoTime() - started) / 1_000;
            assertThat(first.items()).hasSize(50);
            assertThat(first.nextCursor()).isNotNull();
            List<String> plan = jdbc.queryForList("explain select * from money_event where project_id between "
                    + "'scale-project' and 'scale-project' order by project_id, position limit 51", String.class);
            log.info("plan of a project's first page:\n{}", String.join("\n", plan));
            // read in index order, stopping after the page: never a scan of the whole table, never a sort
            assertThat(String.join("\n", plan)).contains("Index Scan using money_event_by_project")
                    .doesNotContain("Sort");

            AuditFilter all = new AuditFilter(null, null, "scale-call", null, null, null);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            CountingStream csv = new CountingStream();
            started = System.nanoTime();
            try {
                MoneyEventExport.csv(trail, all, csv);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            long csvMillis = (System.nanoTime() - started) / 1_000_000;
            long heapAfterCsv = runtime.totalMemory() - runtime.freeMemory();
            assertThat(csv.lines).isEqualTo(ROWS + 1);

            CountingStream xlsx = new CountingStream();
            started = System.nanoTime();
            try {
                MoneyEventExport.xlsx(trail, project, xlsx);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            long xlsxMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(xlsx.bytes).isGreaterThan(100_000);
            log.info("audit trail at {} money events: first page of a 10,000-event project in {} us; "
                            + "CSV of {} rows {} bytes in {} ms (heap {} MB before, {} MB after); "
                            + "XLSX of the project's 10,000 rows {} bytes in {} ms; max heap {} MB",
                    ROWS, pageMicros, ROWS, csv.bytes, csvMillis, heapBefore >> 20, heapAfterCsv >> 20, xlsx.bytes, xlsxMillis,
                    runtime.maxMemory() >> 20);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from money_event where call_id = 'scale-call'", Long.class))
                .isZero();
    }

    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
