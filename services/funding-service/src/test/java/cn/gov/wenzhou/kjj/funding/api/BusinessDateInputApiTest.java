package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.NotBusinessDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business date in funding-service is {@code YYYY-MM-DD} or absent: an empty string or array is not "today", a
 * date-time or an array of numbers is not a date. Each is a 400 naming the field, and nothing is stored.
 */
@FundingIntegrationTest
class BusinessDateInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void anExpenditureDatedWithAnythingButADateIs400AndNotStored() {
        Project project = funding.signedProject();
        FundingScenario.ok(funding.disburse(project.projectId(), 1, 500_000L));
        for (String notADate : NotBusinessDates.JSON_VALUES) {
            assertInvalid("spentOn", project.projectId(), () -> funding.officer.post("/api/projects/" + project.projectId()
                    + "/expenditures", """
                    {"category": "OPERATING", "amountFen": 100, "voucherRef": "记-1", "purpose": "采购",
                     "spentOn": %s}""".formatted(notADate)));
        }
    }

    @Test
    void aContractDatedWithAnythingButADateIs400AndNotSigned() {
        String projectId = FundingScenario.created(funding.award(
                funding.rankedApplication(FundingScenario.newCreditCode(), null, null)), "projectId");
        for (String notADate : NotBusinessDates.JSON_VALUES) {
            assertInvalid("signedOn", projectId, () -> funding.officer.post("/api/projects/" + projectId + "/contract",
                    "{\"contractRef\": \"合同-1\", \"signedOn\": " + notADate + "}"));
        }
    }

    @Test
    void anAuditAsOfAnythingButADateIs400() {
        Project project = funding.signedProject();
        for (String notADate : List.of("2024-01-02T00:00:00", "2024-01-02%2B08:00", "2024-1-2", "%20")) {
            assertInvalid("date", null, () -> funding.auditor.get("/api/audit/projects/" + project.projectId()
                    + "/as-of?date=" + notADate));
        }
    }

    private void assertInvalid(String field, String aggregateId, Supplier<ApiClient.Response> call) {
        long before = events(aggregateId);
        ApiClient.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        assertThat(events(aggregateId)).isEqualTo(before);
    }

    private long events(String aggregateId) {
        return aggregateId == null ? 0 : jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }
}
