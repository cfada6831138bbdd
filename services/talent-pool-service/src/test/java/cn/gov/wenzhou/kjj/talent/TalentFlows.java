package cn.gov.wenzhou.kjj.talent;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.query.PoolStatusProjection;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrollment flow through the REST API, as the institute and employers call it. */
public final class TalentFlows {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final ApiClient institute;
    private final int port;
    private final ProjectionOperations projections;

    public TalentFlows(int port, ProjectionOperations projections) {
        this.port = port;
        this.projections = projections;
        this.institute = ApiClient.on(port).as(Role.TALENT_INSTITUTE);
    }

    public static LocalDate today() {
        return BusinessCalendar.today(Clock.systemUTC());
    }

    public ApiClient employer(String creditCode) {
        return ApiClient.on(port).asOrganisation(Role.ENTERPRISE.name(), creditCode);
    }

    public static String applicationJson(String creditCode, PersonalData person, String titleLevel, String field,
                                         LocalDate hireDate) {
        Map<String, Object> hire = new LinkedHashMap<>();
        hire.put("name", person.name());
        hire.put("idNumber", person.idNumber());
        hire.put("phone", person.phone());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employerCreditCode", creditCode);
        body.put("hire", hire);
        body.put("position", "研发工程师");
        body.put("hireDate", hireDate == null ? null : hireDate.toString());
        body.put("titleLevel", titleLevel);
        body.put("field", field);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ApiClient.Response applyFor(String creditCode, PersonalData person, String titleLevel, String field,
                                       LocalDate hireDate) {
        return employer(creditCode).post("/api/enrollments",
                applicationJson(creditCode, person, titleLevel, field, hireDate));
    }

    /** An application the enterprise made for a new hire; returns its id. */
    public String apply(String creditCode, PersonalData person) {
        ApiClient.Response response = applyFor(creditCode, person, "MID_LEVEL", "INTELLIGENT_EQUIPMENT",
                today().minusMonths(2));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("enrollmentId").asText();
    }

    public void forward(String enrollmentId) {
        expect(institute.post("/api/enrollments/" + enrollmentId + "/review",
                "{\"decision\": \"FORWARD_TO_COUNCIL\", \"note\": \"材料齐全\"}"), "FORWARDED");
    }

    public void approve(String enrollmentId) {
        expect(institute.post("/api/enrollments/" + enrollmentId + "/council-decision",
                "{\"decision\": \"APPROVE\", \"resolutionNumber\": \"温人才院理〔2026〕9号\"}"), "APPROVED");
    }

    public String approved(String creditCode, PersonalData person) {
        String id = apply(creditCode, person);
        forward(id);
        approve(id);
        return id;
    }

    public ApiClient.Response admit(String enrollmentId) {
        return institute.post("/api/enrollments/" + enrollmentId + "/admission", "{}");
    }

    public String admitted(String creditCode, PersonalData person) {
        String id = approved(creditCode, person);
        expect(admit(id), "ADMITTED");
        return id;
    }

    public void exit(String enrollmentId, String reason) {
        expect(institute.post("/api/enrollments/" + enrollmentId + "/exit",
                "{\"reason\": \"" + reason + "\", \"note\": \"离职\"}"), "EXITED");
    }

    /** Posts held in the pool now (the view, once it caught up with the store). */
    public int taken() {
        projections.awaitCaughtUp(PoolStatusProjection.NAME, Duration.ofSeconds(30));
        ApiClient.Response status = institute.get("/api/pool/status/" + today().getYear());
        return status.status() == 404 ? heldBeforeThisYear() : status.json().path("taken").asInt();
    }

    /** Sets this year's quota so that exactly {@code free} posts are free. */
    public int freePosts(int free) {
        int taken = taken();
        assertThat(institute.put("/api/pool/quotas/" + today().getYear(),
                "{\"posts\": " + (taken + free) + ", \"reason\": \"test\"}").status()).isEqualTo(200);
        return taken;
    }

    private int heldBeforeThisYear() {
        int held = 0;
        for (var year : institute.get("/api/pool/status").json()) {
            held = year.path("taken").asInt();
        }
        return held;
    }

    private static void expect(ApiClient.Response response, String state) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("state").asText()).isEqualTo(state);
    }
}
