package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.command.ChineseIdNumber;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.command.MasterKeys;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input: 400 naming the field or 409 naming the rule, and nothing stored (no event, key or claim). */
@TalentIntegrationTest
class EnrollmentBadInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    MasterKeys keys;
    TalentFlows flows;
    String employer;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
        employer = TalentTestData.creditCode();
    }

    @Test
    void idNumberWithAWrongCheckCharacterIsA400NamingTheField() {
        PersonalData valid = TalentTestData.person();
        String wrong = valid.idNumber().substring(0, 17) + (valid.idNumber().endsWith("0") ? "1" : "0");
        assertRefusedApplication(400, "\"field\":\"hire.idNumber\"", new PersonalData(valid.name(), wrong,
                valid.phone()), "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today());
    }

    @Test
    void idNumberOfTheWrongLengthIsA400NamingTheField() {
        PersonalData valid = TalentTestData.person();
        assertRefusedApplication(400, "\"field\":\"hire.idNumber\"", new PersonalData(valid.name(),
                valid.idNumber().substring(0, 15), valid.phone()), "MID_LEVEL", "INTELLIGENT_EQUIPMENT",
                TalentFlows.today());
    }

    @Test
    void idNumberWithAnImpossibleBirthDateIsA400NamingTheField() {
        String first17 = "33030219901345001";
        PersonalData person = new PersonalData("测试", first17 + ChineseIdNumber.checkCharacter(first17),
                "13900000000");
        assertRefusedApplication(400, "\"field\":\"hire.idNumber\"", person, "MID_LEVEL", "INTELLIGENT_EQUIPMENT",
                TalentFlows.today());
    }

    @Test
    void unknownTitleLevelIsA400NamingTheField() {
        assertRefusedApplication(400, "\"field\":\"titleLevel\"", TalentTestData.person(), "GRAND_MASTER",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today());
    }

    @Test
    void fieldOutsideTheCatalogueIsA400NamingTheField() {
        assertRefusedApplication(400, "\"field\":\"field\"", TalentTestData.person(), "MID_LEVEL", "旅游",
                TalentFlows.today());
    }

    @Test
    void fieldOutsideTheCatalogueIsA400NamingTheFieldEvenForAnIneligibleTitle() {
        assertRefusedApplication(400, "\"field\":\"field\"", TalentTestData.person(), "JUNIOR", "旅游",
                TalentFlows.today());
    }

    @Test
    void hireDateInTheFutureIsA400NamingTheField() {
        assertRefusedApplication(400, "\"field\":\"hireDate\"", TalentTestData.person(), "MID_LEVEL",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today().plusDays(1));
    }

    @Test
    void malformedPhoneIsA400NamingTheField() {
        PersonalData valid = TalentTestData.person();
        assertRefusedApplication(400, "\"field\":\"hire.phone\"", new PersonalData(valid.name(), valid.idNumber(),
                "12345"), "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today());
    }

    @Test
    void missingNameIsA400NamingTheField() {
        PersonalData valid = TalentTestData.person();
        assertRefusedApplication(400, "\"field\":\"hire.name\"", new PersonalData(" ", valid.idNumber(),
                valid.phone()), "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today());
    }

    @Test
    void employerCreditCodeWithAWrongCheckCharacterIsA400NamingTheField() {
        String wrong = employer.substring(0, 17) + (employer.endsWith("0") ? "1" : "0");
        assertNothingStored(wrong, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments", TalentFlows.applicationJson(
                    wrong, TalentTestData.person(), "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today()));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"employerCreditCode\"");
            return response;
        });
    }

    @Test
    void anUnknownPropertyIsA400() {
        assertNothingStored(() -> {
            ApiClient.Response response = flows.employer(employer).post("/api/enrollments",
                    TalentFlows.applicationJson(employer, TalentTestData.person(), "MID_LEVEL",
                            "INTELLIGENT_EQUIPMENT", TalentFlows.today()).replaceFirst("\\{", "{\"salary\": 1,"));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"salary\"");
            return response;
        });
    }

    @Test
    void juniorTitleIsA409NamingTheEligibilityRule() {
        assertRefusedApplication(409, "\"rule\":\"eligibility.title-level\"", TalentTestData.person(), "初级职称",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today());
    }

    @Test
    void hireOutsideTheWindowIsA409NamingTheEligibilityRule() {
        assertRefusedApplication(409, "\"rule\":\"eligibility.hire-not-recent\"", TalentTestData.person(),
                "MID_LEVEL", "INTELLIGENT_EQUIPMENT", TalentFlows.today().minusYears(3));
    }

    @Test
    void aPersonWithAnOpenApplicationCannotBeAppliedForAgain() {
        PersonalData person = TalentTestData.person();
        flows.apply(employer, person);
        assertRefusedApplication(409, "\"rule\":\"enrollment.person-already-enrolled\"", person, "MID_LEVEL",
                "INTELLIGENT_EQUIPMENT", TalentFlows.today());
    }

    @Test
    void aRejectedPersonMayBeAppliedForAgain() {
        PersonalData person = TalentTestData.person();
        String first = flows.apply(employer, person);
        assertThat(flows.institute.post("/api/enrollments/" + first + "/review",
                "{\"decision\": \"REJECT\", \"note\": \"材料不全\"}").status()).isEqualTo(200);

        assertThat(flows.applyFor(employer, person, "MID_LEVEL", "INTELLIGENT_EQUIPMENT",
                TalentFlows.today().minusDays(3)).status()).isEqualTo(201);
    }

    @Test
    void admissionWithoutAFreePostIsA409AndRecordsNothing() {
        String id = flows.approved(employer, TalentTestData.person());
        flows.freePosts(0);

        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.admit(id);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.body()).contains("\"rule\":\"pool.quota-exhausted\"");
            return response;
        });
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%HireAdmitted'", Long.class, id)).isZero();
    }

    @Test
    void admissionBeforeTheCouncilDecidedIsA409NamingTheRule() {
        String id = flows.apply(employer, TalentTestData.person());
        flows.forward(id);
        flows.freePosts(1);

        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.admit(id);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.body()).contains("\"rule\":\"admission.requires-council-approval\"");
            return response;
        });
    }

    @Test
    void councilDecisionWithoutItsResolutionNumberIsA400NamingTheField() {
        String id = flows.apply(employer, TalentTestData.person());
        flows.forward(id);
        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/council-decision",
                    "{\"decision\": \"APPROVE\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"resolutionNumber\"");
            return response;
        });
    }

    @Test
    void rejectionWithoutAReasonIsA400NamingTheField() {
        String id = flows.apply(employer, TalentTestData.person());
        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/review",
                    "{\"decision\": \"REJECT\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"note\"");
            return response;
        });
    }

    @Test
    void exitDatedInTheFutureIsA400NamingTheField() {
        flows.freePosts(1);
        String id = flows.admitted(employer, TalentTestData.person());
        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/exit",
                    "{\"reason\": \"LEFT_EMPLOYER\", \"exitedOn\": \"" + TalentFlows.today().plusDays(2) + "\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"exitedOn\"");
            return response;
        });
    }

    @Test
    void unknownExitReasonIsA400NamingTheField() {
        flows.freePosts(1);
        String id = flows.admitted(employer, TalentTestData.person());
        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/exit",
                    "{\"reason\": \"RETIRED\"}");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"reason\"");
            return response;
        });
    }

    @Test
    void termEndedExitBeforeTheTermEndsIsA409NamingTheRule() {
        flows.freePosts(1);
        String id = flows.admitted(employer, TalentTestData.person());
        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/exit",
                    "{\"reason\": \"TERM_ENDED\"}");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.body()).contains("\"rule\":\"exit.term-not-ended\"");
            return response;
        });
    }

    @Test
    void erasureWhileTheHireHoldsAPostIsA409AndKeepsTheKey() {
        flows.freePosts(1);
        String id = flows.admitted(employer, TalentTestData.person());
        assertNothingStored(id, null, () -> {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/erasure",
                    "{\"requestReference\": \"PIPL-T-1\"}");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.body()).contains("\"rule\":\"erasure.enrollment-open\"");
            return response;
        });
        assertThat(jdbc.queryForObject("""
                select count(*) from personal_data_key k join person_enrollment p on p.person_id = k.person_id
                where p.enrollment_id = ? and k.wrapped_key is not null""", Long.class, id)).isEqualTo(1);
    }

    @Test
    void unknownEnrollmentIsA404() {
        assertThat(flows.institute.get("/api/enrollments/no-such-enrollment").status()).isEqualTo(404);
        assertThat(flows.institute.post("/api/enrollments/no-such-enrollment/review",
                "{\"decision\": \"FORWARD_TO_COUNCIL\"}").status()).isEqualTo(404);
        assertThat(flows.institute.post("/api/enrollments/no-such-enrollment/erasure",
                "{\"requestReference\": \"x\"}").status()).isEqualTo(404);
    }

    @Test
    void unknownStateFilterIsA400NamingTheField() {
        ApiClient.Response response = flows.institute.get("/api/enrollments?state=SLEEPING");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"state\"");
    }

    @Test
    void aPageBeyondItsBoundIsA400NamingTheField() {
        for (String path : List.of("/api/enrollments?page=100001", "/api/enrollments?page=2147483648",
                "/api/employers/" + employer + "/enrollments?page=100001")) {
            ApiClient.Response response = flows.institute.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"page\"");
        }
        assertThat(flows.institute.get("/api/enrollments?size=201").body()).contains("\"field\":\"size\"");
    }

    @Test
    void moreStateValuesThanThereAreStatesIsA400NamingTheField() {
        String eight = "state=APPLIED&".repeat(8);
        for (String path : List.of("/api/enrollments?" + eight, "/api/enrollments/export?" + eight,
                "/api/employers/" + employer + "/enrollments?" + eight)) {
            ApiClient.Response response = flows.institute.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"state\"");
        }
    }

    @Test
    void anIdNumberLongerThanEighteenCharactersIsA400NamingTheField() {
        PersonalData valid = TalentTestData.person();
        assertRefusedApplication(400, "\"field\":\"hire.idNumber\"", new PersonalData(valid.name(),
                valid.idNumber() + "0".repeat(10_000), valid.phone()), "MID_LEVEL", "INTELLIGENT_EQUIPMENT",
                TalentFlows.today());
    }

    private void assertRefusedApplication(int status, String naming, PersonalData person, String titleLevel,
                                          String field, LocalDate hireDate) {
        assertNothingStored(employer, person, () -> {
            ApiClient.Response response = flows.applyFor(employer, person, titleLevel, field, hireDate);
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            assertThat(response.body()).contains(naming);
            assertThat(response.body()).doesNotContain(person.idNumber(), person.phone());
            return response;
        });
    }

    /** Nothing about this employer (or enrollment) in the event store, and no key or claim for the person. */
    private void assertNothingStored(String marker, PersonalData person, Supplier<ApiClient.Response> refusal) {
        long events = eventsMentioning(marker);
        long keys = person == null ? 0 : keysOf(person);
        refusal.get();
        assertThat(eventsMentioning(marker)).isEqualTo(events);
        if (person != null) {
            assertThat(keysOf(person)).isEqualTo(keys);
        }
    }

    private void assertNothingStored(Supplier<ApiClient.Response> refusal) {
        assertNothingStored(employer, null, refusal);
    }

    private long eventsMentioning(String marker) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " or convert_from(payload, 'UTF8') like ?", Long.class, marker, "%" + marker + "%");
    }

    private long keysOf(PersonalData person) {
        return jdbc.queryForObject("""
                select count(*) from personal_data_key k left join person_enrollment p on p.person_id = k.person_id
                where k.lookup_hash = ?""", Long.class, keys.current().lookupHash(person.idNumber()));
    }
}
