package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.contracts.Topics;
import cn.gov.wenzhou.kjj.support.kafka.CloudEventHeaders;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentHistoryProjection;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.RealInfrastructure;
import cn.gov.wenzhou.kjj.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TalentIntegrationTest
class EnrollmentFlowApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;
    TalentFlows flows;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
    }

    @Test
    void anApplicationAnswersWithThePolicyVersionInForceThatItWasJudgedBy() {
        String employer = TalentTestData.creditCode();
        ApiClient.Response applied = flows.applyFor(employer, TalentTestData.person(), "MID_LEVEL",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today().minusMonths(1));

        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String inForce = null;
        for (JsonNode version : flows.institute.get("/api/pool/parameters").json()) {
            if (version.path("inForce").asBoolean()) {
                inForce = version.path("version").asText();
            }
        }
        assertThat(applied.json().path("policyVersion").asText()).isNotBlank().isEqualTo(inForce);
        JsonNode view = awaitView(flows.institute, applied.json().path("enrollmentId").asText(), "APPLIED");
        assertThat(view.path("policyVersion").asText()).isEqualTo(inForce);
    }

    @Test
    void applicationReviewCouncilAndAdmissionTakeAPostAndArePublishedWithoutPersonalData() {
        String employer = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        int takenBefore = flows.freePosts(1);

        String id = flows.apply(employer, person);
        flows.forward(id);
        flows.approve(id);
        ApiClient.Response admitted = flows.admit(id);

        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(flows.taken()).isEqualTo(takenBefore + 1);
        JsonNode view = awaitView(flows.institute, id, "ADMITTED");
        assertThat(view.path("person").path("name").asText()).isEqualTo(person.name());
        assertThat(view.path("person").path("idNumber").asText()).isEqualTo(person.idNumber());
        assertThat(view.path("person").path("disclosure").asText()).isEqualTo("CLEAR");
        assertThat(view.path("councilResolution").asText()).isEqualTo("温人才院理〔2026〕9号");
        assertThat(view.path("termEndsOn").asText()).isEqualTo(TalentFlows.today().plusYears(5).toString());
        assertThat(view.path("termsVersion").asText()).isEqualTo(view.path("policyVersion").asText())
                .isNotBlank();

        ConsumerRecord<String, byte[]> published = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.TALENT_ENROLLMENT_V1,
                record -> id.equals(record.key()), PATIENCE).get(0);
        String value = new String(published.value(), StandardCharsets.UTF_8);
        assertThat(TopicRecords.header(published, CloudEventHeaders.TYPE)).endsWith("HireAdmitted");
        assertThat(value).contains(employer, "INTELLIGENT_EQUIPMENT", "MID_LEVEL")
                .doesNotContain(person.name(), person.idNumber(), person.phone(), "Ciphertext");
    }

    @Test
    void admissionOpensTheThreeSchemesTogetherAndTheHistoryShowsEveryDecision() {
        String employer = TalentTestData.creditCode();
        flows.freePosts(1);
        String id = flows.admitted(employer, TalentTestData.person());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(history(flows.institute, id)).hasSize(4));
        List<JsonNode> events = history(flows.institute, id);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("EnrollmentApplied",
                "ApplicationForwardedToCouncil", "AdmissionApprovedByCouncil", "HireAdmitted");
        assertThat(events.get(0).path("actorRole").asText()).isEqualTo("ENTERPRISE");
        assertThat(events.get(0).path("actor").asText()).isEqualTo("org-" + employer);
        assertThat(events.get(1).path("note").asText()).isEqualTo("材料齐全");
        JsonNode admission = events.get(3).path("details");
        assertThat(admission.path("benefitsOpened")).hasSize(3);
        assertThat(admission.path("benefitsOpened").findValuesAsText("scheme")).containsExactlyInAnyOrder(
                "MUNICIPAL_INSTITUTION_PENSION", "OCCUPATIONAL_ANNUITY", "HOUSING_PROVIDENT_FUND");
        assertThat(admission.path("benefitsOpened").findValuesAsText("openedOn")).containsOnly(
                TalentFlows.today().toString());
        assertThat(admission.path("salaryPaidBy").asText()).isEqualTo("EMPLOYER");
        assertThat(admission.path("establishment").asText()).isEqualTo("SPECIAL_PUBLIC_INSTITUTION_ESTABLISHMENT");
        assertThat(events.get(0).path("details").toString()).doesNotContain("Ciphertext", "personalData");
    }

    @Test
    void exitFreesThePostAndIsPublished() {
        String employer = TalentTestData.creditCode();
        flows.freePosts(1);
        String id = flows.admitted(employer, TalentTestData.person());
        int taken = flows.taken();

        flows.exit(id, "LEFT_EMPLOYER");

        assertThat(flows.taken()).isEqualTo(taken - 1);
        awaitView(flows.institute, id, "EXITED");
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.awaitMatching(
                RealInfrastructure.kafka().adminProperties(), Topics.TALENT_ENROLLMENT_V1,
                record -> id.equals(record.key()) && TopicRecords.header(record, CloudEventHeaders.TYPE)
                        .endsWith("HireExited"), PATIENCE);
        assertThat(new String(published.get(0).value(), StandardCharsets.UTF_8)).contains("\"reason\":\"LEFT_EMPLOYER\"");
    }

    @Test
    void failedPeriodicReviewExitsTheHireInTheSameDecision() {
        flows.freePosts(1);
        String id = flows.admitted(TalentTestData.creditCode(), TalentTestData.person());
        int taken = flows.taken();

        ApiClient.Response reviewed = flows.institute.post("/api/enrollments/" + id + "/periodic-reviews",
                "{\"outcome\": \"FAILED\", \"note\": \"年度考核不合格\"}");

        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().path("state").asText()).isEqualTo("EXITED");
        assertThat(flows.taken()).isEqualTo(taken - 1);
        JsonNode view = awaitView(flows.institute, id, "EXITED");
        assertThat(view.path("exitReason").asText()).isEqualTo("FAILED_REVIEW");
        assertThat(view.path("lastReviewOutcome").asText()).isEqualTo("FAILED");
    }

    @Test
    void passedPeriodicReviewPutsTheNextOneOnTheWorklist() {
        flows.freePosts(1);
        String id = flows.admitted(TalentTestData.creditCode(), TalentTestData.person());
        assertThat(flows.institute.post("/api/enrollments/" + id + "/periodic-reviews",
                "{\"outcome\": \"PASSED\"}").status()).isEqualTo(200);

        String dueBy = TalentFlows.today().plusYears(1).toString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(flows.institute
                .get("/api/enrollments?state=ADMITTED&reviewDueBy=" + dueBy + "&size=200").json().path("items")
                .findValuesAsText("enrollmentId")).contains(id));
        assertThat(flows.institute.get("/api/enrollments?reviewDueBy=" + TalentFlows.today().plusMonths(11)
                + "&size=200").json().path("items").findValuesAsText("enrollmentId")).doesNotContain(id);
    }

    @Test
    void theEmployerSeesItsOwnHiresMaskedAndNobodyElses() {
        String employer = TalentTestData.creditCode();
        String other = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        String id = flows.apply(employer, person);
        ApiClient own = flows.employer(employer);

        JsonNode view = awaitView(own, id, "APPLIED");
        assertThat(view.path("person").path("disclosure").asText()).isEqualTo("MASKED");
        assertThat(view.path("person").path("name").asText()).startsWith("测").contains("*")
                .isNotEqualTo(person.name());
        assertThat(view.toString()).doesNotContain(person.idNumber(), person.phone());
        assertThat(own.get("/api/employers/" + employer + "/enrollments").json().path("items")
                .findValuesAsText("enrollmentId")).containsExactly(id);
        assertThat(own.get("/api/enrollments/" + id + "/history").json().path("events").get(0).path("actor")
                .isNull()).isTrue();
        flows.forward(id);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(history(flows.institute, id)).hasSize(2));
        assertThat(history(flows.institute, id).get(1).path("note").asText()).isEqualTo("材料齐全");
        assertThat(history(own, id).get(1).path("note").isNull()).as("internal notes stay internal").isTrue();

        ApiClient stranger = flows.employer(other);
        assertThat(stranger.get("/api/enrollments/" + id).status()).isEqualTo(403);
        assertThat(stranger.get("/api/enrollments/" + id + "/history").status()).isEqualTo(403);
        assertThat(stranger.get("/api/employers/" + employer + "/enrollments").status()).isEqualTo(403);
        assertThat(stranger.post("/api/enrollments/" + id + "/withdrawal", "{}").status()).isEqualTo(403);
        assertThat(stranger.post("/api/enrollments", TalentFlows.applicationJson(employer, TalentTestData.person(),
                "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today())).status()).isEqualTo(403);
    }

    @Test
    void onlyTheInstituteReviewsDecidesAdmitsExitsErasesAndListsEverything() {
        String employer = TalentTestData.creditCode();
        String id = flows.apply(employer, TalentTestData.person());
        ApiClient own = flows.employer(employer);

        assertThat(own.post("/api/enrollments/" + id + "/review", "{\"decision\": \"FORWARD_TO_COUNCIL\"}")
                .status()).isEqualTo(403);
        assertThat(own.post("/api/enrollments/" + id + "/council-decision", "{}").status()).isEqualTo(403);
        assertThat(own.post("/api/enrollments/" + id + "/admission", "{}").status()).isEqualTo(403);
        assertThat(own.post("/api/enrollments/" + id + "/exit", "{}").status()).isEqualTo(403);
        assertThat(own.post("/api/enrollments/" + id + "/erasure", "{}").status()).isEqualTo(403);
        assertThat(own.get("/api/enrollments").status()).isEqualTo(403);
        assertThat(own.get("/api/enrollments/export").status()).isEqualTo(403);
        assertThat(own.put("/api/pool/quotas/2030", "{\"posts\": 1, \"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(ApiClient.on(port).as(Role.FUNDING_OFFICER).get("/api/enrollments/" + id).status())
                .isEqualTo(403);
        assertThat(ApiClient.on(port).anonymous().get("/api/pool/status").status()).isEqualTo(401);
        assertThat(own.get("/api/pool/status").status()).isEqualTo(200);
    }

    @Test
    void theEmployerMayWithdrawItsApplicationBeforeTheCouncilDecides() {
        String employer = TalentTestData.creditCode();
        String id = flows.apply(employer, TalentTestData.person());

        ApiClient.Response withdrawn = flows.employer(employer).post("/api/enrollments/" + id + "/withdrawal",
                "{\"reason\": \"候选人另有安排\"}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(awaitView(flows.institute, id, "WITHDRAWN").path("withdrawnOn").asText())
                .isEqualTo(TalentFlows.today().toString());
    }

    @Test
    void applicationsAreListedByState() {
        String employer = TalentTestData.creditCode();
        String applied = flows.apply(employer, TalentTestData.person());
        String forwarded = flows.apply(employer, TalentTestData.person());
        flows.forward(forwarded);
        projections.awaitCaughtUp(EnrollmentProjection.NAME, PATIENCE);

        List<String> waiting = flows.institute.get("/api/enrollments?state=APPLIED&employer=" + employer).json()
                .path("items").findValuesAsText("enrollmentId");
        JsonNode page = flows.institute.get("/api/enrollments?state=APPLIED&state=FORWARDED&employer=" + employer
                + "&size=1").json();

        assertThat(waiting).containsExactly(applied);
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("items")).hasSize(1);
    }

    @Test
    void theExportListsEnrollmentsWithPersonalDataForTheInstitute() {
        String employer = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        String id = flows.apply(employer, person);
        projections.awaitCaughtUp(EnrollmentProjection.NAME, PATIENCE);

        ApiClient.Response csv = flows.institute.get("/api/enrollments/export?state=APPLIED");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.body().lines().filter(line -> line.startsWith(id)).findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains(employer, person.name(), person.idNumber(), person.phone(), "CLEAR"));
    }

    /**
     * Issue 12, finding 8: the export writes every cell through the services' one CSV cell (CsvCells, whose own test
     * covers a leading tab or carriage return; the service trims those off the position before it is stored).
     */
    @Test
    void anExportCellThatASpreadsheetWouldRunAsAFormulaArrivesAsText() {
        String employer = TalentTestData.creditCode();
        String application = TalentFlows.applicationJson(employer, TalentTestData.person(), "MID_LEVEL",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today().minusMonths(2)).replace("\"研发工程师\"",
                "\"\\t=SUM(A1:A9)\"");
        ApiClient.Response applied = flows.employer(employer).post("/api/enrollments", application);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().path("enrollmentId").asText();
        projections.awaitCaughtUp(EnrollmentProjection.NAME, PATIENCE);

        String export = flows.institute.get("/api/enrollments/export?state=APPLIED").body();

        assertThat(export.lines().filter(line -> line.startsWith(id)).findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains(",\"'=SUM(A1:A9)\",").doesNotContain(",=SUM"));
    }

    private JsonNode awaitView(ApiClient client, String id, String state) {
        projections.awaitCaughtUp(EnrollmentProjection.NAME, PATIENCE);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(client.get("/api/enrollments/" + id).json().path("state").asText()).isEqualTo(state));
        return client.get("/api/enrollments/" + id).json();
    }

    private List<JsonNode> history(ApiClient client, String id) {
        projections.awaitCaughtUp(EnrollmentHistoryProjection.NAME, PATIENCE);
        List<JsonNode> events = new ArrayList<>();
        client.get("/api/enrollments/" + id + "/history").json().path("events").forEach(events::add);
        return events;
    }
}
