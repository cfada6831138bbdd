package cn.gov.wenzhou.kjj.support.app;

import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest(properties = SupportTestApplication.CONFIG)
class ProblemDetailsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.on(port).as("FUNDING_OFFICER");
    }

    @Test
    void unknownFieldIsA400NamingTheField() {
        Problem problem = post("/ledgers", """
                {"name": "x", "openedOn": "2024-01-02", "colour": "red"}""");
        assertThat(problem.status).isEqualTo(400);
        assertThat(problem.body).contains("colour").contains("invalid-input");
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        Problem problem = post("/ledgers", """
                {"name": "x", "openedOn": "not a date"}""");
        assertThat(problem.status).isEqualTo(400);
        assertThat(problem.body).contains("\"field\":\"openedOn\"");
    }

    @Test
    void fractionalFenIsA400() {
        Problem problem = post("/ledgers/some-id/postings", """
                {"amountFen": 12.5}""");
        assertThat(problem.status).isEqualTo(400);
        assertThat(problem.body).contains("\"field\":\"amountFen\"");
    }

    @Test
    void missingFieldIsA400NamingTheField() {
        Problem problem = post("/ledgers", """
                {"name": "x"}""");
        assertThat(problem.status).isEqualTo(400);
        assertThat(problem.body).contains("\"field\":\"openedOn\"");
    }

    @Test
    void malformedJsonIsA400AndNothingIsStored() {
        long before = eventCount();
        Problem problem = post("/ledgers", "{\"name\": ");
        assertThat(problem.status).isEqualTo(400);
        assertThat(problem.body).contains("not well-formed JSON");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void domainValidationIsA400NamingTheField() {
        long before = eventCount();
        Problem problem = post("/ledgers", """
                {"name": "!bad", "openedOn": "2024-01-02"}""");
        assertThat(problem.status).isEqualTo(400);
        assertThat(problem.body).contains("\"field\":\"name\"");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void brokenRuleIsA409NamingTheRuleAndNothingIsStored() {
        String id = api.post("/ledgers", "{\"name\": \"rule\", \"openedOn\": \"2024-01-02\"}").body();
        long before = eventCount();
        Problem problem = post("/ledgers/" + id + "/postings", "{\"amountFen\": -1}");
        assertThat(problem.status).isEqualTo(409);
        assertThat(problem.body).contains("\"rule\":\"ledger.no-overdraft\"").doesNotContain("Exception");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownAggregateIsA404() {
        Problem problem = post("/ledgers/no-such-ledger/postings", "{\"amountFen\": 1}");
        assertThat(problem.status).isEqualTo(404);
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private Problem post(String path, String json) {
        ApiClient.Response response = api.post(path, json);
        return new Problem(response.status(), response.body());
    }

    record Problem(int status, String body) {
    }
}
