package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.FundingIntegrationTest;
import cn.gov.wenzhou.kjj.funding.FundingScenario;
import cn.gov.wenzhou.kjj.funding.command.BudgetLine;
import cn.gov.wenzhou.kjj.funding.command.CategoryKind;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.RecordEnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.FundingCommandConfiguration;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AwardProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SignContract;
import cn.gov.wenzhou.kjj.funding.command.ReportingDeadlineSweep;
import cn.gov.wenzhou.kjj.funding.command.ReportingParameters;
import cn.gov.wenzhou.kjj.funding.integration.ReportNoticeMailer;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection;
import cn.gov.wenzhou.kjj.mail.testing.GreenMailServer;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.testsupport.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.gov.wenzhou.kjj.funding.FundingScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reporting obligations on real PostgreSQL: the sweep over the business clock records a due date passing, a restart
 * between the reminder and the due date neither loses nor repeats the reminder, two sweeps at once record it once,
 * and the hold an overdue report puts on disbursements lifts when the report is accepted through the API.
 */
@FundingIntegrationTest
class ReportingObligationsApiTest {

    private static final List<BudgetLine> BUDGET = List.of(
            new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 300_000L),
            new BudgetLine("OPERATING", CategoryKind.DIRECT, 400_000L),
            new BudgetLine("LABOUR", CategoryKind.DIRECT, 200_000L),
            new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 100_000L));

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    FundingParameters rules;
    @Autowired
    ReportingParameters reporting;
    @Autowired
    ReportingProjection projection;
    @Autowired
    ReportingDeadlineSweep sweep;
    @Autowired
    @Qualifier(FundingCommandConfiguration.PROJECT_CACHE)
    Cache projectCache;

    FundingScenario funding;

    @BeforeEach
    void setUp() {
        funding = new FundingScenario(port);
    }

    /*
     * The sweep is called with business dates up to today only: it looks at every project in the database, and a
     * date in the future would record, on other tests' projects, notices the real clock has not brought yet.
     */

    @Test
    void aDueDatePassingIsRecordedByTheSweepAsOverdueWithItsHold() {
        // contracted nine months ago: the first progress report fell due about three months ago
        LocalDate signed = today().minusMonths(9);
        Contracted project = contracted(signed.minusDays(10), signed);
        LocalDate due = project.dueOf("PROGRESS-1");
        ReportingParameters.Version rulesInForce = reporting.on(signed);
        LocalDate overdueFrom = due.plusDays(rulesInForce.graceDays() + 1L);

        sweep.apply(overdueFrom.minusDays(1));
        assertThat(recorded(project.id(), "ReportOverdue", "PROGRESS-1")).as("not within the grace period").isZero();

        sweep.apply(overdueFrom);
        assertThat(recorded(project.id(), "ReportOverdue", "PROGRESS-1")).isEqualTo(1);
        assertThat(recorded(project.id(), "DisbursementHoldStarted", "PROGRESS-1")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select started_on from disbursement_hold where project_id = ? and obligation_id = 'PROGRESS-1' "
                        + "and lifted_on is null", LocalDate.class, project.id()).equals(List.of(overdueFrom)));
        assertThat(jdbc.queryForObject("select count(*) from recipient_hold where project_id = ?", Long.class,
                project.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> projection.overdue(project.recipient(), false, 10).size()
                == 1);
    }

    @Test
    void aRestartBetweenTheReminderAndTheDueDateNeitherLosesNorRepeatsTheReminder() {
        LocalDate signed = signedForProgressReportDueInFiveDays();
        Contracted project = contracted(signed.minusDays(10), signed);
        LocalDate due = project.dueOf("PROGRESS-1");
        LocalDate remindOn = due.minusDays(reporting.on(signed).remindDaysBefore());
        assertThat(remindOn).isBeforeOrEqualTo(today());
        assertThat(due).isAfter(today());

        sweep.apply(remindOn);
        assertThat(reminders(project.id(), "PROGRESS-1")).isEqualTo(1);

        // the restart: nothing of the sweep or the cached project survives, a new sweep reads the stores only
        projectCache.removeAll();
        ReportingDeadlineSweep afterRestart = new ReportingDeadlineSweep(commands, projection, clock);
        afterRestart.apply(remindOn.plusDays(1));
        afterRestart.apply(today());
        assertThat(reminders(project.id(), "PROGRESS-1")).as("not sent again").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from report_notice where project_id = ? and obligation_id = 'PROGRESS-1' "
                        + "and notice_type = 'REMINDER'", Long.class, project.id()) == 1);

        // a service down over the reminder day: the first sweep after it still reminds before the due date
        Contracted late = contracted(signed.minusDays(10), signed);
        projectCache.removeAll();
        new ReportingDeadlineSweep(commands, projection, clock).apply(today());
        assertThat(reminders(late.id(), "PROGRESS-1")).isEqualTo(1);
    }

    @Test
    void aSweepReachesEveryCandidateHoweverManyComeBeforeIt() {
        LocalDate signed = today().minusMonths(9);
        List<Contracted> projects = List.of(contracted(signed.minusDays(10), signed),
                contracted(signed.minusDays(10), signed), contracted(signed.minusDays(10), signed));

        // a page of one project: every other candidate in the database, and two of these three, come before the last
        new ReportingDeadlineSweep(commands, projection, clock, 1).apply(today());

        for (Contracted project : projects) {
            assertThat(recorded(project.id(), "DisbursementHoldStarted", "PROGRESS-1")).as(project.id()).isEqualTo(1);
        }
    }

    @Test
    void twoSweepsAtOnceRecordOneReminder() throws Exception {
        LocalDate signed = signedForProgressReportDueInFiveDays();
        Contracted project = contracted(signed.minusDays(10), signed);
        LocalDate remindOn = today();
        ReportingDeadlineSweep first = new ReportingDeadlineSweep(commands, projection, clock);
        ReportingDeadlineSweep second = new ReportingDeadlineSweep(commands, projection, clock);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (ReportingDeadlineSweep instance : List.of(first, second)) {
                Callable<Integer> run = () -> {
                    start.await();
                    return instance.apply(remindOn);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reminders(project.id(), "PROGRESS-1")).isEqualTo(1);
    }

    @Test
    void anOverdueReportHoldsDisbursementUntilTheOfficerAcceptsItThroughTheApi() {
        // contracted eight months ago: the first progress report is past its due date and grace period today
        LocalDate today = today();
        LocalDate signed = today.minusMonths(8);
        Contracted project = contracted(signed.minusDays(10), signed);
        String path = "/api/projects/" + project.id();

        ApiClient.Response refused = funding.request(project.id(), 1, 100_000L);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("disbursement.report-overdue");
        assertThat(refused.json().path("detail").asText()).contains("PROGRESS-1")
                .contains(project.dueOf("PROGRESS-1").toString());

        sweep.apply(today);
        JsonNode held = awaitReporting(path, view -> view.path("onHold").asBoolean());
        assertThat(held.path("holds").findValuesAsText("obligationId")).contains("PROGRESS-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.auditor.get("/api/reporting/overdue?recipient="
                + project.recipient()).json().findValuesAsText("projectId").contains(project.id()));

        // every report overdue today (the progress report, and by the calendar perhaps a financial one) is handed in
        ApiClient enterprise = funding.enterprise(project.recipient());
        List<String> overdue = new ArrayList<>();
        held.path("obligations").forEach(o -> {
            if (!LocalDate.parse(o.path("dueOn").asText()).plusDays(reporting.on(signed).graceDays() + 1L)
                    .isAfter(today)) {
                overdue.add(o.path("obligationId").asText());
            }
        });
        assertThat(overdue).contains("PROGRESS-1");
        for (String obligation : overdue) {
            ok(enterprise.post(path + "/obligations/" + obligation + "/submission",
                    "{\"reference\": \"温科报-" + obligation + "\"}"));
            assertThat(funding.request(project.id(), 1, 100_000L).json().path("rule").asText())
                    .as("submitted is not accepted").isEqualTo("disbursement.report-overdue");
            ok(funding.officer.post(path + "/obligations/" + obligation + "/acceptance", "{\"note\": \"合格\"}"));
        }

        JsonNode lifted = awaitReporting(path, view -> !view.path("onHold").asBoolean());
        for (JsonNode hold : lifted.path("holds")) {
            assertThat(hold.path("liftedOn").asText()).isEqualTo(today.toString());
            assertThat(hold.path("liftReason").asText()).isEqualTo("REPORT_ACCEPTED");
        }
        ApiClient.Response requested = funding.request(project.id(), 1, 100_000L);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        funding.delegateApprover();
        ok(funding.approve(project.id(), requested.json().path("requestId").asText()));
        assertThat(funding.auditor.get("/api/audit/holds?projectId=" + project.id()).json()
                .findValuesAsText("liftReason")).containsOnly("REPORT_ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !funding.auditor.get("/api/reporting/overdue?recipient="
                + project.recipient()).json().findValuesAsText("projectId").contains(project.id()));
    }

    @Test
    void anEnterpriseSubmitsOnlyItsOwnProjectsReports() {
        LocalDate signed = today().minusDays(1);
        Contracted project = contracted(signed, signed);
        ApiClient stranger = funding.enterprise(FundingScenario.newCreditCode());
        assertThat(stranger.post("/api/projects/" + project.id() + "/obligations/PROGRESS-1/submission",
                "{\"reference\": \"报-1\"}").status()).isEqualTo(403);
        assertThat(stranger.get("/api/projects/" + project.id() + "/obligations").status()).isEqualTo(403);
        ok(funding.enterprise(project.recipient()).post("/api/projects/" + project.id()
                + "/obligations/PROGRESS-1/submission", "{\"reference\": \"报-1\"}"));
    }

    @Test
    void theReminderReachesTheAddressTheEnterpriseKeepsOnceHoweverOftenTheSweepRuns() {
        LocalDate signed = signedForProgressReportDueInFiveDays();
        Contracted project = contracted(signed.minusDays(10), signed);
        String address = "report-" + UUID.randomUUID().toString().substring(0, 8) + "@qiye.example.cn";
        ok(funding.enterprise(project.recipient()).put("/api/enterprises/" + project.recipient() + "/notice-address",
                "{\"address\": \"" + address + "\"}"));
        assertThat(funding.enterprise(FundingScenario.newCreditCode()).put("/api/enterprises/" + project.recipient()
                + "/notice-address", "{\"address\": \"someone@else.example.cn\"}").status())
                .as("another enterprise may not set it").isEqualTo(403);
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.enterprise(project.recipient())
                .get("/api/enterprises/" + project.recipient() + "/notice-address").status() == 200);
        LocalDate remindOn = project.dueOf("PROGRESS-1").minusDays(reporting.on(signed).remindDaysBefore());

        sweep.apply(remindOn);
        sweep.apply(remindOn);
        sweep.apply(today());

        String key = ReportNoticeMailer.dedupKey(project.id() + "/PROGRESS-1/") + "%";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_outbox where dedup_key like ? and sent_at is not null", Long.class, key)
                == 1);
        List<jakarta.mail.internet.MimeMessage> received = GreenMailServer.shared().receivedFor(address);
        assertThat(received).hasSize(1);
        assertThat(GreenMailServer.subject(received.get(0))).contains("进展报告即将到期");
        assertThat(GreenMailServer.body(received.get(0))).contains("报告义务测试项目");
    }

    @Test
    void anEnterpriseOnTheBureausTierRecordSetsItsNoticeAddress() {
        String code = FundingScenario.newCreditCode();
        commands.sendAndWait(new RecordEnterpriseTier(code, EnterpriseTier.LEADING, "龙头骨干企业名单", null, today()));

        ok(funding.enterprise(code).put("/api/enterprises/" + code + "/notice-address",
                "{\"address\": \"keyan@qiye.example.cn\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.enterprise(code)
                .get("/api/enterprises/" + code + "/notice-address").status() == 200);
        // the tier stands beside the address
        await().atMost(Duration.ofSeconds(30)).until(() -> funding.officer.get("/api/enterprise-tiers/" + code)
                .json().path("tier").asText().equals("LEADING"));
    }

    @Test
    void anEnterpriseReadsItsOwnNoticesNamingTheProjectAndNoOtherEnterprisesNotices() {
        LocalDate signed = signedForProgressReportDueInFiveDays();
        Contracted project = contracted(signed.minusDays(10), signed);
        sweep.apply(project.dueOf("PROGRESS-1").minusDays(reporting.on(signed).remindDaysBefore()));

        ApiClient recipient = funding.enterprise(project.recipient());
        await().atMost(Duration.ofSeconds(30)).until(() -> recipient.get("/api/reporting/notices").json().size() == 1);
        JsonNode notice = recipient.get("/api/reporting/notices").json().get(0);
        assertThat(notice.path("type").asText()).isEqualTo("REMINDER");
        assertThat(notice.path("projectId").asText()).isEqualTo(project.id());
        assertThat(notice.path("projectTitle").asText()).isEqualTo("报告义务测试项目");
        assertThat(notice.path("obligationId").asText()).isEqualTo("PROGRESS-1");
        assertThat(notice.path("dueOn").asText()).isEqualTo(project.dueOf("PROGRESS-1").toString());

        ApiClient stranger = funding.enterprise(FundingScenario.newCreditCode());
        assertThat(stranger.get("/api/reporting/notices?projectId=" + project.id()).json())
                .as("an enterprise reads its own notices only, whatever it asks for").isEmpty();
    }

    // --- helpers ---

    /** A contract date whose first progress report (six months on) falls due in a few days: inside its reminder. */
    private LocalDate signedForProgressReportDueInFiveDays() {
        return today().plusDays(5).minusMonths(reporting.on(today()).progressEveryMonths());
    }

    record Contracted(String id, String recipient, Map<String, LocalDate> dueDates) {
        LocalDate dueOf(String obligation) {
            return dueDates.get(obligation);
        }
    }

    /** A project awarded and contracted on past business dates (commands take them), with its schedule in view. */
    private Contracted contracted(LocalDate awardedOn, LocalDate signedOn) {
        String projectId = UUID.randomUUID().toString();
        String recipient = FundingScenario.newCreditCode();
        commands.sendAndWait(new AwardProject(projectId, "call-reporting", "application-" + projectId, "报告义务测试项目",
                recipient, null, List.of(), Map.of(), 1_000_000L, 500_000L, "THREE-CATEGORY-2021", BUDGET,
                rules.rulesOn(awardedOn), "温科项-1", awardedOn));
        commands.sendAndWait(new SignContract(projectId, "合同-1", signedOn, reporting.on(signedOn)));
        JsonNode view = awaitReporting("/api/projects/" + projectId, v -> v.path("obligations").size() > 0);
        // the sweep's candidates join the reporting view with the projects' view, which another processor keeps: a
        // test that sweeps once waits for both, as the sweep every 15 minutes would pick up a project either lagged
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select status from funded_project where project_id = ?", String.class, projectId)
                .equals(List.of("ACTIVE")));
        Map<String, LocalDate> due = new java.util.HashMap<>();
        view.path("obligations").forEach(o -> due.put(o.path("obligationId").asText(),
                LocalDate.parse(o.path("dueOn").asText())));
        return new Contracted(projectId, recipient, due);
    }

    private JsonNode awaitReporting(String projectPath, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response response = funding.officer.get(projectPath + "/obligations");
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return condition.test(last[0]);
        });
        return last[0];
    }

    /** Reminders of one report recorded in the event store (the source of truth), not in a view. */
    private long reminders(String projectId, String obligationId) {
        return recorded(projectId, "ReportReminderIssued", obligationId);
    }

    /** Events of a type about one report of the project, as the event store holds them. */
    private long recorded(String projectId, String type, String obligationId) {
        return jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like ?", byte[].class, projectId, "%$" + type).stream()
                .map(payload -> new String(payload, java.nio.charset.StandardCharsets.UTF_8))
                .filter(json -> json.contains("\"obligationId\":\"" + obligationId + "\"")).count();
    }

    private LocalDate today() {
        return BusinessCalendar.today(clock);
    }
}
