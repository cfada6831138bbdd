package cn.gov.wenzhou.kjj.funding.demo;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.api.DocumentStore;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.funding.command.PaymentApprovalParameters;
import cn.gov.wenzhou.kjj.funding.command.ReportingParameters;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection;
import cn.gov.wenzhou.kjj.funding.query.PaymentApprovalProjection;
import cn.gov.wenzhou.kjj.funding.query.ChallengeCallProjection;
import cn.gov.wenzhou.kjj.funding.query.FundedProjectProjection;
import cn.gov.wenzhou.kjj.funding.query.MoneyEventProjection;
import cn.gov.wenzhou.kjj.funding.query.PlatformStandingProjection;
import cn.gov.wenzhou.kjj.support.demo.DemoPlatforms;
import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.support.security.Role;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import cn.gov.wenzhou.kjj.testsupport.TableChecksums;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo year loads through the commands and reconciles to the cent; then every funding projection is rebuilt from
 * the event store and comes back with identical rows (on the demo's rows and whatever the other tests left).
 */
@FundingIntegrationTest
class FundingDemoDataTest {

    private static final List<String> PROJECTIONS = List.of(PlatformStandingProjection.NAME,
            ChallengeCallProjection.NAME, FundedProjectProjection.NAME, MoneyEventProjection.NAME,
            PaymentApprovalProjection.NAME, ReportingProjection.NAME);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    FundingParameters parameters;
    @Autowired
    PaymentApprovalParameters approvals;
    @Autowired
    ReportingParameters reporting;
    @Autowired
    Clock clock;
    @Autowired
    DocumentStore documents;
    @Autowired
    ProjectionOperations projections;

    @Test
    void demoYearReconcilesToTheCentAndEveryProjectionRebuildsIdentically() {
        String callId = new FundingDemoData(commands, jdbc, parameters, approvals, reporting, clock,
                documents).load();
        PROJECTIONS.forEach(name -> projections.awaitCaughtUp(name, Duration.ofSeconds(60)));
        ApiClient auditor = ApiClient.on(port).as(Role.FINANCE_AUDITOR);

        JsonNode call = auditor.get("/api/calls/" + callId).json();
        assertThat(call.path("demands").asLong()).isEqualTo(100);
        assertThat(call.path("listedDemands").asLong()).isEqualTo(90);
        assertThat(call.path("applications").asLong()).isEqualTo(60);
        assertThat(call.path("awards").asLong()).isEqualTo(12);
        JsonNode applications = auditor.get("/api/calls/" + callId + "/applications").json();
        assertThat(applications).anySatisfy(a -> assertThat(a.path("priority").asBoolean()).isTrue());

        for (DemoPlatforms.Partner partner : DemoPlatforms.JOINT_BID_PARTNERS) {
            assertThat(jdbc.queryForMap("select credit_code, name, standing, level from platform_standing "
                    + "where platform_id = ?", partner.platformId()))
                    .as("the joint bids' partner is the registry demo's platform %d", partner.index())
                    .containsEntry("credit_code", partner.creditCode()).containsEntry("name", partner.name())
                    .containsEntry("standing", "RECOGNIZED").containsEntry("level", partner.level());
        }

        JsonNode report = auditor.get("/api/audit/reconciliation?callId=" + callId).json();
        assertThat(report.path("reconciled").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("projects").asInt()).isEqualTo(12);
        assertThat(report.path("awardFen").asLong()).isEqualTo(report.path("disbursedFen").asLong()
                + report.path("undisbursedFen").asLong());
        assertThat(report.path("disbursedFen").asLong()).isEqualTo(report.path("spentFen").asLong()
                + report.path("recoveredFen").asLong() + report.path("balanceFen").asLong());
        assertThat(report.path("recoveredFen").asLong()).isPositive();
        List<String> statuses = new ArrayList<>();
        report.path("lines").forEach(line -> statuses.add(line.path("status").asText()));
        assertThat(statuses).contains("AWARDED", "ACTIVE", "SUSPENDED", "CLOSED");
        JsonNode projects = auditor.get("/api/projects?callId=" + callId).json();
        assertThat(projects).extracting(p -> p.path("outcome").asText())
                .contains("ACCEPTED", "NOT_ACCEPTED", "TERMINATED");

        List<Map<String, Object>> payments = jdbc.queryForList("select requested_by, approved_by, actor from money_event "
                + "where call_id = ? and kind = 'DISBURSEMENT'", callId);
        assertThat(payments).as("the demo's payments went through four-eyes approval").isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.get("requested_by")).isEqualTo("demo:funding-clerk");
                    assertThat(p.get("approved_by")).isEqualTo("funding.officer");
                });
        List<Map<String, Object>> moneyEvents = jdbc.queryForList("select kind, evidence from money_event "
                + "where call_id = ?", callId);
        assertThat(moneyEvents).as("every money event of the demo has its evidence documents, each stored")
                .allSatisfy(row -> {
                    assertThat(row.get("evidence")).as(row.toString()).isNotNull();
                    for (String sha256 : row.get("evidence").toString().split(",")) {
                        assertThat(documents.find(sha256)).as(sha256).isPresent();
                    }
                });
        assertThat(jdbc.queryForObject("select count(*) from invoice_claim c join money_event m "
                + "on m.project_id = c.project_id where m.call_id = ? and m.kind = 'AWARD' "
                + "and c.claim_key like 'invoice:%'", Long.class, callId))
                .as("every expenditure claims its e-invoice by seller and number")
                .isEqualTo(jdbc.queryForObject("select count(*) from money_event where call_id = ? "
                        + "and kind = 'EXPENDITURE'", Long.class, callId));

        List<String> projectIds = new ArrayList<>();
        projects.forEach(p -> projectIds.add(p.path("projectId").asText()));
        List<String> overdue = auditor.get("/api/reporting/overdue?limit=500").json().findValuesAsText("projectId");
        assertThat(overdue.stream().filter(projectIds::contains).distinct().toList())
                .as("one demo project is on hold for an overdue report").hasSize(1);
        String held = overdue.stream().filter(projectIds::contains).findFirst().orElseThrow();
        JsonNode heldView = auditor.get("/api/projects/" + held + "/obligations").json();
        assertThat(heldView.path("onHold").asBoolean()).as(heldView.toString()).isTrue();
        assertThat(heldView.path("holds").findValuesAsText("obligationId"))
                .containsExactly(FundingDemoData.OVERDUE_REPORT);
        // the held project's enterprise keeps a notice address: its overdue notice is mailed there and in its inbox
        String heldRecipient = heldView.path("holds").get(0).path("recipientCreditCode").asText();
        ApiClient heldEnterprise = ApiClient.on(port).asOrganisation(Role.ENTERPRISE.name(), heldRecipient);
        await().atMost(Duration.ofSeconds(30)).until(() -> heldEnterprise.get("/api/reporting/notices").json()
                .findValuesAsText("type").contains("OVERDUE"));
        String address = heldEnterprise.get("/api/enterprises/" + heldRecipient + "/notice-address").json()
                .path("address").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from mail_outbox "
                + "where recipient = ? and template = 'funding-report-overdue'", Long.class, address) == 1);
        assertThat(projectIds).as("every other contracted project's reports are in order").allSatisfy(id -> {
            if (!id.equals(held)) {
                assertThat(auditor.get("/api/projects/" + id + "/obligations").json().path("onHold").asBoolean())
                        .as(id).isFalse();
            }
        });

        List<String> tables = new ArrayList<>(List.of("platform_standing"));
        tables.addAll(PaymentApprovalProjection.TABLES);
        tables.addAll(ReportingProjection.TABLES);
        tables.addAll(ChallengeCallProjection.TABLES);
        tables.addAll(FundedProjectProjection.TABLES);
        tables.addAll(MoneyEventProjection.TABLES);
        Map<String, String> before = TableChecksums.of(dataSource, tables);
        for (String name : PROJECTIONS) {
            projections.rebuild(name);
            projections.awaitCaughtUp(name, Duration.ofSeconds(120));
        }
        assertThat(TableChecksums.of(dataSource, tables)).isEqualTo(before);
        assertThat(before.values()).noneMatch(checksum -> checksum.startsWith("0:"));
    }
}
