package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The funding officer's desk against a stubbed funding-service: calls, ranking reasons, projects, approvals. */
@ConsoleTest
class FundingDeskPagesTest extends ConsoleTestSupport {

    private static final String LEAD = "91330300MA2H7K8L0G";
    private static final String OTHER = "91330300MA2H7K8L1E";
    private static final String PLATFORM = "12330300MB1234567M";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void funding() {
        BACKEND.answer("GET", "/api/calls", 200, """
                [{"callId": "call-1", "year": 2026, "title": "2026年度揭榜挂帅", "status": "RANKED", "demands": 1,
                  "listedDemands": 1, "applications": 2, "awards": 0}]""");
        BACKEND.answer("GET", "/api/calls/call-1", 200, """
                {"callId": "call-1", "year": 2026, "title": "2026年度揭榜挂帅", "status": "RANKED", "demands": 1,
                 "listedDemands": 1, "applications": 2, "awards": 0, "rankedOn": "2026-05-01"}""");
        BACKEND.answer("GET", "/api/calls/call-1/demands", 200, """
                [{"demandId": "d-1", "callId": "call-1", "enterpriseCreditCode": "%s", "enterpriseTier": "LEADING",
                  "title": "泵阀密封<b>可靠性</b>", "industry": null, "description": null,
                  "budgetCeilingFen": 300000000, "submittedOn": "2026-02-01", "status": "LISTED",
                  "curationNote": null}]"""
                .formatted(LEAD));
        BACKEND.answer("GET", "/api/calls/call-1/applications", 200, """
                [{"applicationId": "a-single", "callId": "call-1", "demandId": "d-1", "title": "单独攻关",
                  "leadCreditCode": "%2$s", "joint": false, "members": [{"creditCode": "%2$s", "tier": "LEADING",
                  "platformId": null, "confirmedOn": "2026-03-01"}], "requestedFen": 100000000, "status": "RANKED",
                  "expertScores": 3, "meanScore": 85.00, "priority": false, "rankInDemand": 2,
                  "countsAsJoint": false, "rankedAsJoint": false, "declineReason": null, "projectId": null},
                 {"applicationId": "a-joint", "callId": "call-1", "demandId": "d-1", "title": "联合攻关",
                  "leadCreditCode": "%1$s", "joint": true, "members": [{"creditCode": "%1$s", "tier": "LEADING",
                  "platformId": null, "confirmedOn": "2026-03-01"}, {"creditCode": "%3$s", "tier": null,
                  "platformId": "pf-1", "confirmedOn": "2026-03-02"}], "requestedFen": 100000000,
                  "status": "RANKED", "expertScores": 3, "meanScore": 85.00, "priority": true, "rankInDemand": 1,
                  "countsAsJoint": true, "rankedAsJoint": true, "declineReason": null, "projectId": null}]""".formatted(LEAD, OTHER, PLATFORM));
        BACKEND.answer("GET", "/api/calls/call-1/ranking", 200, """
                {"callId": "call-1", "rankedOn": "2026-05-01", "parameterVersion": "2021.1", "equalScoreBand": 0.00,
                 "platformStandings": {"pf-1": "RECOGNIZED"}, "enterpriseTiers": {"%s": "LEADING", "%s": "LEADING"}}"""
                .formatted(LEAD, OTHER));
        BACKEND.answer("GET", "/api/funding-parameters", 200, """
                {"rules": [{"version": "2021.1", "effectiveFrom": "2021-01-01", "categoryScheme": "THREE"}],
                 "categorySchemes": [{"version": "THREE", "categories": [{"code": "EQUIPMENT"}, {"code": "OPERATING"},
                  {"code": "LABOUR"}, {"code": "INDIRECT"}]}]}""");
        BACKEND.answer("GET", "/api/projects/proj-1", 200, """
                {"projectId": "proj-1", "callId": "call-1", "title": "联合攻关", "recipientCreditCode": "%s",
                 "status": "ACTIVE", "awardFen": 100000000, "coFundingFen": 0, "disbursedFen": 0,
                 "undisbursedFen": 100000000, "spentFen": 0, "recoveredFen": 0, "balanceFen": 0,
                 "parameterVersion": "2021.1", "categoryScheme": "THREE", "contractSignedOn": "2026-05-10",
                 "midTermPassedOn": null, "acceptancePassed": null, "closedOn": null, "settledBalanceFen": null,
                 "balanceDisposition": null, "awardedOn": "2026-05-05",
                 "budget": [{"category": "OPERATING", "kind": "DIRECT", "budgetFen": 80000000, "spentFen": 0,
                   "availableFen": 80000000}, {"category": "LABOUR", "kind": "DIRECT", "budgetFen": 10000000,
                   "spentFen": 0, "availableFen": 10000000}, {"category": "INDIRECT", "kind": "INDIRECT",
                   "budgetFen": 10000000, "spentFen": 0, "availableFen": 10000000}],
                 "tranches": [{"number": 1, "milestone": "CONTRACT", "percent": 50, "plannedFen": 50000000,
                   "paidFen": 0}]}""".formatted(LEAD));
        BACKEND.answer("GET", "/api/projects/proj-1/obligations", 200, """
                {"projectId": "proj-1", "reportingVersion": "2021.1", "onHold": true,
                 "obligations": [{"obligationId": "PROGRESS-1", "kind": "PROGRESS", "kindName": "进展报告",
                   "dueOn": "2026-11-10", "cycle": 1, "status": "DUE", "overdue": true, "overdueOn": "2026-11-26",
                   "onHold": true, "escalatedOn": null, "suspensionProposedOn": null, "submittedOn": null,
                   "documentSha256": null, "reference": null, "decidedOn": null, "returnReason": null},
                  {"obligationId": "MID_TERM", "kind": "MID_TERM", "kindName": "中期报告", "dueOn": "2027-11-10",
                   "cycle": 1, "status": "DUE", "overdue": false, "overdueOn": null, "onHold": false,
                   "escalatedOn": null, "suspensionProposedOn": null, "submittedOn": null, "documentSha256": null,
                   "reference": null, "decidedOn": null, "returnReason": null}],
                 "holds": [{"projectId": "proj-1", "recipientCreditCode": "%1$s", "obligationId": "PROGRESS-1",
                   "kind": "PROGRESS", "kindName": "进展报告", "dueOn": "2026-11-10", "startedOn": "2026-11-26",
                   "liftedOn": null, "liftReason": null, "reportingVersion": "2021.1"},
                  {"projectId": "proj-1", "recipientCreditCode": "%1$s", "obligationId": "ANNUAL_FINANCIAL-2025",
                   "kind": "ANNUAL_FINANCIAL", "kindName": "年度财务报告", "dueOn": "2026-03-31",
                   "startedOn": "2026-04-16", "liftedOn": "2026-04-20", "liftReason": "REPORT_ACCEPTED",
                   "reportingVersion": "2021.1"}]}""".formatted(LEAD));
        BACKEND.answer("GET", "/api/reporting/overdue", 200, """
                [{"projectId": "proj-1", "title": "联合攻关<script>", "recipientCreditCode": "%s",
                  "projectStatus": "ACTIVE", "obligationId": "PROGRESS-1", "kind": "PROGRESS", "kindName": "进展报告",
                  "dueOn": "2026-11-10", "overdueOn": "2026-11-26", "status": "DUE", "escalatedOn": "2026-12-26",
                  "suspensionProposedOn": null}]""".formatted(LEAD));
        BACKEND.answer("GET", "/api/reporting/suspension-proposals", 200, "[]");
        BACKEND.answer("GET", "/api/projects/proj-1/disbursement-requests", 200, """
                [{"requestId": "r-1", "projectId": "proj-1", "trancheNumber": 1, "amountFen": 50000000,
                  "documentRef": "温财拨1", "requestedBy": "funding.clerk", "requestedOn": "2026-05-11",
                  "expiresOn": "2026-05-25", "level": 1, "status": "APPROVED", "decidedBy": "funding.officer",
                  "decidedOn": "2026-05-12", "decisionReason": "同意"}]""");
    }

    @Test
    void theRankingSaysWhyEachBidStandsWhereItDoesAndThatThePriorityRuleDecidedTheTie() throws Exception {
        String page = mvc.perform(get("/funding/calls/call-1").with(as("FUNDING_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("data-application=\"a-joint\"")).isLessThan(page.indexOf(
                "data-application=\"a-single\""));
        assertThat(page).contains("专家平均分 85（3 位专家）")
                .contains("享受同等条件优先：龙头骨干企业牵头，联合已认定平台 " + PLATFORM + "（已认定）")
                .contains("不享受优先：单独申报，或合作方尚未确认")
                .contains("与“单独攻关”得分差不超过 0 分，视为同等条件，按优先规则排在其前")
                .contains("平台（登记机关报告：已认定）")
                .contains("泵阀密封&lt;b&gt;可靠性&lt;/b&gt;").doesNotContain("<b>可靠性</b>");
    }

    @Test
    void anAwardSendsTheBudgetByCategoryInFenAndTheFormsKeyAndItsPageWaitsForTheNewProject() throws Exception {
        BACKEND.answer("POST", "/api/calls/call-1/applications/a-joint/award", 201, """
                {"projectId": "proj-1", "parameterVersion": "2021.1"}""");
        BACKEND.answerFirst(2, "GET", "/api/projects/proj-1", 404, "{\"status\": 404}");
        int readsBefore = BACKEND.requestsTo("/api/projects/proj-1").size();
        mvc.perform(post("/funding/calls/call-1/commands/award/a-joint").with(as("FUNDING_OFFICER")).with(csrf())
                        .param("idempotencyKey", "key-award-1").param("award", "1,000,000")
                        .param("coFunding", "0").param("budget.OPERATING", "800000").param("budget.LABOUR", "100000")
                        .param("budget.INDIRECT", "100000.00").param("budget.EQUIPMENT", "")
                        .param("documentRef", "温科项1"))
                .andExpect(redirectedUrl("/funding/projects/proj-1?done=award"));
        // two answers "not yet", then the project: the redirect came once funding could show it
        assertThat(BACKEND.requestsTo("/api/projects/proj-1").size() - readsBefore).isEqualTo(3);
        StubBackend.Request sent = last("/api/calls/call-1/applications/a-joint/award");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("key-award-1");
        assertThat(sent.body()).isEqualTo("{\"awardFen\":100000000,\"coFundingFen\":0,\"budget\":["
                + "{\"category\":\"OPERATING\",\"amountFen\":80000000},{\"category\":\"LABOUR\",\"amountFen\":10000000},"
                + "{\"category\":\"INDIRECT\",\"amountFen\":10000000}],\"documentRef\":\"温科项1\"}");
    }

    @Test
    void aDisbursementFormSentTwiceSendsTheSameIdempotencyKeyBothTimes() throws Exception {
        String page = mvc.perform(get("/funding/projects/proj-1").with(as("FUNDING_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String key = keyOf(page, "disbursement-form");
        assertThat(key).isNotEqualTo(keyOf(page, "expenditure-form"));
        BACKEND.answer("POST", "/api/projects/proj-1/disbursements", 202, """
                {"projectId": "proj-1", "trancheNumber": 1, "requestId": "r-2", "status": "AWAITING_APPROVAL"}""");
        int before = BACKEND.requestsTo("/api/projects/proj-1/disbursements").size();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/funding/projects/proj-1/commands/disbursement").with(as("FUNDING_OFFICER"))
                            .with(csrf()).param("idempotencyKey", key).param("trancheNumber", "1")
                            .param("amount", "300,000.00").param("documentRef", "温财拨2"))
                    .andExpect(redirectedUrl("/funding/projects/proj-1?done=disbursement&request=r-2"));
        }
        List<StubBackend.Request> sent = BACKEND.requestsTo("/api/projects/proj-1/disbursements");
        assertThat(sent.subList(before, sent.size())).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("Idempotency-Key")).isEqualTo(key);
            assertThat(request.body()).isEqualTo(
                    "{\"trancheNumber\":\"1\",\"amountFen\":30000000,\"documentRef\":\"温财拨2\"}");
        });
        assertThat(page).contains("id=\"approval-chain\"").contains("funding.clerk").contains("funding.officer")
                .contains("已同意并拨付").contains("id=\"budget-adjustment-form-rule\"");
    }

    @Test
    void anExpenditureOverItsCategorysBudgetIsRefusedAtTheAmountWithTheRule() throws Exception {
        BACKEND.answer("POST", "/api/projects/proj-1/expenditures", 409, """
                {"status": 409, "rule": "expenditure.exceeds-category-budget",
                 "detail": "category LABOUR has 10000000 fen of budget left"}""");
        String page = mvc.perform(post("/funding/projects/proj-1/commands/expenditure").with(as("FUNDING_OFFICER"))
                        .with(csrf()).param("idempotencyKey", "k-e").param("category", "LABOUR")
                        .param("amount", "150000").param("voucherRef", "记-1").param("purpose", "劳务"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"amount-problem\"")
                .contains("支出超过该科目的预算余额。 (expenditure.exceeds-category-budget)")
                .contains("value=\"150000\"").contains("value=\"k-e\"");
        assertThat(page).containsPattern("id=\"expenditure-form-amount\"[^>]*aria-invalid=\"true\" autofocus=\"autofocus\"");
    }

    @Test
    void theApprovalQueueSendsTheDecisionAndAForgedFormReachesNoService() throws Exception {
        BACKEND.answer("GET", "/api/disbursement-requests/waiting", 200, """
                [{"requestId": "r-3", "projectId": "proj-1", "trancheNumber": 1, "amountFen": 20000000,
                  "documentRef": "温财拨3", "requestedBy": "funding-officer", "requestedOn": "2026-05-11",
                  "expiresOn": "2026-05-25", "level": 1, "status": "PENDING", "decidedBy": null, "decidedOn": null,
                  "decisionReason": null, "reason": null, "approvalVersion": "2021.1"}]""");
        String page = mvc.perform(get("/funding/approvals").with(as("FUNDING_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-request=\"r-3\"").contains("200,000.00").contains("同意拨付");

        BACKEND.answer("POST", "/api/projects/proj-1/disbursement-requests/r-3/approval", 409, """
                {"status": 409, "rule": "approval.own-request", "detail": "the requester never approves"}""");
        String refused = mvc.perform(post("/funding/approvals/proj-1/r-3/approval").with(as("FUNDING_OFFICER"))
                        .with(csrf()).param("note", "同意"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("申请人不能审批自己提出的拨付申请（双人复核）。").contains("approval.own-request");

        int before = BACKEND.requestsTo("/api/projects/proj-1/disbursement-requests/r-3/rejection").size();
        mvc.perform(post("/funding/approvals/proj-1/r-3/rejection").with(as("FUNDING_OFFICER"))
                .param("reason", "伪造")).andExpect(status().isForbidden());
        assertThat(BACKEND.requestsTo("/api/projects/proj-1/disbursement-requests/r-3/rejection")).hasSize(before);

        BACKEND.answer("PUT", "/api/approver-delegations/funding-officer", 200, "{}");
        mvc.perform(post("/funding/delegations").with(as("FUNDING_OFFICER")).with(csrf())
                        .param("approver", "funding-officer").param("level", "1").param("limit", "1,000,000")
                        .param("reason", "授权"))
                .andExpect(redirectedUrl("/funding/approvals?done=delegation"));
        assertThat(last("/api/approver-delegations/funding-officer").body())
                .isEqualTo("{\"level\":\"1\",\"limitFen\":100000000,\"reason\":\"授权\"}");
    }

    @Test
    void theFinanceDeskShowsEachPaymentsApprovalChainAndOtherRolesAreNotAllowedTheFundingDesk() throws Exception {
        BACKEND.answer("GET", "/api/audit/reconciliation", 200, """
                {"projects": 1, "awardFen": 100000000, "disbursedFen": 0, "undisbursedFen": 100000000, "spentFen": 0,
                 "recoveredFen": 0, "balanceFen": 0, "reconciled": true,
                 "lines": [{"projectId": "proj-1", "reconciled": true, "status": "ACTIVE", "balanceSettled": false, "awardFen": 100000000, "disbursedFen": 0,
                  "undisbursedFen": 100000000, "spentFen": 0, "recoveredFen": 0, "balanceFen": 0, "breaks": []}]}""");
        String page = mvc.perform(get("/finance/projects/proj-1").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"approval-chain\"").contains("<td class=\"requested-by\">funding.clerk</td>")
                .contains("<td class=\"decided-by\">funding.officer</td>");
        mvc.perform(get("/funding/projects/proj-1").with(as("FINANCE_AUDITOR"))).andExpect(status().isForbidden());
        BACKEND.answer("GET", "/api/projects", 200, "[]");
        String projects = mvc.perform(get("/funding/projects").param("status", "ACTIVE").param("recipient", LEAD)
                .with(as("FUNDING_OFFICER"))).andReturn().getResponse().getContentAsString();
        assertThat(last("/api/projects").query()).isEqualTo("status=ACTIVE&recipient=" + LEAD);
        assertThat(projects).contains("id=\"project-filters\"");
    }

    @Test
    void theProjectPageShowsEachReportWithItsStatusAndTheHoldsWithWhenTheyStartedAndEnded() throws Exception {
        String page = mvc.perform(get("/funding/projects/proj-1").with(as("FUNDING_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"obligations\"").contains("报告义务").contains("id=\"hold-status\"")
                .contains("拨付已暂停：有逾期报告")
                .contains("data-obligation=\"PROGRESS-1\" data-status=\"DUE\" data-on-hold=\"true\"")
                .contains("data-obligation=\"MID_TERM\" data-status=\"DUE\" data-on-hold=\"false\"")
                .contains("进展报告").contains("中期报告").contains("待报送")
                .contains("data-hold=\"PROGRESS-1\"").contains("仍在暂停")
                .contains("data-hold=\"ANNUAL_FINANCIAL-2025\" data-lifted=\"2026-04-20\"").contains("报告审核通过")
                .contains("id=\"form-report-acceptance\"").contains("id=\"form-report-return\"");
        BACKEND.answer("GET", "/api/audit/reconciliation", 200, """
                {"projects": 1, "awardFen": 100000000, "disbursedFen": 0, "undisbursedFen": 100000000, "spentFen": 0,
                 "recoveredFen": 0, "balanceFen": 0, "reconciled": true,
                 "lines": [{"projectId": "proj-1", "reconciled": true, "status": "ACTIVE", "balanceSettled": false,
                  "awardFen": 100000000, "disbursedFen": 0, "undisbursedFen": 100000000, "spentFen": 0,
                  "recoveredFen": 0, "balanceFen": 0, "breaks": []}]}""");
        String finance = mvc.perform(get("/finance/projects/proj-1").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(finance).contains("id=\"obligations\"").contains("data-hold=\"PROGRESS-1\"");
    }

    @Test
    void acceptingAReportSendsItToItsObligationsPathWithTheNoteAndNoIdInTheBody() throws Exception {
        BACKEND.answer("POST", "/api/projects/proj-1/obligations/PROGRESS-1/acceptance", 200, """
                {"projectId": "proj-1", "obligationId": "PROGRESS-1", "status": "ACCEPTED"}""");
        mvc.perform(post("/funding/projects/proj-1/commands/report-acceptance").with(as("FUNDING_OFFICER"))
                        .with(csrf()).param("obligationId", "PROGRESS-1").param("note", "补交合格"))
                .andExpect(redirectedUrl("/funding/projects/proj-1?done=report-acceptance"));
        assertThat(last("/api/projects/proj-1/obligations/PROGRESS-1/acceptance").body())
                .isEqualTo("{\"note\":\"补交合格\"}");
    }

    @Test
    void theFundingAndFinanceDesksListTheOverdueReportsEscaped() throws Exception {
        BACKEND.answer("GET", "/api/projects", 200, "[]");
        String funding = mvc.perform(get("/funding/projects").with(as("FUNDING_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(funding).contains("id=\"overdue-reports\"").contains("逾期报告")
                .contains("data-project=\"proj-1\" data-obligation=\"PROGRESS-1\"")
                .contains("href=\"/funding/projects/proj-1\"").contains("2026-12-26")
                .contains("联合攻关&lt;script&gt;").doesNotContain("联合攻关<script>")
                .contains("id=\"suspension-proposals\"").contains("没有待处理的暂停建议");
        BACKEND.answer("GET", "/api/audit/reconciliation", 200, """
                {"projects": 0, "awardFen": 0, "disbursedFen": 0, "undisbursedFen": 0, "spentFen": 0,
                 "recoveredFen": 0, "balanceFen": 0, "reconciled": true, "lines": []}""");
        String finance = mvc.perform(get("/finance/projects").with(as("FINANCE_AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(finance).contains("id=\"overdue-reports\"").contains("href=\"/finance/projects/proj-1\"");
    }

    private static StubBackend.Request last(String path) {
        List<StubBackend.Request> requests = BACKEND.requestsTo(path);
        return requests.get(requests.size() - 1);
    }

    private static String keyOf(String page, String formId) {
        Matcher matcher = Pattern.compile("id=\"" + formId + "\">(?:(?!</form>).)*?"
                + "name=\"idempotencyKey\" value=\"([^\"]+)\"", Pattern.DOTALL).matcher(page);
        assertThat(matcher.find()).as("the key of " + formId).isTrue();
        return matcher.group(1);
    }
}
