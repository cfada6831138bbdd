package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.FundingScenario.Project;
import cn.gov.wenzhou.kjj.funding.query.MoneyEventProjection;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

@FundingIntegrationTest
class AuditTrailApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    @Test
    void everyMoneyEventOfAProjectIsListedWithActorReasonDocumentAndParameterVersion() {
        Project project = spentProject();
        JsonNode page = funding.auditor.get("/api/audit/money-events?projectId=" + project.projectId()).json();
        assertThat(page.path("items")).extracting(e -> e.path("kind").asText())
                .containsExactly("AWARD", "DISBURSEMENT", "EXPENDITURE", "EXPENDITURE", "ADJUSTMENT");
        JsonNode disbursement = page.path("items").get(1);
        assertThat(disbursement.path("amountFen").asLong()).isEqualTo(500_000L);
        assertThat(disbursement.path("actor").asText()).as("the approval paid it").isEqualTo(FundingScenario.APPROVER);
        assertThat(disbursement.path("actorRole").asText()).isEqualTo("FUNDING_OFFICER");
        assertThat(disbursement.path("requestedBy").asText()).isEqualTo("test-funding_officer");
        assertThat(disbursement.path("approvedBy").asText()).isEqualTo(FundingScenario.APPROVER);
        assertThat(disbursement.path("documentRef").asText()).isEqualTo("拨-1");
        assertThat(disbursement.path("reason").asText()).isEqualTo("按节点拨付");
        assertThat(disbursement.path("parameterVersion").asText()).isEqualTo("2021.1");
        assertThat(disbursement.path("recipientCreditCode").asText()).isEqualTo(project.recipient());
        JsonNode adjustment = page.path("items").get(4);
        assertThat(adjustment.path("category").asText()).isEqualTo("LABOUR");
        assertThat(adjustment.path("counterCategory").asText()).isEqualTo("OPERATING");
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesFollowEachOtherWithTheirCursorAndFiltersCombine() {
        Project project = spentProject();
        List<String> kinds = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = funding.auditor.get("/api/audit/money-events?limit=2&projectId=" + project.projectId()
                    + (cursor == null ? "" : "&after=" + cursor)).json();
            page.path("items").forEach(e -> kinds.add(e.path("kind").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(kinds).containsExactly("AWARD", "DISBURSEMENT", "EXPENDITURE", "EXPENDITURE", "ADJUSTMENT");

        JsonNode byRecipient = funding.auditor.get("/api/audit/money-events?kind=EXPENDITURE&recipient="
                + project.recipient()).json();
        assertThat(byRecipient.path("items")).extracting(e -> e.path("amountFen").asLong())
                .containsExactly(100_000L, 50_000L);
        JsonNode byCall = funding.auditor.get("/api/audit/money-events?callId=" + project.callId()).json();
        assertThat(byCall.path("items")).hasSize(5);
        JsonNode noPeriod = funding.auditor.get("/api/audit/money-events?projectId=" + project.projectId()
                + "&from=2000-01-01&to=2000-12-31").json();
        assertThat(noPeriod.path("items")).isEmpty();
        assertThat(funding.auditor.get("/api/audit/money-events?from=2025-02-01&to=2025-01-01").status())
                .isEqualTo(400);
        assertThat(funding.auditor.get("/api/audit/money-events?recipient=91330300MA2H7K8L0H").status())
                .isEqualTo(400);
    }

    @Test
    void theStateOfAProjectAsOfAPastInstantIsReplayedFromTheEventStore() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        Instant afterPayment = Instant.now();
        ok(funding.spend(project.projectId(), "OPERATING", 120_000L));

        JsonNode then = funding.auditor.get("/api/audit/projects/" + project.projectId() + "/as-of?at=" + afterPayment)
                .json();
        assertThat(then.path("state").path("disbursedFen").asLong()).isEqualTo(500_000L);
        assertThat(then.path("state").path("spentFen").asLong()).isZero();
        assertThat(then.path("state").path("balanceFen").asLong()).isEqualTo(500_000L);
        JsonNode now = funding.auditor.get("/api/audit/projects/" + project.projectId() + "/as-of?at="
                + Instant.now()).json();
        assertThat(now.path("state").path("spentFen").asLong()).isEqualTo(120_000L);
        assertThat(now.path("eventsApplied").asInt()).isEqualTo(then.path("eventsApplied").asInt() + 1);
        assertThat(funding.auditor.get("/api/audit/projects/" + project.projectId() + "/as-of?at=2000-01-01T00:00:00Z")
                .status()).isEqualTo(404);
    }

    @Test
    void csvAndXlsxExportsHoldEveryFilteredRow() throws Exception {
        Project project = spentProject();
        ApiClient.Response csv = funding.auditor.get("/api/audit/money-events.csv?projectId=" + project.projectId());
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("position,recorded_at,business_date,kind");
        assertThat(lines[2]).contains(",DISBURSEMENT,").contains(",500000,5000.00,");

        byte[] xlsx = RestClient.create("http://localhost:" + port).method(HttpMethod.GET)
                .uri("/api/audit/money-events.xlsx?projectId=" + project.projectId())
                .header("Authorization", "Bearer " + cn.gov.wenzhou.kjj.testsupport.TestTokens.get()
                        .mint("auditor", List.of("FINANCE_AUDITOR"), null))
                .retrieve().body(byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("DISBURSEMENT");
            assertThat((long) sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(500_000L);
        }
    }

    @Test
    void csvCellsThatWouldRunAsAFormulaAreNeutralisedIncludingALeadingTabOrCarriageReturn() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        for (String purpose : new String[]{"=HYPERLINK(\\\"http://evil\\\")", "\\t=1+1", "\\r@SUM(A1)"}) {
            ok(funding.officer.post("/api/projects/" + project.projectId() + "/expenditures", """
                    {"category": "OPERATING", "amountFen": 10, "voucherRef": "记-注入", "purpose": "%s"}"""
                    .formatted(purpose)));
        }
        projections.awaitCaughtUp(MoneyEventProjection.NAME, Duration.ofSeconds(30));
        String csv = funding.auditor.get("/api/audit/money-events.csv?projectId=" + project.projectId()
                + "&kind=EXPENDITURE").body();
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", ",\"'\t=1+1\",", ",\"'\r@SUM(A1)\",");
        assertThat(csv).doesNotContain(",=HYPERLINK", ",\t=", ",\r@");
    }

    @Test
    void totalsReconcileToTheCent() {
        Project project = spentProject();
        JsonNode report = funding.auditor.get("/api/audit/reconciliation?projectId=" + project.projectId()).json();
        assertThat(report.path("reconciled").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("awardFen").asLong()).isEqualTo(1_000_000L);
        assertThat(report.path("disbursedFen").asLong()).isEqualTo(500_000L);
        assertThat(report.path("undisbursedFen").asLong()).isEqualTo(500_000L);
        assertThat(report.path("spentFen").asLong()).isEqualTo(150_000L);
        assertThat(report.path("balanceFen").asLong()).isEqualTo(350_000L);
        assertThat(report.path("awardFen").asLong()).isEqualTo(
                report.path("disbursedFen").asLong() + report.path("undisbursedFen").asLong());
        assertThat(report.path("disbursedFen").asLong()).isEqualTo(report.path("spentFen").asLong()
                + report.path("recoveredFen").asLong() + report.path("balanceFen").asLong());
    }

    @Test
    void theAuditTrailIsReadOnlyForFinanceAndClosedToEnterprises() {
        Project project = spentProject();
        assertThat(funding.enterprise(project.recipient()).get("/api/audit/money-events?projectId="
                + project.projectId()).status()).isEqualTo(403);
        assertThat(funding.auditor.post("/api/projects/" + project.projectId() + "/closure",
                "{\"documentRef\": \"x\"}").status()).isEqualTo(403);
    }

    /** Award, tranche 1, two expenditures, one adjustment; waits until the audit trail shows all five. */
    private Project spentProject() {
        Project project = funding.signedProject();
        ok(funding.disburse(project.projectId(), 1, null));
        ok(funding.spend(project.projectId(), "OPERATING", 100_000L));
        ok(funding.spend(project.projectId(), "LABOUR", 50_000L));
        ok(funding.officer.post("/api/projects/" + project.projectId() + "/budget-adjustments",
                "{\"fromCategory\": \"OPERATING\", \"toCategory\": \"LABOUR\", \"amountFen\": 20000, "
                        + "\"reason\": \"劳务增加\"}"));
        projections.awaitCaughtUp(MoneyEventProjection.NAME, Duration.ofSeconds(30));
        funding.awaitProject(project.projectId(), p -> p.path("spentFen").asLong() == 150_000L);
        return project;
    }
}
