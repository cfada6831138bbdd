package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enrollment as of a past instant is replayed from the event store (as the registry's platform and funding's
 * project are), with the person's data shown only as the caller may see it today.
 */
@TalentIntegrationTest
class EnrollmentAsOfApiTest {

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
    void anEnrollmentAsOfAnInstantIsItsEventsUpToThenReplayed() {
        String employer = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        flows.freePosts(1);
        Instant beforeApplication = Instant.now();
        String id = flows.apply(employer, person);
        Instant applied = Instant.now();
        flows.forward(id);
        flows.approve(id);
        Instant approved = Instant.now();
        assertThat(flows.admit(id).status()).isEqualTo(200);

        JsonNode then = asOf(flows.institute, id, "at=" + applied).json();
        assertThat(then.path("eventsApplied").asInt()).isEqualTo(1);
        assertThat(then.path("state").path("state").asText()).isEqualTo("APPLIED");
        assertThat(then.path("state").path("person").path("name").asText()).isEqualTo(person.name());
        assertThat(then.path("state").path("person").path("disclosure").asText()).isEqualTo("CLEAR");
        assertThat(then.path("state").has("samePersonElsewhere")).as("today's other enrollments are not history")
                .isFalse();

        JsonNode council = asOf(flows.institute, id, "at=" + approved).json().path("state");
        assertThat(council.path("state").asText()).isEqualTo("APPROVED");
        assertThat(council.path("councilResolution").asText()).isEqualTo("温人才院理〔2026〕9号");
        assertThat(council.path("admittedOn").isNull()).isTrue();

        JsonNode today = asOf(flows.institute, id, "date=" + TalentFlows.today()).json();
        assertThat(today.path("eventsApplied").asInt()).isEqualTo(4);
        assertThat(today.path("state").path("state").asText()).isEqualTo("ADMITTED");
        assertThat(today.path("state").path("admittedOn").asText()).isEqualTo(TalentFlows.today().toString());

        assertThat(asOf(flows.institute, id, "at=" + beforeApplication).status()).isEqualTo(404);
        assertThat(asOf(flows.institute, id, "").json().path("errors").get(0).path("field").asText())
                .isEqualTo("at");
    }

    @Test
    void theEmployerSeesItsOwnHireMaskedAndAnErasedPersonStaysErasedInThePast() {
        String employer = TalentTestData.creditCode();
        PersonalData person = TalentTestData.person();
        String id = flows.apply(employer, person);
        Instant applied = Instant.now();

        JsonNode masked = asOf(flows.employer(employer), id, "at=" + applied).json().path("state").path("person");
        assertThat(masked.path("disclosure").asText()).isEqualTo("MASKED");
        assertThat(masked.toString()).doesNotContain(person.name(), person.idNumber(), person.phone());
        assertThat(asOf(flows.employer(TalentTestData.creditCode()), id, "at=" + applied).status()).isEqualTo(403);

        ApiClient.Response rejected = flows.institute.post("/api/enrollments/" + id + "/review",
                "{\"decision\": \"REJECT\", \"note\": \"材料不全\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        ApiClient.Response erased = flows.institute.post("/api/enrollments/" + id + "/erasure",
                "{\"requestReference\": \"PIPL-AS-OF-1\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        ApiClient.Response past = asOf(flows.institute, id, "at=" + applied);
        assertThat(past.json().path("state").path("state").asText()).isEqualTo("APPLIED");
        assertThat(past.json().path("state").path("person").path("disclosure").asText()).isEqualTo("ERASED");
        assertThat(past.body()).doesNotContain(person.name(), person.idNumber(), person.phone());
        assertThat(asOf(flows.institute, id, "date=" + TalentFlows.today()).body()).doesNotContain(person.name())
                .doesNotContain("材料不全");
    }

    private static ApiClient.Response asOf(ApiClient caller, String enrollmentId, String query) {
        return caller.get("/api/enrollments/" + enrollmentId + "/as-of" + (query.isEmpty() ? "" : "?" + query));
    }
}
