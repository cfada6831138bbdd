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

/** The registry desk's obligations (年报未交, 整改跟进) and the inbox of notices, against a stubbed registry. */
@ConsoleTest
class ObligationPagesTest extends ConsoleTestSupport {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void registry() {
        BACKEND.answer("GET", "/api/obligations/missing-annual-reports", 200, """
                [{"platformId": "p-1", "creditCode": "12330300MB1234567X", "name": "<b>瓯江实验室</b>",
                  "district": "OUHAI", "year": 2025, "dueOn": "2026-03-31", "missingSince": "2026-04-01",
                  "remindedOn": "2026-03-17", "parameterVersion": "2025.1"}]""");
        BACKEND.answer("GET", "/api/obligations/rectification-follow-ups", 200, """
                [{"platformId": "p-2", "creditCode": "91330300MA2H7K8L0G", "name": "温州某泵阀技术中心",
                  "district": "YONGJIA", "year": 2025, "supervisingAuthority": "永嘉县科技局",
                  "issuedOn": "2026-05-20", "deadline": "2026-08-18", "overdueSince": "2026-08-19",
                  "remindedOn": "2026-08-04"}]""");
        BACKEND.answer("GET", "/api/notices", 200, """
                [{"noticeId": "n-2", "platformId": "p-1", "creditCode": "12330300MB1234567X",
                  "name": "<b>瓯江实验室</b>", "kind": "ANNUAL_REPORT_MISSING", "year": 2025, "dueOn": "2026-03-31",
                  "supervisingAuthority": null, "recordedOn": "2026-04-01"},
                 {"noticeId": "n-1", "platformId": "p-1", "creditCode": "12330300MB1234567X",
                  "name": "<b>瓯江实验室</b>", "kind": "ANNUAL_REPORT_REMINDER", "year": 2025,
                  "dueOn": "2026-03-31", "supervisingAuthority": null, "recordedOn": "2026-03-17"}]""");
    }

    @Test
    void theRegistryDeskListsMissingReportsAndRectificationsForFollowUpEscaped() throws Exception {
        String page = page("/registry/obligations", "REGISTRY_ADMIN");

        assertThat(page).contains("年报未交（1）").contains("整改跟进（1）")
                .contains("id=\"missing-reports\"").contains("2026-03-31").contains("2025.1")
                .contains("href=\"/registry/platforms/p-1\"").contains("认定是否有正当理由")
                .contains("id=\"rectification-follow-ups\"").contains("永嘉县科技局").contains("2026-08-18")
                .contains("2025年度报告未交");
        assertThat(page).doesNotContain("<b>瓯江实验室</b>").contains("&lt;b&gt;瓯江实验室&lt;/b&gt;");
        assertThat(BACKEND.requestsTo("/api/obligations/missing-annual-reports")).last()
                .satisfies(sent -> assertThat(sent.authorization()).isEqualTo("Bearer access-token"));
    }

    @Test
    void aPlatformSeesItsInboxOfRegistryNoticesNewestFirst() throws Exception {
        String page = mvc.perform(get("/inbox").with(asOrganisation("12330300MB1234567X", "PLATFORM")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"notices\"").contains("2025年度报告未交").contains("2025年度报告提醒")
                .contains("应于 2026-03-31 前提交");
        assertThat(page.indexOf("2025年度报告未交")).isLessThan(page.indexOf("2025年度报告提醒"));
        assertThat(page).doesNotContain("<b>瓯江实验室</b>");
    }

    @Test
    void theInboxIsInEnglishForAnEnglishReader() throws Exception {
        String page = mvc.perform(get("/inbox").param("lang", "en").with(as("REGISTRY_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Annual report 2025: missing").contains("due by 2026-03-31");
    }

    @Test
    void onlyRegistryStaffReachTheObligationLists() throws Exception {
        for (String role : List.of("FUNDING_OFFICER", "FINANCE_AUDITOR", "PLATFORM")) {
            mvc.perform(get("/registry/obligations").with(as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/inbox").with(as("TALENT_INSTITUTE"))).andExpect(status().isForbidden());
    }

    @Test
    void staffSetAPlatformsNoticeAddressWithAPutAndTheAddressStaysOutOfTheUrl() throws Exception {
        BACKEND.answer("PUT", "/api/platforms/p-1/notice-address", 200, """
                {"platformId": "p-1", "status": "NOTICE_ADDRESS_SET"}""");
        mvc.perform(post("/registry/platforms/p-1/commands/notice-address").with(as("REGISTRY_ADMIN")).with(csrf())
                        .param("address", "office@ojlab.example.cn"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/registry/platforms/p-1?done=notice-address"));
        StubBackend.Request sent = BACKEND.requestsTo("/api/platforms/p-1/notice-address").get(
                BACKEND.requestsTo("/api/platforms/p-1/notice-address").size() - 1);
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.body()).isEqualTo("{\"address\":\"office@ojlab.example.cn\"}");
    }

    @Test
    void aNoticeAddressTheRegistryRefusesIsMarkedAtItsField() throws Exception {
        BACKEND.answer("GET", "/api/platforms/p-1", 200, Stubs.read("platform-detail.json"));
        BACKEND.answer("GET", "/api/platforms/p-1/timeline", 200, Stubs.read("platform-timeline.json"));
        BACKEND.answer("PUT", "/api/platforms/p-1/notice-address", 400, """
                {"status": 400, "detail": "address is not a plain e-mail address",
                 "errors": [{"field": "address", "message": "is not a plain e-mail address (name@domain.cn)"}]}""");
        String page = mvc.perform(post("/registry/platforms/p-1/commands/notice-address").with(as("REGISTRY_ADMIN"))
                        .with(csrf()).param("address", "not-an-address"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"address-problem\"").contains("is not a plain e-mail address")
                .contains("id=\"form-notice-address\" open=\"open\"");
    }

    private String page(String path, String role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
