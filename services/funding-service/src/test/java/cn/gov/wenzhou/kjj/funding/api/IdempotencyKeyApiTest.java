package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key is its caller's own, and it expires after the documented retention (24 hours). */
@FundingIntegrationTest
class IdempotencyKeyApiTest {

    private static final String SPEND = """
            {"category": "OPERATING", "amountFen": 1000, "voucherRef": "记-幂等", "purpose": "采购"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyProperties idempotency;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void aKeyAnotherCallerAlreadyUsedIsNotAReplayOfThatCallersAnswer() {
        Project project = spendable();
        String key = UUID.randomUUID().toString();
        ApiClient first = funding.officer.header(IdempotentRequests.HEADER, key);
        ApiClient second = ApiClient.on(port).withToken(TestTokens.get().mint("another-officer",
                List.of("FUNDING_OFFICER"), null)).header(IdempotentRequests.HEADER, key);

        ApiClient.Response mine = ok(first.post(expenditures(project), SPEND));
        ApiClient.Response theirs = ok(second.post(expenditures(project), SPEND));

        assertThat(theirs.headers().getFirst(IdempotentRequests.REPLAYED)).isNull();
        assertThat(theirs.json().path("expenditureId").asText())
                .isNotEqualTo(mine.json().path("expenditureId").asText());
        assertThat(expendituresOf(project)).isEqualTo(2);
        assertThat(ok(first.post(expenditures(project), SPEND)).headers().getFirst(IdempotentRequests.REPLAYED))
                .isEqualTo("true");
        assertThat(expendituresOf(project)).isEqualTo(2);
    }

    @Test
    void aKeyOlderThanTheRetentionIsFreeAgain() {
        assertThat(idempotency.retention()).hasHours(24);
        Project project = spendable();
        String key = UUID.randomUUID().toString();
        ApiClient keyed = funding.officer.header(IdempotentRequests.HEADER, key);
        ok(keyed.post(expenditures(project), SPEND));
        jdbc.update("update idempotency_record set created_at = created_at - interval '25 hours' "
                + "where idempotency_key = ?", key);

        ApiClient.Response again = ok(keyed.post(expenditures(project), SPEND));

        assertThat(again.headers().getFirst(IdempotentRequests.REPLAYED)).isNull();
        assertThat(expendituresOf(project)).isEqualTo(2);
        assertThat(ok(keyed.post(expenditures(project), SPEND)).headers().getFirst(IdempotentRequests.REPLAYED))
                .as("within the retention of its new use, the key replays again").isEqualTo("true");
    }

    private Project spendable() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        return project;
    }

    private static String expenditures(Project project) {
        return "/api/projects/" + project.projectId() + "/expenditures";
    }

    private long expendituresOf(Project project) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%ExpenditureRecorded'", Long.class, project.projectId());
    }
}
