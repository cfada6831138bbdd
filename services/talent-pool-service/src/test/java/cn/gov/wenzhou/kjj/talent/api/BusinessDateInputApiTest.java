package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.NotBusinessDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business date in talent-pool-service is {@code YYYY-MM-DD} or absent: an empty string or array is not "today", a
 * date-time or an array of numbers is not a date. Each is a 400 naming the field, and nothing is stored.
 */
@TalentIntegrationTest
class BusinessDateInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionOperations projections;

    TalentFlows flows;
    String employer;

    @BeforeEach
    void setUp() {
        flows = new TalentFlows(port, projections);
        employer = TalentTestData.creditCode();
    }

    @Test
    void anApplicationWithAHireDateThatIsNotADateIs400AndNotStored() {
        String placeholder = "\"" + TalentFlows.today().minusMonths(2) + "\"";
        for (String notADate : NotBusinessDates.JSON_VALUES) {
            String body = TalentFlows.applicationJson(employer, TalentTestData.person(), "MID_LEVEL",
                    "INTELLIGENT_EQUIPMENT", TalentFlows.today().minusMonths(2)).replace(placeholder, notADate);
            long before = eventsOfEmployer();
            ApiClient.Response response = flows.employer(employer).post("/api/enrollments", body);
            assertThat(response.status()).as(notADate + " " + response).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"hireDate\"");
            assertThat(eventsOfEmployer()).isEqualTo(before);
        }
    }

    @Test
    void anAdmissionDatedWithAnythingButADateIs400AndTheHireIsNotAdmitted() {
        flows.freePosts(1);
        String id = flows.approved(employer, TalentTestData.person());
        long before = events(id);
        for (String notADate : NotBusinessDates.JSON_VALUES) {
            ApiClient.Response response = flows.institute.post("/api/enrollments/" + id + "/admission",
                    "{\"admittedOn\": " + notADate + "}");
            assertThat(response.status()).as(notADate + " " + response).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"admittedOn\"");
        }
        assertThat(events(id)).isEqualTo(before);
    }

    @Test
    void aReviewDueDateFilterThatIsNotADateIs400() {
        for (String notADate : List.of("2024-01-02T00:00:00", "2024-1-2", "20240102")) {
            ApiClient.Response response = flows.institute.get("/api/enrollments?reviewDueBy=" + notADate);
            assertThat(response.status()).as(notADate + " " + response).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"reviewDueBy\"");
        }
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private long eventsOfEmployer() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%" + employer + "%");
    }
}
