package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance auditor's and the operator's desks against stubbed services (the talent service is down). */
@ConsoleTest
class FinanceAndOperationsPagesTest extends ConsoleTestSupport {

    private static final String ROW = """
            {"position": %d, "eventId": "e%d", "projectId": "proj-1", "callId": "call-1",
             "recipientCreditCode": "91330300MA2H7K8L0G", "platformId": null, "kind": "%s", "amountFen": %d,
             "category": "OPERATING", "counterCategory": null, "trancheNumber": null, "businessDate": "2025-03-01",
             "recordedAt": "2025-03-01T02:00:00Z", "actor": "funding.officer", "actorRole": "FUNDING_OFFICER",
             "reason": "材料", "documentRef": "记-1", "parameterVersion": "2021.1"}""";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void funding() {
        BACKEND.answer("GET", "/api/calls", 200, """
                [{"callId": "call-1", "year": 2025, "title": "2025年度揭榜挂帅"}]""");
        BACKEND.answer("GET", "/api/audit/totals", 200, """
                {"AWARD": {"amountFen": 100000000, "count": 1}, "DISBURSEMENT": {"amountFen": 50000000, "count": 1},
                 "EXPENDITURE": {"amountFen": 30000001, "count": 2}}""");
        BACKEND.answer("GET", "/api/audit/reconciliation", 200, """
                {"projects": 1, "awardFen": 100000000, "disbursedFen": 50000000, "undisbursedFen": 50000000,
                 "spentFen": 30000001, "recoveredFen": 0, "balanceFen": 19999999, "reconciled": true,
                 "lines": [{"projectId": "proj-1", "status": "ACTIVE", "awardFen": 100000000,
                   "disbursedFen": 50000000, "undisbursedFen": 50000000, "spentFen": 30000001, "recoveredFen": 0,
                   "balanceFen": 19999999, "balanceSettled": false, "reconciled": true, "breaks": []}]}""");
    }

    @Test
    void theAuditTrailsCallsOnTheConsolesCallThreadsEachCarryTheUsersToken() throws Exception {
        BACKEND.answer("GET", "/api/audit/money-events", 200, "{\"items\": [" + ROW.formatted(1, 1, "EXPENDITURE",
                10000001) + "], \"nextCursor\": null}");
        int before = BACKEND.requests().size();
        mvc.perform(get("/finance/audit-trail").param("projectId", "proj-1").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk());
        List<StubBackend.Request> sent = BACKEND.requests().subList(before, BACKEND.requests().size());
        assertThat(sent).extracting(StubBackend.Request::path).contains("/api/calls", "/api/audit/money-events",
                "/api/audit/totals", "/api/audit/reconciliation");
        // made on the console's call threads, each still as the signed-in user
        assertThat(sent).allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer access-token"));
    }

    @Test
    void theAuditTrailKeepsRunningTotalsFromPageToPage() throws Exception {
        BACKEND.answer("GET", "/api/audit/money-events", 200, "{\"items\": [" + ROW.formatted(1, 1, "EXPENDITURE",
                10000001) + "], \"nextCursor\": \"1\"}");
        MvcResult first = mvc.perform(get("/finance/audit-trail").param("projectId", "proj-1")
                .with(as("FINANCE_AUDITOR"))).andExpect(status().isOk()).andReturn();
        String page = first.getResponse().getContentAsString();
        assertThat(page).contains("100,000.01").contains("/finance/audit-trail?projectId=proj-1&amp;after=1")
                .contains("300,000.01").doesNotContain("id=\"running-from-here\"");
        assertThat(BACKEND.requestsTo("/api/audit/money-events").get(BACKEND.requestsTo("/api/audit/money-events")
                .size() - 1).query()).isEqualTo("projectId=proj-1&limit=50");

        BACKEND.answer("GET", "/api/audit/money-events", 200, "{\"items\": [" + ROW.formatted(2, 2, "EXPENDITURE",
                20000000) + "], \"nextCursor\": null}");
        String second = mvc.perform(get("/finance/audit-trail").param("projectId", "proj-1").param("after", "1")
                        .session((MockHttpSession) first.getRequest().getSession()).with(as("FINANCE_AUDITOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("<td class=\"num running\">300,000.01</td>").doesNotContain("running-from-here");

        String bookmarked = mvc.perform(get("/finance/audit-trail").param("projectId", "proj-1").param("after", "1")
                .with(as("FINANCE_AUDITOR"))).andReturn().getResponse().getContentAsString();
        assertThat(bookmarked).contains("id=\"running-from-here\"")
                .contains("<td class=\"num running\">200,000.00</td>");
    }

    @Test
    void theIdentitiesOfTheReconciliationAreShownHoldingOrNotToTheFen() throws Exception {
        BACKEND.answer("GET", "/api/audit/money-events", 200, "{\"items\": [], \"nextCursor\": null}");
        String page = mvc.perform(get("/finance/audit-trail").param("projectId", "proj-1")
                .with(as("FINANCE_AUDITOR"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("资助额 = 已拨付 + 未拨付").contains("✓ 成立").doesNotContain("✗");

        BACKEND.answer("GET", "/api/audit/reconciliation", 200, """
                {"projects": 1, "awardFen": 100000000, "disbursedFen": 50000000, "undisbursedFen": 50000000,
                 "spentFen": 30000001, "recoveredFen": 0, "balanceFen": 19999998, "reconciled": false,
                 "lines": [{"projectId": "proj-1", "reconciled": false,
                   "breaks": ["disbursed != spent + recovered + balance"]}]}""");
        String broken = mvc.perform(get("/finance/audit-trail").param("projectId", "proj-1")
                .with(as("FINANCE_AUDITOR"))).andReturn().getResponse().getContentAsString();
        assertThat(broken).contains("✗ 不成立，差额 0.01 元").contains("disbursed != spent + recovered + balance");
    }

    @Test
    void theWholeTrailHasNoReconciliationToShowButItsTotals() throws Exception {
        BACKEND.answer("GET", "/api/audit/money-events", 200, "{\"items\": [" + ROW.formatted(3, 3, "DISBURSEMENT",
                50000000) + "], \"nextCursor\": null}");
        String page = mvc.perform(get("/finance/audit-trail").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("id=\"reconciliation\"").contains("id=\"totals\"").contains("500,000.00")
                .contains("2025年度揭榜挂帅");
    }

    @Test
    void aPaymentOfTheTrailShowsWhoRequestedAndWhoApprovedIt() throws Exception {
        String paid = ROW.formatted(4, 4, "DISBURSEMENT", 50000000).replace("\"parameterVersion\": \"2021.1\"}",
                "\"parameterVersion\": \"2021.1\", \"requestedBy\": \"funding.clerk\", "
                        + "\"approvedBy\": \"funding.officer\"}");
        BACKEND.answer("GET", "/api/audit/money-events", 200, "{\"items\": [" + paid + ", "
                + ROW.formatted(5, 5, "EXPENDITURE", 100) + "], \"nextCursor\": null}");
        String page = mvc.perform(get("/finance/audit-trail").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("申请：funding.clerk；审批：funding.officer");
        assertThat(page.split("class=\"approval hint\"", -1)).hasSize(2);
    }

    @Test
    void theExportsStreamExactlyTheFilteredRowsFromFundingService() throws Exception {
        BACKEND.answer("GET", "/api/audit/money-events.csv", 200, "text/csv;charset=UTF-8",
                "position,kind\n1,EXPENDITURE\n");
        MvcResult csv = mvc.perform(get("/finance/audit-trail.csv").param("projectId", "proj-1")
                        .param("kind", "EXPENDITURE").param("from", "2025-01-01").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn();
        assertThat(csv.getResponse().getContentAsString()).isEqualTo("position,kind\n1,EXPENDITURE\n");
        assertThat(BACKEND.requestsTo("/api/audit/money-events.csv").get(0).query())
                .isEqualTo("projectId=proj-1&from=2025-01-01&kind=EXPENDITURE");
    }

    @Test
    void theLedgerPageShowsTheSignedHeadTheChainsLagAndTheVerifiersThreeDownloads() throws Exception {
        BACKEND.answer("GET", "/api/audit/ledger/head", 200, """
                {"sequence": 42, "entryHash": "ab12", "rootHash": "cd34", "at": "2026-12-02T10:00:00Z",
                 "algorithm": "Ed25519", "keyId": "k-1", "publicKey": "MCow", "signature": "c2ln"}""");
        BACKEND.answer("GET", "/api/audit/ledger/status", 200, """
                {"sequence": 42, "unchained": 3, "unchainedAtLeast": false,
                 "oldestUnchainedStoredAt": "2026-12-02T10:00:00Z", "waitedSeconds": 95, "behind": true}""");
        String page = mvc.perform(get("/finance/ledger").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"head-sequence\" class=\"num\">42<").contains(">ab12<").contains(">cd34<")
                .contains("3 笔资金事件等待入链，最早的已等待 95 秒").contains("class=\"bad\"")
                .contains("href=\"/finance/ledger/head.json\"").contains("href=\"/finance/ledger/public-key.pem\"")
                .contains("href=\"/finance/ledger/ledger.jsonl\"").contains("java -jar ledger-verifier.jar --head");

        BACKEND.answer("GET", "/api/audit/ledger/export", 200, "application/x-ndjson;charset=UTF-8",
                "{\"entry\":\"{}\",\"entryHash\":\"ab12\"}\n");
        MvcResult export = mvc.perform(get("/finance/ledger/ledger.jsonl").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ledger.jsonl\""))
                .andReturn();
        assertThat(export.getResponse().getContentAsString()).isEqualTo("{\"entry\":\"{}\",\"entryHash\":\"ab12\"}\n");
        assertThat(BACKEND.requestsTo("/api/audit/ledger/export")).last()
                .satisfies(sent -> assertThat(sent.authorization()).isEqualTo("Bearer access-token"));
    }

    @Test
    void aBadPeriodIsMarkedAtItsField() throws Exception {
        BACKEND.answer("GET", "/api/audit/money-events", 400, """
                {"status": 400, "errors": [{"field": "to", "message": "must not be before 'from'"}]}""");
        String page = mvc.perform(get("/finance/audit-trail").param("from", "2025-02-01").param("to", "2025-01-01")
                        .with(as("FINANCE_AUDITOR")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"to-problem\"").contains("must not be before &#39;from&#39;");
    }

    @Test
    void operationsShowEveryServicesProjectionsAndTheOneThatIsDownWhileTheOthersWork() throws Exception {
        BACKEND.answer("GET", "/ops/projections", 200, """
                [{"name": "platform-summary", "state": "RUNNING", "position": 41, "head": 42, "lag": 1,
                  "replaying": false, "rebuild": null, "error": null},
                 {"name": "kafka-publisher", "state": "RUNNING", "position": 42, "head": 42, "lag": 0,
                  "replaying": false, "rebuild": null, "error": null}]""");
        BACKEND.answer("GET", "/actuator/health", 200, "{\"status\": \"UP\"}");
        String page = mvc.perform(get("/operations").with(as("OPERATOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"projection-platform-registry-platform-summary\"")
                .contains("id=\"projections-talent-pool-service\"").contains("该服务暂时无法访问")
                .contains("无法访问").contains("不可重建");
    }

    @Test
    void aPageWhoseServiceIsDownSaysWhichServiceItIs() throws Exception {
        String page = mvc.perform(get("/operations/talent-pool-service/projections/talent-enrollments")
                        .with(as("OPERATOR")))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("人才编制池服务（talent-pool-service）暂时没有响应").contains("其他部分照常可用")
                .doesNotContain("Exception");
        mvc.perform(get("/finance/audit-trail").with(as("FINANCE_AUDITOR"))).andExpect(status().isOk());
    }

    @Test
    void aRebuildStartsAndItsRowPollsUntilTheProjectionHasCaughtUp() throws Exception {
        BACKEND.answer("POST", "/ops/projections/platform-summary/rebuild", 202, """
                {"name": "platform-summary", "state": "REBUILDING"}""");
        BACKEND.answer("GET", "/ops/projections/platform-summary", 200, """
                {"name": "platform-summary", "state": "REBUILDING", "position": 10, "head": 42, "lag": 32,
                 "replaying": true, "rebuild": {"startedAt": "2026-12-01T08:00:00Z", "targetPosition": 42,
                 "percent": 23.8, "eventsPerSecond": 1500.0, "finishedAt": null}, "error": null}""");
        String row = mvc.perform(post("/operations/platform-registry/projections/platform-summary/rebuild")
                        .header("HX-Request", "true").with(as("OPERATOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row).contains("hx-trigger=\"every 1s\"").contains("<progress max=\"100\" value=\"23.8\"")
                .contains("重建中 23.8%");

        BACKEND.answer("GET", "/ops/projections/platform-summary", 200, """
                {"name": "platform-summary", "state": "RUNNING", "position": 42, "head": 42, "lag": 0,
                 "replaying": true, "rebuild": {"startedAt": "2026-12-01T08:00:00Z", "targetPosition": 42,
                 "percent": 100.0, "eventsPerSecond": 1500.0, "finishedAt": "2026-12-01T08:00:02Z"}, "error": null}""");
        String done = mvc.perform(get("/operations/platform-registry/projections/platform-summary")
                .with(as("OPERATOR"))).andReturn().getResponse().getContentAsString();
        assertThat(done).doesNotContain("hx-trigger").contains("value=\"100\"").contains("重建完成");
    }
}
