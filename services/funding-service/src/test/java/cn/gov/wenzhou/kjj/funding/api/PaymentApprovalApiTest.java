package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.funding.command.DisbursementRequestExpiry;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Four-eyes payment approval through the API, on real PostgreSQL. */
@FundingIntegrationTest
class PaymentApprovalApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DisbursementRequestExpiry expiry;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void aPaymentIsARequestThatASecondPersonWithinTheirDelegationApprovesAndTheAuditTrailNamesBoth() {
        Project project = funding.signedProject();
        ApiClient.Response requested = funding.request(project.projectId(), 1, 200_000L);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().path("status").asText()).isEqualTo("AWAITING_APPROVAL");
        String requestId = requested.json().path("requestId").asText();
        String path = "/api/projects/" + project.projectId() + "/disbursement-requests/" + requestId;

        ApiClient.Response own = funding.officer.post(path + "/approval", "{}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().path("rule").asText()).isEqualTo("approval.own-request");
        ApiClient.Response undelegated = officer("officer-without-delegation").post(path + "/approval", "{}");
        assertThat(undelegated.status()).isEqualTo(409);
        assertThat(undelegated.json().path("rule").asText()).isEqualTo("approval.level-too-low");
        assertThat(paid(project.projectId())).isZero();

        funding.delegateApprover();
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.approver.get("/api/disbursement-requests/waiting")
                .json().findValuesAsText("requestId").contains(requestId));
        assertThat(funding.officer.get("/api/disbursement-requests/waiting").json().findValuesAsText("requestId"))
                .as("a requester's own requests are not in their queue").doesNotContain(requestId);
        ok(funding.approve(project.projectId(), requestId));

        assertThat(paid(project.projectId())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from money_event "
                + "where project_id = ? and kind = 'DISBURSEMENT'", Long.class, project.projectId()) == 1);
        assertThat(jdbc.queryForMap("select requested_by, approved_by from money_event where project_id = ? and "
                + "kind = 'DISBURSEMENT'", project.projectId()))
                .containsEntry("requested_by", "test-funding_officer")
                .containsEntry("approved_by", FundingScenario.APPROVER);
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(funding.auditor.get("/api/projects/"
                + project.projectId() + "/disbursement-requests").json().path(0).path("status").asText()));
        JsonNode history = ok(funding.auditor.get("/api/approver-delegations/" + FundingScenario.APPROVER
                + "/history")).json();
        assertThat(history.path(0).path("setBy").asText()).isEqualTo("test-funding_officer");
        assertThat(history.path(0).path("reason").asText()).isNotBlank();
    }

    @Test
    void anApprovalBeyondTheLimitIsA409AndAnEscalatedRequestWaitsForTheNextLevel() {
        Project project = funding.signedProject();
        funding.delegateApprover(); // level 1, up to 10,000,000 fen
        ok(funding.officer.put("/api/approver-delegations/" + FundingScenario.APPROVER, """
                {"level": 1, "limitFen": 100000, "reason": "试用期，限额十万分"}"""));
        String requestId = funding.request(project.projectId(), 1, 200_000L).json().path("requestId").asText();
        String path = "/api/projects/" + project.projectId() + "/disbursement-requests/" + requestId;

        ApiClient.Response beyond = funding.approve(project.projectId(), requestId);
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().path("rule").asText()).isEqualTo("approval.beyond-delegation-limit");
        ok(funding.approver.post(path + "/escalation", "{\"reason\": \"超出本人权限\"}"));
        ok(funding.approver.put("/api/approver-delegations/director", """
                {"level": 2, "limitFen": 100000000, "reason": "分管领导"}"""));
        ok(officer("director").post(path + "/approval", "{\"note\": \"同意\"}"));
        assertThat(paid(project.projectId())).isEqualTo(1);
        ok(funding.officer.put("/api/approver-delegations/" + FundingScenario.APPROVER, """
                {"level": 1, "limitFen": 10000000, "reason": "恢复限额"}"""));

        ApiClient.Response self = officer("director").put("/api/approver-delegations/director", """
                {"level": 3, "limitFen": 100000000000, "reason": "自己授权"}""");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().path("rule").asText()).isEqualTo("delegation.own-limit");
    }

    @Test
    void aRejectionRecordsTheReasonAndTwoConcurrentApprovalsPayOnce() throws Exception {
        Project project = funding.signedProject();
        funding.delegateApprover();
        String rejected = funding.request(project.projectId(), 1, 100_000L).json().path("requestId").asText();
        ApiClient.Response noReason = funding.approver.post("/api/projects/" + project.projectId()
                + "/disbursement-requests/" + rejected + "/rejection", "{\"reason\": \"\"}");
        assertThat(noReason.status()).isEqualTo(400);
        ok(funding.approver.post("/api/projects/" + project.projectId() + "/disbursement-requests/" + rejected
                + "/rejection", "{\"reason\": \"付款单据不全\"}"));

        ok(funding.officer.put("/api/approver-delegations/second-approver", """
                {"level": 1, "limitFen": 10000000, "reason": "科室负责人（B角）"}"""));
        String requestId = funding.request(project.projectId(), 1, 100_000L).json().path("requestId").asText();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> approvals = new ArrayList<>();
        try {
            for (ApiClient approver : List.of(funding.approver, officer("second-approver"))) {
                Callable<ApiClient.Response> approve = () -> {
                    start.await();
                    return approver.post("/api/projects/" + project.projectId() + "/disbursement-requests/"
                            + requestId + "/approval", "{}");
                };
                approvals.add(threads.submit(approve));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Response> approval : approvals) {
                statuses.add(approval.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            threads.shutdownNow();
        }
        assertThat(paid(project.projectId())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.auditor.get("/api/projects/" + project.projectId()
                + "/disbursement-requests").json().findValuesAsText("decisionReason").contains("付款单据不全"));
    }

    @Test
    void aRequestNotDecidedInTimeExpiresAndIsNotApprovedAnyMore() {
        Project project = funding.signedProject();
        funding.delegateApprover();
        String requestId = funding.request(project.projectId(), 1, 100_000L).json().path("requestId").asText();
        String requests = "/api/projects/" + project.projectId() + "/disbursement-requests";
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.auditor.get(requests).json().size() == 1);
        LocalDate expiresOn = LocalDate.parse(funding.auditor.get(requests).json().path(0).path("expiresOn").asText());

        assertThat(expiry.expire(expiresOn)).as("not before its expiry date").isZero();
        assertThat(expiry.expire(expiresOn.plusDays(1))).isEqualTo(1);

        ApiClient.Response late = funding.approve(project.projectId(), requestId);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("rule").asText()).isEqualTo("approval.not-pending");
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(
                funding.auditor.get(requests).json().path(0).path("status").asText()));
        assertThat(paid(project.projectId())).isZero();
    }

    private ApiClient officer(String subject) {
        return ApiClient.on(port).withToken(TestTokens.get().mint(subject, List.of(Role.FUNDING_OFFICER.name()),
                null));
    }

    private long paid(String projectId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%TrancheDisbursed'", Long.class, projectId);
    }
}
