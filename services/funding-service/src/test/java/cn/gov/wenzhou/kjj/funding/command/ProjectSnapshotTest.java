package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A funded project is long-lived: it is snapshotted as it grows, and a project restored from its snapshot decides
 * exactly as the one built from its whole history. */
@FundingIntegrationTest
class ProjectSnapshotTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier(FundingCommandConfiguration.PROJECT_CACHE)
    Cache projectCache;

    @Test
    void aProjectWithHundredsOfExpendituresIsSnapshottedAndDecidesTheSameFromItsSnapshot() {
        FundingScenario funding = new FundingScenario(port);
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        for (int i = 0; i < 110; i++) {
            commands.sendAndWait(new RecordExpenditure(project.projectId(), UUID.randomUUID().toString(),
                    "OPERATING", 1_000L, "记-" + i, "耗材", BusinessCalendar.today(clock)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class,
                project.projectId()) > 0);

        projectCache.removeAll();
        // 400,000 fen of operating budget, 110,000 spent: the rest fits exactly, one fen more does not
        ok(funding.spend(project.projectId(), "OPERATING", 290_000L));
        projectCache.removeAll();
        assertThat(funding.spend(project.projectId(), "OPERATING", 1L).status()).isEqualTo(409);
    }
}
