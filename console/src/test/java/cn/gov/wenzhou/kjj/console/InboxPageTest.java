package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox (通知) of every user notices are sent to: the registry's and funding's notices merged newest first, each
 * labelled with its source; one source down leaves a note and the rest shown; an enterprise keeps its notice address
 * for funding's mail here.
 */
@ConsoleTest
class InboxPageTest extends ConsoleTestSupport {

    private static final String ENTERPRISE = "91330300MA2H7K8L0G";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void services() {
        BACKEND.answer("GET", "/api/notices", 200, """
                [{"noticeId": "r-2", "platformId": "p-1", "creditCode": "12330300MB1234567X",
                  "name": "瓯江实验室", "kind": "ANNUAL_REPORT_MISSING", "year": 2025, "dueOn": "2026-03-31",
                  "supervisingAuthority": null, "recordedOn": "2026-04-01"},
                 {"noticeId": "r-1", "platformId": "p-1", "creditCode": "12330300MB1234567X",
                  "name": "瓯江实验室", "kind": "ANNUAL_REPORT_REMINDER", "year": 2025, "dueOn": "2026-03-31",
                  "supervisingAuthority": null, "recordedOn": "2026-03-17"}]""");
        // an enterprise's own notices: funding scopes them by the token
        BACKEND.answer("GET", "/api/reporting/notices", 200, """
                [{"noticeId": "f-2", "type": "OVERDUE", "projectId": "pr-1", "projectTitle": "<i>高效泵阀攻关</i>",
                  "obligationId": "PROGRESS-1", "kind": "PROGRESS", "recipientType": "ENTERPRISE",
                  "recipientRef": "91330300MA2H7K8L0G", "recipientCreditCode": "91330300MA2H7K8L0G",
                  "dueOn": "2026-03-01", "issuedOn": "2026-04-02", "reportingVersion": "2026.1",
                  "recordedAt": "2026-04-01T16:00:05Z"},
                 {"noticeId": "f-1", "type": "REMINDER", "projectId": "pr-1", "projectTitle": "<i>高效泵阀攻关</i>",
                  "obligationId": "PROGRESS-1", "kind": "PROGRESS", "recipientType": "ENTERPRISE",
                  "recipientRef": "91330300MA2H7K8L0G", "recipientCreditCode": "91330300MA2H7K8L0G",
                  "dueOn": "2026-03-01", "issuedOn": "2026-02-15", "reportingVersion": "2026.1",
                  "recordedAt": "2026-02-14T16:00:01Z"}]""");
        BACKEND.answerWhenQueryHas("GET", "/api/reporting/notices", "role=FUNDING_OFFICER", 200, """
                [{"noticeId": "f-4", "type": "SUSPENSION_PROPOSAL", "projectId": "pr-2", "projectTitle": "新材料攻关",
                  "obligationId": "PROGRESS-1", "kind": "PROGRESS", "recipientType": "ROLE",
                  "recipientRef": "FUNDING_OFFICER", "recipientCreditCode": "91330300MA2H000017",
                  "dueOn": "2026-01-10", "issuedOn": "2026-05-01", "reportingVersion": "2026.1",
                  "recordedAt": "2026-04-30T16:00:00Z"}]""");
        BACKEND.answerWhenQueryHas("GET", "/api/reporting/notices", "role=FUNDING_SUPERVISOR", 200, """
                [{"noticeId": "f-3", "type": "ESCALATION", "projectId": "pr-2", "projectTitle": "新材料攻关",
                  "obligationId": "PROGRESS-1", "kind": "PROGRESS", "recipientType": "ROLE",
                  "recipientRef": "FUNDING_SUPERVISOR", "recipientCreditCode": "91330300MA2H000017",
                  "dueOn": "2026-01-10", "issuedOn": "2026-03-01", "reportingVersion": "2026.1",
                  "recordedAt": "2026-02-28T16:00:00Z"}]""");
        BACKEND.answer("GET", "/api/enterprises/" + ENTERPRISE + "/notice-address", 200, """
                {"creditCode": "91330300MA2H7K8L0G", "address": "keyan@qiye.example.cn"}""");
    }

    @Test
    void anEnterpriseSeesFundingsNoticesOfItsProjectsLabelledAndEscaped() throws Exception {
        String page = page(asOrganisation(ENTERPRISE, "ENTERPRISE"));

        assertThat(page).contains("id=\"notice-f-2\"").contains("id=\"notice-f-1\"")
                .contains("进展报告逾期未报，拨付暂停").contains("进展报告即将到期").contains("应报日期 2026-03-01")
                .contains("资金").contains("href=\"/enterprise#my-projects\"");
        assertThat(page.indexOf("notice-f-2")).isLessThan(page.indexOf("notice-f-1"));
        assertThat(page).doesNotContain("<i>高效泵阀攻关</i>").contains("&lt;i&gt;高效泵阀攻关&lt;/i&gt;");
        assertThat(page).as("no registry notices for an enterprise").doesNotContain("notice-r-");
        assertThat(BACKEND.requestsTo("/api/reporting/notices")).last()
                .satisfies(sent -> assertThat(sent.query()).doesNotContain("role="));
    }

    @Test
    void aUserWithNoticesFromBothServicesSeesThemMergedNewestFirstWithTheirSource() throws Exception {
        String page = page(asOrganisation(ENTERPRISE, "ENTERPRISE", "PLATFORM"));

        // f-2 on 2026-04-02, r-2 on 2026-04-01, r-1 on 2026-03-17, f-1 on 2026-02-15
        assertThat(List.of(page.indexOf("notice-f-2"), page.indexOf("notice-r-2"), page.indexOf("notice-r-1"),
                page.indexOf("notice-f-1"))).doesNotContain(-1).isSorted();
        assertThat(page).contains("source-REGISTRY").contains("source-FUNDING").contains("2025年度报告未交")
                .contains("href=\"/my-platform\"");
    }

    @Test
    void anOfficerSeesTheNoticesToOfficersAndTheEscalationsToTheSupervisor() throws Exception {
        String page = page(as("FUNDING_OFFICER"));

        assertThat(page).contains("id=\"notice-f-4\"").contains("进展报告逾期，建议暂停项目").contains("致经办人")
                .contains("id=\"notice-f-3\"").contains("进展报告逾期，已上报科室负责人").contains("致科室负责人")
                .contains("href=\"/funding/projects/pr-2\"");
        assertThat(page.indexOf("notice-f-4")).isLessThan(page.indexOf("notice-f-3"));
        assertThat(page).doesNotContain("notice-f-1").doesNotContain("notice-r-");
        assertThat(page).as("an officer keeps no enterprise's notice address").doesNotContain("notice-address-form");
    }

    @Test
    void fundingDownLeavesANoteAndTheRegistrysNoticesShown() throws Exception {
        BACKEND.answer("GET", "/api/reporting/notices", 503, """
                {"status": 503, "detail": "database unavailable"}""");

        String page = page(asOrganisation(ENTERPRISE, "ENTERPRISE", "PLATFORM"));

        assertThat(page).contains("id=\"down-funding-service\"").contains("专项资金服务（funding-service）暂时无法访问")
                .contains("id=\"notice-r-2\"").contains("id=\"notice-r-1\"").doesNotContain("notice-f-");
    }

    @Test
    void theInboxIsInEnglishForAnEnglishReader() throws Exception {
        String page = mvc.perform(get("/inbox").param("lang", "en")
                        .with(asOrganisation(ENTERPRISE, "ENTERPRISE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Progress report: overdue, disbursements on hold").contains("due on 2026-03-01")
                .contains("Funding");
    }

    @Test
    void anEnterpriseSetsItsNoticeAddressForFundingInTheBodyNeverInTheUrl() throws Exception {
        assertThat(page(asOrganisation(ENTERPRISE, "ENTERPRISE"))).contains("keyan@qiye.example.cn")
                .contains("id=\"notice-address-form\"");
        BACKEND.answer("PUT", "/api/enterprises/" + ENTERPRISE + "/notice-address", 200, """
                {"creditCode": "91330300MA2H7K8L0G", "status": "notice address set"}""");

        mvc.perform(post("/inbox/notice-address").with(asOrganisation(ENTERPRISE, "ENTERPRISE")).with(csrf())
                        .param("address", "baogao@qiye.example.cn"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inbox?done=notice-address"));

        List<StubBackend.Request> sent = BACKEND.requestsTo("/api/enterprises/" + ENTERPRISE + "/notice-address");
        StubBackend.Request put = sent.stream().filter(request -> request.method().equals("PUT")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(put.body()).isEqualTo("{\"address\":\"baogao@qiye.example.cn\"}");
        assertThat(put.query()).isNull();
    }

    @Test
    void aNoticeAddressFundingRefusesIsMarkedAtItsField() throws Exception {
        BACKEND.answer("PUT", "/api/enterprises/" + ENTERPRISE + "/notice-address", 400, """
                {"status": 400, "detail": "address is not a plain e-mail address",
                 "errors": [{"field": "address", "message": "is not a plain e-mail address (name@domain.cn)"}]}""");

        String page = mvc.perform(post("/inbox/notice-address").with(asOrganisation(ENTERPRISE, "ENTERPRISE"))
                        .with(csrf()).param("address", "not-an-address"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"address-problem\"").contains("is not a plain e-mail address")
                .contains("value=\"not-an-address\"");
    }

    @Test
    void theInboxIsOfferedToThoseNoticesAreSentToOnly() throws Exception {
        for (String role : List.of("TALENT_INSTITUTE", "OPERATOR", "SUBSCRIBER")) {
            mvc.perform(get("/inbox").with(as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/inbox/notice-address").with(asOrganisation("12330300MB1234567X", "PLATFORM"))
                .with(csrf()).param("address", "x@y.example.cn")).andExpect(status().isForbidden());
        mvc.perform(post("/inbox/notice-address").with(as("FUNDING_OFFICER")).with(csrf())
                .param("address", "x@y.example.cn")).andExpect(status().isForbidden());
    }

    private String page(org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
        return mvc.perform(get("/inbox").with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
