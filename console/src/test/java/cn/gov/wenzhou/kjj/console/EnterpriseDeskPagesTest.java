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

/** The enterprise's desk against a stubbed funding-service (the talent service is down). */
@ConsoleTest
class EnterpriseDeskPagesTest extends ConsoleTestSupport {

    private static final String OWN = "91330300MA2H7K8L0G";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void funding() {
        BACKEND.answer("GET", "/api/calls", 200, """
                [{"callId": "c-open", "year": 2027, "title": "2027年度揭榜挂帅", "status": "COLLECTING_DEMANDS"},
                 {"callId": "c-list", "year": 2026, "title": "2026年度揭榜挂帅", "status": "LIST_PUBLISHED"},
                 {"callId": "c-old", "year": 2025, "title": "2025年度揭榜挂帅", "status": "RANKED"}]""");
        BACKEND.answer("GET", "/api/calls/c-list/demands", 200, """
                [{"demandId": "d-1", "title": "泵阀密封", "budgetCeilingFen": 300000000, "status": "LISTED"}]""");
        BACKEND.answer("GET", "/api/applications", 200, """
                [{"applicationId": "a-own", "callId": "c-list", "demandId": "d-1", "title": "本单位攻关",
                  "leadCreditCode": "%s", "members": [{"creditCode": "%s", "confirmedOn": "2026-03-01"}],
                  "requestedFen": 100000000, "status": "SUBMITTED", "meanScore": null, "rankInDemand": null}]"""
                .formatted(OWN, OWN));
        BACKEND.answer("GET", "/api/projects", 200, "[]");
    }

    @Test
    void anEnterpriseSeesItsOwnBidsAndBidsAsItselfWhateverTheFormSays() throws Exception {
        String page = mvc.perform(get("/enterprise").with(asOrganisation(OWN, "ENTERPRISE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-application=\"a-own\"").contains("本单位攻关")
                .contains("/enterprise/calls/c-open/demands").contains("/enterprise/calls/c-list/demands/d-1/bid")
                .doesNotContain("2025年度揭榜挂帅").contains("id=\"hires-down\"");
        assertThat(BACKEND.requestsTo("/api/applications").get(BACKEND.requestsTo("/api/applications").size() - 2)
                .query()).isNull();

        BACKEND.answer("POST", "/api/calls/c-list/applications", 201, "{\"applicationId\": \"a-2\"}");
        mvc.perform(post("/enterprise/calls/c-list/demands/d-1/bid").with(asOrganisation(OWN, "ENTERPRISE"))
                        .with(csrf()).param("title", "联合攻关").param("requested", "1,000,000")
                        .param("partners", "12330300MB1234567M\n\n 91330300MA2H7K8L1E ")
                        .param("lead.creditCode", "91330300XXXXXXXXXX"))
                .andExpect(redirectedUrl("/enterprise?done=application"));
        List<StubBackend.Request> sent = BACKEND.requestsTo("/api/calls/c-list/applications");
        assertThat(sent.get(sent.size() - 1).body()).isEqualTo("{\"demandId\":\"d-1\",\"title\":\"联合攻关\","
                + "\"lead\":{\"creditCode\":\"" + OWN + "\"},\"partners\":[{\"creditCode\":\"12330300MB1234567M\"},"
                + "{\"creditCode\":\"91330300MA2H7K8L1E\"}],\"requestedFen\":100000000}");
    }

    @Test
    void aDemandRefusedByTheTierRuleIsShownInWordsAndOtherDesksAreNotAllowed() throws Exception {
        BACKEND.answer("POST", "/api/calls/c-open/demands", 409, """
                {"status": 409, "rule": "demand.leading-enterprises-only", "detail": "recorded as OTHER"}""");
        String page = mvc.perform(post("/enterprise/calls/c-open/demands").with(asOrganisation(OWN, "ENTERPRISE"))
                        .with(csrf()).param("title", "<script>x</script>").param("budgetCeiling", "3000000"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("只有登记为龙头骨干或链主企业的单位才能提交技术需求。")
                .contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x</script>");
        assertThat(BACKEND.requestsTo("/api/calls/c-open/demands").get(BACKEND.requestsTo("/api/calls/c-open/demands")
                .size() - 1).body()).contains("\"enterpriseCreditCode\":\"" + OWN + "\"");
        mvc.perform(get("/funding/calls").with(asOrganisation(OWN, "ENTERPRISE"))).andExpect(status().isForbidden());
        mvc.perform(get("/talent/enrollments").with(asOrganisation(OWN, "ENTERPRISE")))
                .andExpect(status().isForbidden());
    }
}
