package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry desk against a stubbed registry: what is sent, and how each kind of answer is shown. */
@ConsoleTest
class RegistryPagesTest extends ConsoleTestSupport {

    private static final String LIST = """
            {"items": [{"platform": {"platformId": "p-1", "creditCode": "91330300MA2H7K8L0G",
              "name": "<img src=x onerror=alert(1)>", "districtName": "乐清市", "industryName": "电气",
              "status": "RECOGNIZED", "level": "MUNICIPAL", "registeredOn": "2021-05-01",
              "firstRecognizedOn": "2021-06-01", "lastEvaluatedYear": 2023, "lastGrade": "GOOD",
              "updatedAt": "2026-12-01T08:00:00Z"}, "year": null}], "page": 0, "size": 20, "total": 41}""";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void registry() {
        BACKEND.answer("GET", "/api/reference/industries", 200, """
                [{"version": "2023.1", "industries": [{"code": "ELECTRICAL_EQUIPMENT", "name": "电气",
                  "english": "electrical equipment", "group": "TRADITIONAL"}]}]""");
        BACKEND.answer("GET", "/api/reference/districts", 200, """
                [{"code": "YUEQING", "name": "乐清市", "supervisingAuthority": "乐清市科技局"}]""");
        BACKEND.answer("GET", "/api/platforms", 200, LIST);
        BACKEND.answer("GET", "/api/platforms/p-1", 200, Stubs.read("platform-detail.json"));
        BACKEND.answer("GET", "/api/platforms/p-1/timeline", 200, Stubs.read("platform-timeline.json"));
    }

    @Test
    void theListPassesEveryFilterAndTheOrderToTheRegistryWithTheUsersToken() throws Exception {
        String page = page(get("/registry/platforms").param("industry", "ELECTRICAL_EQUIPMENT")
                .param("district", "YUEQING").param("year", "2023").param("grade", "FAIL").param("reported", "true")
                .param("status", "RECOGNIZED").param("level", "MUNICIPAL").param("recognizedYear", "2021")
                .param("name", "研究院").param("sort", "registeredOn").param("direction", "desc").param("page", "1"));

        StubBackend.Request sent = last("/api/platforms");
        assertThat(sent.query()).contains("industry=ELECTRICAL_EQUIPMENT", "district=YUEQING", "year=2023",
                "grade=FAIL", "reported=true", "status=RECOGNIZED", "level=MUNICIPAL", "recognizedYear=2021",
                "sort=registeredOn", "direction=desc", "page=1", "size=20");
        assertThat(sent.authorization()).isEqualTo("Bearer access-token");
        assertThat(page).contains("共 41 条").contains("第 2 / 3 页").contains("rel=\"prev\"").contains("rel=\"next\"")
                .contains("/registry/platforms.xlsx?");
    }

    @Test
    void theSpreadsheetHoldsExactlyTheSelectionPagedFromTheRegistry() throws Exception {
        byte[] xlsx = mvc.perform(get("/registry/platforms.xlsx").param("status", "RECOGNIZED")
                        .param("sort", "name").with(as("REGISTRY_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Disposition", "attachment; filename=\"platforms.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        StubBackend.Request sent = last("/api/platforms");
        assertThat(sent.query()).contains("status=RECOGNIZED", "sort=name", "page=0", "size=200");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("<img src=x onerror=alert(1)>");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("已认定");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void textFromAServiceIsEscapedWhereverItIsShown() throws Exception {
        String list = page(get("/registry/platforms"));
        assertThat(list).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
        String platform = page(get("/registry/platforms/p-1"));
        assertThat(platform).doesNotContain("<script>alert").contains("&lt;script&gt;alert(")
                .doesNotContain("<b>研究院</b>");
    }

    @Test
    void aFilterTheRegistryRefusesIsMarkedAtItsField() throws Exception {
        BACKEND.answer("GET", "/api/platforms", 400, """
                {"status": 400, "detail": "grade needs a year",
                 "errors": [{"field": "grade", "message": "needs a year"}]}""");
        String page = mvc.perform(get("/registry/platforms").param("grade", "FAIL").with(as("REGISTRY_ADMIN")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"grade-problem\"").contains("needs a year").contains("aria-invalid=\"true\"");
    }

    @Test
    void aRevokedPlatformShowsWhyAndTheDateItMayReapplyWithItsTimelineAndWhatOthersRecorded() throws Exception {
        String page = page(get("/registry/platforms/p-1"));
        assertThat(page).contains("已取消认定").contains("id=\"reopens-on\">2028-12-01<")
                .contains("连续两年评价结果为不合格").contains("乐清市科技局督导整改")
                .contains("1,234,567.89").contains("500,000.00").contains("取消市级认定资格")
                .contains("2026-12-01 16:00:00");  // 08:00 UTC is 16:00 in Wenzhou
    }

    @Test
    void thePlatformAsOfADateComesFromTheRegistrysReplay() throws Exception {
        BACKEND.answer("GET", "/api/platforms/p-1/as-of", 200, """
                {"at": "2024-06-30T15:59:59.999999999Z", "eventsApplied": 2, "lastEventAt": "2021-06-01T02:00:00Z",
                 "state": {"status": "RECOGNIZED", "level": "MUNICIPAL", "recognizedOn": "2021-06-01",
                   "openRectifications": [], "revokedOn": null, "years": []}}""");
        String page = page(get("/registry/platforms/p-1").param("asOf", "2024-06-30"));
        assertThat(last("/api/platforms/p-1/as-of").query()).isEqualTo("date=2024-06-30");
        assertThat(page).contains("id=\"past-status\">已认定<").contains("已回放 2 个事件");
    }

    @Test
    void aFieldTheRegistryRefusesIsMarkedBesideThatFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        BACKEND.answer("POST", "/api/platforms/p-1/evaluations", 400, """
                {"status": 400, "detail": "score must be between 0 and 100",
                 "errors": [{"field": "score", "message": "must be between 0 and 100"}]}""");
        String page = mvc.perform(post("/registry/platforms/p-1/commands/evaluation").with(as("REGISTRY_ADMIN"))
                        .with(csrf()).param("year", "2024").param("score", "101"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"score-problem\"").contains("must be between 0 and 100")
                .contains("value=\"101\"").contains("id=\"form-evaluation\" open=\"open\"");
        assertThat(last("/api/platforms/p-1/evaluations").body()).contains("\"year\":\"2024\"")
                .contains("\"score\":\"101\"");
    }

    @Test
    void aBrokenRuleIsShownInWordsWithItsCode() throws Exception {
        BACKEND.answer("POST", "/api/platforms/p-1/reapplication", 409, """
                {"status": 409, "rule": "reapplication.two-year-bar",
                 "detail": "recognition was revoked less than two years ago; re-application is possible from 2028-12-01"}""");
        String page = mvc.perform(post("/registry/platforms/p-1/commands/reapplication").with(as("REGISTRY_ADMIN"))
                        .with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("取消认定后两年内不得重新申报").contains("<code>reapplication.two-year-bar</code>")
                .contains("possible from 2028-12-01");
    }

    @Test
    void anAnnualReportsAmountsAreTypedInYuanAndSentInFenExactly() throws Exception {
        BACKEND.answer("POST", "/api/platforms/p-1/annual-reports", 200, "{\"outcome\": \"REPORT_SUBMITTED\"}");
        mvc.perform(post("/registry/platforms/p-1/commands/annual-report").with(as("REGISTRY_ADMIN")).with(csrf())
                        .param("year", "2024").param("researchFunding", "1,234,567.89")
                        .param("fourTechIncome", "0.1").param("researchers", "12"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/registry/platforms/p-1?done=annual-report"));
        assertThat(last("/api/platforms/p-1/annual-reports").body()).contains("\"researchFundingFen\":123456789")
                .contains("\"fourTechIncomeFen\":10").contains("\"researchers\":\"12\"");

        int sent = BACKEND.requestsTo("/api/platforms/p-1/annual-reports").size();
        String refused = mvc.perform(post("/registry/platforms/p-1/commands/annual-report").with(as("REGISTRY_ADMIN"))
                        .with(csrf()).param("year", "2024").param("researchFunding", "12.345"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"researchFunding-problem\"").contains("最多两位小数");
        assertThat(BACKEND.requestsTo("/api/platforms/p-1/annual-reports")).hasSize(sent);
    }

    @Test
    void theCreditCodeIsCheckedByTheRegistryAsItIsTyped() throws Exception {
        assertThat(fragment("91330300MA2H")).contains("还差 6 位");
        BACKEND.answer("GET", "/api/platforms", 400, """
                {"status": 400, "errors": [{"field": "creditCode", "message": "check character should be G"}]}""");
        assertThat(fragment("91330300MA2H7K8L0X")).contains("代码无效：check character should be G");
        BACKEND.answer("GET", "/api/platforms", 200, LIST);
        assertThat(fragment("91330300MA2H7K8L0G")).contains("该代码已登记");
        BACKEND.answer("GET", "/api/platforms", 200, "{\"items\": [], \"page\": 0, \"size\": 1, \"total\": 0}");
        assertThat(fragment("91330300ma2h7k8l0g")).contains("校验位正确，尚未登记");
        assertThat(last("/api/platforms").query()).contains("creditCode=91330300MA2H7K8L0G");
    }

    @Test
    void afterARegistrationThePageWaitsForTheRegistrysReadModelInsteadOfSayingNotFound() throws Exception {
        BACKEND.answer("POST", "/api/platforms", 201, "{\"platformId\": \"P-LAGGING\"}");
        BACKEND.answer("GET", "/api/platforms/P-LAGGING", 200, Stubs.read("platform-detail.json"));
        BACKEND.answerFirst(3, "GET", "/api/platforms/P-LAGGING", 404, "{\"status\": 404}");
        int readsBefore = BACKEND.requestsTo("/api/platforms/P-LAGGING").size();

        mvc.perform(post("/registry/platforms/new").with(as("REGISTRY_ADMIN")).with(csrf())
                        .param("creditCode", "91330300MA2H7K8L0G").param("name", "研究院").param("hosts", "温州大学"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/registry/platforms/P-LAGGING?done=registration"));

        // three answers "not yet", then the record: the redirect came only after the registry could show it
        assertThat(BACKEND.requestsTo("/api/platforms/P-LAGGING").size() - readsBefore).isEqualTo(4);
    }

    @Test
    void registryWritesAreForRegistryStaffOnly() throws Exception {
        mvc.perform(get("/registry/platforms/new").with(as("FINANCE_AUDITOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/registry/platforms/p-1/commands/evaluation").with(as("FINANCE_AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        String page = page(get("/registry/platforms/p-1"), "FINANCE_AUDITOR");
        assertThat(page).doesNotContain("id=\"form-evaluation\"");
    }

    private String fragment(String code) throws Exception {
        return mvc.perform(get("/registry/credit-code-check").param("creditCode", code).with(as("REGISTRY_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return page(request, "REGISTRY_ADMIN");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                        String role) throws Exception {
        return mvc.perform(request.with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static StubBackend.Request last(String path) {
        java.util.List<StubBackend.Request> requests = BACKEND.requestsTo(path);
        assertThat(requests).as("requests to " + path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }
}
