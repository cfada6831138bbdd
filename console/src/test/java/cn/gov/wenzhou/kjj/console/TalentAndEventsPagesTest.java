package cn.gov.wenzhou.kjj.console;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The talent institute's worklist against a stubbed talent service, and the public event catalogue rendered from the
 * contracts module's own AsyncAPI document and schemas as the services serve them.
 */
@ConsoleTest
class TalentAndEventsPagesTest extends StubbedServices {

    @DynamicPropertySource
    static void talentAnswers(DynamicPropertyRegistry properties) {
        properties.add("stb.console.services.talent-pool-service", BACKEND::url);
    }

    private static final String ENROLLMENT = """
            {"enrollmentId": "e-1", "person": {"personId": "p-1", "name": %s, "idNumber": %s, "phone": %s,
              "disclosure": "%s"}, "employerCreditCode": "91330300MA2H7K8L0G", "employerPlatformId": null,
             "position": "研发工程师", "hireDate": "2026-03-01", "titleLevel": "MID_LEVEL",
             "field": "INTELLIGENT_EQUIPMENT", "state": "%s", "appliedOn": "2026-03-05", "policyVersion": "2024.1",
             "reviewedOn": null, "councilResolution": "温人才院理〔2026〕5号", "councilDecidedOn": "2026-03-20",
             "rejectionStage": null, "rejectionReason": null, "rejectedOn": null, "withdrawnOn": null,
             "admittedOn": %s, "termsVersion": null, "termEndsOn": null, "nextReviewDue": null,
             "lastReviewOn": null, "lastReviewOutcome": null, "exitReason": null, "exitedOn": null,
             "personalDataErasedOn": %s}""";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void talent() {
        for (String state : List.of("APPLIED", "FORWARDED", "APPROVED", "ADMITTED", "EXITED", "REJECTED",
                "WITHDRAWN")) {
            BACKEND.answer("GET", "/api/enrollments", 200, "{\"items\": [" + clear("APPROVED", "null")
                    + "], \"page\": 0, \"size\": 50, \"total\": 3}");
        }
    }

    private static String clear(String state, String admittedOn) {
        return ENROLLMENT.formatted("\"王<i>五</i>\"", "\"330302199001011234\"", "\"13900000001\"", "CLEAR", state,
                admittedOn, "null");
    }

    @Test
    void theWorklistCountsEachStateAndAnAdmissionShowsTheThreeBenefitsOpenedTogether() throws Exception {
        String list = mvc.perform(get("/talent/enrollments").param("state", "APPROVED")
                        .with(as("TALENT_INSTITUTE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-state=\"APPROVED\"").contains("<span class=\"count\">3</span>")
                .contains("王&lt;i&gt;五&lt;/i&gt;").contains("/talent/enrollments.csv?state=APPROVED");
        assertThat(BACKEND.requestsTo("/api/enrollments").stream().map(StubBackend.Request::query))
                .contains("state=WITHDRAWN&size=1", "state=APPROVED&page=0&size=50");

        BACKEND.answer("GET", "/api/enrollments/e-1/history", 200, "{\"enrollment\": " + clear("ADMITTED",
                "\"2026-04-01\"") + ", \"events\": [{\"sequence\": 4, \"type\": \"HireAdmitted\", \"occurredOn\":"
                + " \"2026-04-01\", \"recordedAt\": \"2026-04-01T02:00:00Z\", \"actor\": \"talent.institute\","
                + " \"actorRole\": \"TALENT_INSTITUTE\", \"note\": null, \"details\": {\"benefitsOpened\": ["
                + "{\"scheme\": \"MUNICIPAL_INSTITUTION_PENSION\", \"openedOn\": \"2026-04-01\"},"
                + "{\"scheme\": \"OCCUPATIONAL_ANNUITY\", \"openedOn\": \"2026-04-01\"},"
                + "{\"scheme\": \"HOUSING_PROVIDENT_FUND\", \"openedOn\": \"2026-04-01\"}]}}]}");
        BACKEND.answer("GET", "/api/enrollments/e-1/as-of", 200, "{\"at\": \"2026-03-10T16:00:00Z\","
                + " \"eventsApplied\": 1, \"lastEventAt\": \"2026-03-05T02:00:00Z\", \"state\": "
                + clear("APPLIED", "null") + "}");
        String page = mvc.perform(get("/talent/enrollments/e-1").param("asOf", "2026-03-10")
                        .with(as("TALENT_INSTITUTE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"benefits\"").contains("机关事业单位养老保险 · 2026-04-01")
                .contains("职业年金 · 2026-04-01").contains("住房公积金 · 2026-04-01")
                .contains("<td id=\"past-state\">已申请</td>").contains("记录定期考核").contains("办理退出");
        assertThat(BACKEND.requestsTo("/api/enrollments/e-1/as-of").get(0).query()).isEqualTo("date=2026-03-10");
    }

    @Test
    void thePageAfterACommandWaitsForTheTalentServicesViewToShowTheNewState() throws Exception {
        BACKEND.answer("POST", "/api/enrollments/e-2/review", 200, """
                {"enrollmentId": "e-2", "state": "FORWARDED"}""");
        BACKEND.answer("GET", "/api/enrollments/e-2", 200, clear("FORWARDED", "null"));
        BACKEND.answerFirst(2, "GET", "/api/enrollments/e-2", 200, clear("APPLIED", "null"));
        int readsBefore = BACKEND.requestsTo("/api/enrollments/e-2").size();
        mvc.perform(post("/talent/enrollments/e-2/commands/review").with(as("TALENT_INSTITUTE")).with(csrf())
                        .param("decision", "FORWARD_TO_COUNCIL"))
                .andExpect(redirectedUrl("/talent/enrollments/e-2?done=review"));
        // twice the state as it was, then the new one: the redirect came once the view had caught up
        assertThat(BACKEND.requestsTo("/api/enrollments/e-2").size() - readsBefore).isEqualTo(3);
        assertThat(BACKEND.requestsTo("/api/enrollments/e-2/review").get(0).body())
                .isEqualTo("{\"decision\":\"FORWARD_TO_COUNCIL\"}");
    }

    @Test
    void anErasureIsConfirmedFirstAndThenTheNameIsNowhereOnThePage() throws Exception {
        BACKEND.answer("GET", "/api/enrollments/e-1", 200, clear("EXITED", "\"2026-04-01\""));
        String confirm = mvc.perform(get("/talent/enrollments/e-1/erasure").with(as("TALENT_INSTITUTE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("id=\"erasure-warning\"").contains("姓名、身份证号、联系电话")
                .contains("此操作不可撤销");

        BACKEND.answer("POST", "/api/enrollments/e-1/erasure", 200, """
                {"enrollmentIds": ["e-1"], "erasedOn": "2026-06-01"}""");
        mvc.perform(post("/talent/enrollments/e-1/commands/erasure").with(as("TALENT_INSTITUTE")).with(csrf())
                        .param("requestReference", "PIPL-2026-0042"))
                .andExpect(redirectedUrl("/talent/enrollments/e-1?done=erasure"));
        assertThat(BACKEND.requestsTo("/api/enrollments/e-1/erasure").get(0).body())
                .isEqualTo("{\"requestReference\":\"PIPL-2026-0042\"}");

        BACKEND.answer("GET", "/api/enrollments/e-1/history", 200, "{\"enrollment\": " + ENROLLMENT.formatted(
                "null", "null", "null", "ERASED", "EXITED", "\"2026-04-01\"", "\"2026-06-01\"")
                + ", \"events\": []}");
        String erased = mvc.perform(get("/talent/enrollments/e-1").with(as("TALENT_INSTITUTE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(erased).contains("id=\"erased\"").contains("（个人信息已删除）").doesNotContain("王")
                .doesNotContain("id=\"erase\"");
    }

    @Test
    void theExportIsTheTalentServicesOwnAndThePoolIsChartedByYear() throws Exception {
        BACKEND.answer("GET", "/api/enrollments/export", 200, "text/csv;charset=UTF-8", "enrollmentId,state\ne-1,APPLIED\n");
        mvc.perform(get("/talent/enrollments.csv").param("state", "APPLIED").with(as("TALENT_INSTITUTE")))
                .andExpect(status().isOk()).andExpect(content().string("enrollmentId,state\ne-1,APPLIED\n"));
        assertThat(BACKEND.requestsTo("/api/enrollments/export").get(0).query()).isEqualTo("state=APPLIED");

        BACKEND.answer("GET", "/api/pool/status", 200, """
                [{"year": 2026, "quota": 200, "quotaDecidedOn": "2026-01-01", "quotaReason": "核定", "admitted": 37,
                  "exited": 4, "taken": 151, "free": 49, "overQuota": 0}]""");
        String pool = mvc.perform(get("/talent/pool").with(as("TALENT_INSTITUTE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pool).contains("data-chart=").contains("<td class=\"num taken\">151</td>")
                .contains("<td class=\"num free\">49</td>");
    }

    @Test
    void theEventCatalogueIsPublicAndRenderedFromTheDocumentAndSchemasTheServicesServe() throws Exception {
        Path contracts = Path.of("..", "libs", "contracts", "src", "main", "resources");
        BACKEND.answer("GET", "/asyncapi.yaml", 200, "application/yaml",
                Files.readString(contracts.resolve("asyncapi.yaml")));
        for (String event : List.of("ChallengeCallOpened", "ChallengeListPublished")) {
            BACKEND.answer("GET", "/schemas/funding.call.v1/" + event + ".schema.json", 200,
                    Files.readString(contracts.resolve("schemas/funding.call.v1/" + event + ".schema.json")));
        }
        String topics = mvc.perform(get("/events")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(topics).contains("data-topic=\"registry.platform.v1\"").contains("data-topic=\"funding.call.v1\"")
                .contains("/events/funding.call.v1");
        String topic = mvc.perform(get("/events/funding.call.v1")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(topic).contains("id=\"ChallengeCallOpened\"").contains("data-field=\"openedOn\"")
                .contains("Business date (Asia/Shanghai).").contains("cn.gov.wenzhou.kjj.funding.call.v1.ChallengeCallOpened")
                .contains("&quot;$schema&quot;").contains("class=\"code sample\"");
        mvc.perform(get("/events/no.such.v1")).andExpect(status().isNotFound());
    }
}
