package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentHistoryProjection;
import cn.gov.wenzhou.kjj.talent.query.EnrollmentProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 7: what an employer is told never depends on another employer's enrollments. Applying for a
 * person another employer applied for, or employs through the pool, is answered exactly as for a new person; the
 * institute sees the duplicate; one person still holds at most one post.
 */
@TalentIntegrationTest
class NoEnrollmentOracleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    TalentFlows flows;
    String employerA;
    String employerB;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
        employerA = TalentTestData.creditCode();
        employerB = TalentTestData.creditCode();
    }

    @Test
    void anotherEmployerApplyingForAPersonInThePoolGetsTheAnswerANewPersonGets() {
        PersonalData inPool = TalentTestData.person();
        String byA = flows.admitted(employerA, inPool);
        PersonalData applied = TalentTestData.person();
        flows.apply(employerA, applied);
        PersonalData nobody = TalentTestData.person();

        List<ApiClient.Response> answers = List.of(apply(employerB, inPool), apply(employerB, applied),
                apply(employerB, nobody));

        for (ApiClient.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        JsonNode reference = answers.get(2).json();
        for (ApiClient.Response answer : answers) {
            assertThat(fieldNames(answer.json())).isEqualTo(fieldNames(reference));
            assertThat(answer.json().path("state").asText()).isEqualTo(reference.path("state").asText());
            assertThat(answer.json().path("policyVersion").asText())
                    .isEqualTo(reference.path("policyVersion").asText());
            assertThat(answer.headers().getLocation()).isNotNull();
        }
        // and what B reads afterwards about its application is shaped the same, with nothing about A
        awaitViews();
        ApiClient employer = flows.employer(employerB);
        JsonNode referenceView = employer.get("/api/enrollments/" + id(answers.get(2))).json();
        JsonNode referenceHistory = employer.get("/api/enrollments/" + id(answers.get(2)) + "/history").json();
        for (ApiClient.Response answer : answers) {
            JsonNode view = employer.get("/api/enrollments/" + id(answer)).json();
            assertThat(fieldNames(view)).isEqualTo(fieldNames(referenceView)).doesNotContain("samePersonElsewhere");
            assertThat(view.toString()).doesNotContain(byA, employerA);
            assertThat(view.path("state").asText()).isEqualTo("APPLIED");
            assertThat(view.path("person").path("disclosure").asText()).isEqualTo("MASKED");
            JsonNode history = employer.get("/api/enrollments/" + id(answer) + "/history").json();
            assertThat(history.path("events").findValuesAsText("type"))
                    .isEqualTo(referenceHistory.path("events").findValuesAsText("type"));
            assertThat(fieldNames(history.path("events").get(0).path("details")))
                    .isEqualTo(fieldNames(referenceHistory.path("events").get(0).path("details")));
            assertThat(history.toString()).doesNotContain(byA, employerA);
        }
        JsonNode page = employer.get("/api/employers/" + employerB + "/enrollments").json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.toString()).doesNotContain("samePersonElsewhere", byA, employerA);
    }

    @Test
    void theInstituteSeesTheDuplicateOnBothEnrollmentsAndInItsWorklist() {
        PersonalData person = TalentTestData.person();
        String byA = flows.apply(employerA, person);
        String byB = id(apply(employerB, person));
        String unrelated = id(apply(employerB, TalentTestData.person()));
        awaitViews();

        JsonNode seenOnB = flows.institute.get("/api/enrollments/" + byB).json().path("samePersonElsewhere");
        assertThat(seenOnB).hasSize(1);
        assertThat(seenOnB.get(0).path("enrollmentId").asText()).isEqualTo(byA);
        assertThat(seenOnB.get(0).path("employerCreditCode").asText()).isEqualTo(employerA);
        assertThat(seenOnB.get(0).path("state").asText()).isEqualTo("APPLIED");
        JsonNode seenOnA = flows.institute.get("/api/enrollments/" + byA).json().path("samePersonElsewhere");
        assertThat(seenOnA.findValuesAsText("enrollmentId")).containsExactly(byB);
        assertThat(flows.institute.get("/api/enrollments/" + unrelated).json().path("samePersonElsewhere"))
                .isEmpty();

        JsonNode worklist = flows.institute.get("/api/enrollments?samePersonElsewhere=true&employer=" + employerB)
                .json();
        List<String> listed = new ArrayList<>();
        worklist.path("items").forEach(item -> listed.add(item.path("enrollmentId").asText()));
        assertThat(listed).containsExactly(byB);
        assertThat(flows.institute.get("/api/enrollments/export").body().lines()
                .filter(line -> line.startsWith(byB)).findFirst()).hasValueSatisfying(line ->
                assertThat(line).endsWith("," + byA));

        // once A's application is closed, nothing is left to review
        assertThat(flows.institute.post("/api/enrollments/" + byA + "/review",
                "{\"decision\": \"REJECT\", \"note\": \"重复申报\"}").status()).isEqualTo(200);
        awaitViews();
        assertThat(flows.institute.get("/api/enrollments/" + byB).json().path("samePersonElsewhere")).isEmpty();
    }

    @Test
    void theSameEmployerApplyingTwiceIsStillRefused() {
        PersonalData person = TalentTestData.person();
        flows.apply(employerA, person);
        apply(employerB, person);

        ApiClient.Response again = apply(employerA, person);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("enrollment.person-already-enrolled");
        assertThat(again.body()).doesNotContain(employerB);
    }

    @Test
    void onePersonHoldsOnePostAtAdmissionAndAnExitFreesItForTheOtherEmployer() {
        flows.freePosts(2);
        PersonalData person = TalentTestData.person();
        String byA = flows.admitted(employerA, person);
        String byB = id(apply(employerB, person));
        flows.forward(byB);
        flows.approve(byB);
        int taken = flows.taken();

        ApiClient.Response refused = flows.admit(byB);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("admission.person-holds-post");
        assertThat(refused.json().path("detail").asText()).contains(byA);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%HireAdmitted'", Long.class, byB)).isZero();
        assertThat(flows.taken()).isEqualTo(taken);

        flows.exit(byA, "LEFT_EMPLOYER");
        ApiClient.Response admitted = flows.admit(byB);
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.json().path("state").asText()).isEqualTo("ADMITTED");
    }

    private ApiClient.Response apply(String employer, PersonalData person) {
        return flows.applyFor(employer, person, "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today().minusMonths(2));
    }

    private static String id(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("enrollmentId").asText();
    }

    private void awaitViews() {
        projections.awaitCaughtUp(EnrollmentProjection.NAME, PATIENCE);
        projections.awaitCaughtUp(EnrollmentHistoryProjection.NAME, PATIENCE);
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
