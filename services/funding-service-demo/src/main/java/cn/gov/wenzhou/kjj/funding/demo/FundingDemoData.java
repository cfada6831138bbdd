package cn.gov.wenzhou.kjj.funding.demo;

import cn.gov.wenzhou.kjj.funding.api.DocumentInspection;
import cn.gov.wenzhou.kjj.funding.api.DocumentStore;
import cn.gov.wenzhou.kjj.funding.command.BudgetLine;
import cn.gov.wenzhou.kjj.funding.command.CallCommands;
import cn.gov.wenzhou.kjj.funding.command.CategoryKind;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.SetEnterpriseNoticeAddress;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.RecordEnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.FundedProject;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.funding.command.PaymentApprovalParameters;
import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationCommands;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.OpenChallengeCall;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands;
import cn.gov.wenzhou.kjj.funding.command.PlatformStandingCommands.RecordPlatformStanding;
import cn.gov.wenzhou.kjj.funding.command.ReportObligation;
import cn.gov.wenzhou.kjj.funding.command.ReportingParameters;
import cn.gov.wenzhou.kjj.funding.command.Standing;
import cn.gov.wenzhou.kjj.ledger.Sha256;
import cn.gov.wenzhou.kjj.support.demo.BackgroundLoad;
import cn.gov.wenzhou.kjj.support.demo.DemoDocuments;
import cn.gov.wenzhou.kjj.support.demo.DemoPlatforms;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A sample year through funding-service's own commands, deterministic, only into an empty store: last year's call
 * with 100 demands from leading and chain-leader enterprises, single and joint bids (some with platforms), scores and
 * the ranking, and twelve awarded projects at every stage — just awarded, running, suspended, accepted and closed,
 * not accepted, terminated with recovery. Contracted projects report as they should (every report due is submitted and
 * accepted), except one running project whose first progress report is overdue: it is on hold (the desks' 逾期报告).
 */
@Component
@ConditionalOnProperty(name = "stb.demo.enabled", havingValue = "true")
public class FundingDemoData {

    private static final Logger log = LoggerFactory.getLogger(FundingDemoData.class);
    private static final String[] INDUSTRIES = {"电气", "鞋业", "服装", "汽摩配", "泵阀", "数字经济", "智能装备", "生命健康",
            "新能源智能网联汽车", "新材料"};
    private static final long AWARD_FEN = 200_000_000L; // 2 million yuan

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final FundingParameters parameters;
    private final PaymentApprovalParameters approvals;
    private final ReportingParameters reporting;
    private final Clock clock;
    private final DocumentStore documents;
    /** Numbers the demo's e-invoices in the order they are issued (the load runs on one thread). */
    private int invoiceSerial;

    /** Who requests, approves and delegates the demo's payments (the approver is the console's demo officer). */
    static final String DEMO_REQUESTER = "demo:funding-clerk";
    static final String DEMO_APPROVER = "funding.officer";
    static final String DEMO_DIRECTOR = "demo:bureau-director";
    /** Who hands in the demo enterprises' reports. */
    static final String DEMO_REPORTER = "demo:enterprise-reporter";

    /** The demo project left with an overdue progress report: on hold. */
    static final int OVERDUE_STAGE = 3;
    static final String OVERDUE_REPORT = "PROGRESS-1";

    public FundingDemoData(CommandGateway commands, JdbcTemplate jdbc, FundingParameters parameters,
                           PaymentApprovalParameters approvals, ReportingParameters reporting, Clock clock,
                           DocumentStore documents) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.approvals = approvals;
        this.reporting = reporting;
        this.clock = clock;
        this.documents = documents;
    }

    /**
     * Loads on its own thread once the service is ready: the service reports healthy and answers at once, and the
     * demo year arrives over the next seconds (log line "demo data: …").
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadInBackground() {
        BackgroundLoad.start("funding-demo-data", this::loadIntoEmptyStore);
    }

    public void loadIntoEmptyStore() {
        // a call opened before issue 13 is stored as command.ChallengeCallOpened, one since as CallEvents$…
        Long calls = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%ChallengeCallOpened'", Long.class);
        if (calls != null && calls > 0) {
            log.info("funding-service already holds calls; demo data not loaded");
            return;
        }
        String callId = load();
        log.info("demo data: challenge call {} with 100 demands and 12 projects loaded", callId);
    }

    /** Loads the sample year and returns its call id. */
    public String load() {
        int year = BusinessCalendar.currentYear(clock) - 1;
        LocalDate day0 = LocalDate.of(year, 2, 10);
        List<String> platforms = platforms(day0);
        String callId = id("call", year);
        send(new OpenChallengeCall(callId, year, year + "年度温州市重大科技攻关项目揭榜挂帅", day0));
        delegateDemoApprover(day0);

        // the bureau's record of the 25 demanding enterprises and the 30 leads of joint bids
        for (int n = 0; n < 25; n++) {
            recordTier(creditCode(100 + n), n % 3 == 0 ? EnterpriseTier.CHAIN_LEADER : EnterpriseTier.LEADING, day0);
        }
        for (int d = 0; d < 30; d++) {
            recordTier(creditCode(200 + d), EnterpriseTier.LEADING, day0);
        }
        List<String> demandIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String demandId = id("demand", i);
            demandIds.add(demandId);
            String industry = INDUSTRIES[i % INDUSTRIES.length];
            send(new CallCommands.SubmitDemand(callId, demandId, creditCode(100 + i % 25),
                    industry + "关键核心技术攻关需求 " + (i + 1), industry, "需求说明 " + (i + 1),
                    300_000_000L, day0.plusDays(i % 20)));
        }
        for (int i = 0; i < demandIds.size(); i++) {
            send(new CallCommands.CurateDemand(callId, demandIds.get(i), i % 10 != 9,
                    i % 10 != 9 ? "入榜" : "与已有项目重复", day0.plusDays(25)));
        }
        send(new CallCommands.PublishList(callId, day0.plusDays(30)));

        // two bids on each of the first 30 demands: a joint bid with a platform, and a single bid
        List<String[]> bids = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < demandIds.size(); i++) {
            if (i % 10 != 9) {
                listed.add(demandIds.get(i));
            }
        }
        for (int d = 0; d < 30; d++) {
            String demandId = listed.get(d);
            String joint = id("application-joint", d);
            String single = id("application-single", d);
            String platform = platforms.get(d % platforms.size());
            String partner = DemoPlatforms.JOINT_BID_PARTNERS.get(d % platforms.size()).creditCode();
            send(new CallCommands.SubmitApplication(callId, joint, demandId, "联合攻关方案 " + (d + 1),
                    new CallCommands.Applicant(creditCode(200 + d), null),
                    List.of(new CallCommands.Applicant(partner, platform)), AWARD_FEN, day0.plusDays(40)));
            // the platform confirms its part (every one but the last five: those joint bids rank as single)
            if (d < 25) {
                send(new CallCommands.ConfirmPartnership(callId, joint, partner, day0.plusDays(45)));
            }
            send(new CallCommands.SubmitApplication(callId, single, demandId, "独立攻关方案 " + (d + 1),
                    new CallCommands.Applicant(creditCode(400 + d), null), List.of(), AWARD_FEN,
                    day0.plusDays(41)));
            bids.add(new String[]{joint, single});
        }
        send(new CallCommands.CloseApplications(callId, day0.plusDays(60)));
        for (int d = 0; d < bids.size(); d++) {
            // every third demand: equal scores, where the priority rule decides
            BigDecimal jointScore = BigDecimal.valueOf(d % 3 == 0 ? 8500 : 8000 + d * 10L, 2);
            BigDecimal singleScore = BigDecimal.valueOf(d % 3 == 0 ? 8500 : 8200 - d * 10L, 2);
            for (int expert = 1; expert <= 2; expert++) {
                send(new CallCommands.RecordReviewScore(callId, bids.get(d)[0], "EXP-" + expert, jointScore,
                        day0.plusDays(70)));
                send(new CallCommands.RecordReviewScore(callId, bids.get(d)[1], "EXP-" + expert, singleScore,
                        day0.plusDays(70)));
            }
        }
        LocalDate rankedOn = day0.plusDays(75);
        FundingParameters.Rules rules = parameters.rulesOn(rankedOn);
        // the ranking reads the platforms' standings recorded above, as funding holds them
        send(new CallCommands.RankApplications(callId, rules.version(), rules.equalScoreBand(), rankedOn));

        LocalDate awardedOn = day0.plusDays(90);
        for (int d = 0; d < 12; d++) {
            project(callId, bids.get(d), id("project", d), d, awardedOn);
        }
        return callId;
    }

    /**
     * The registry demo's platforms the joint bids name ({@link DemoPlatforms}: same ids, credit codes and names),
     * recognized at the level the registry's demo gives them, as if the registry had said so: marked as demo in their
     * source event id. In the dev stack the registry's own events about them arrive too and say the same.
     */
    private List<String> platforms(LocalDate day0) {
        List<String> ids = new ArrayList<>();
        for (DemoPlatforms.Partner partner : DemoPlatforms.JOINT_BID_PARTNERS) {
            String platformId = partner.platformId();
            ids.add(platformId);
            send(new RecordPlatformStanding(platformId, partner.creditCode(), partner.name(),
                    Standing.RECOGNIZED, partner.level(), "demo:" + platformId,
                    day0.minusDays(30).atStartOfDay(BusinessCalendar.ZONE).toInstant()));
        }
        return ids;
    }

    private void project(String callId, String[] bids, String projectId, int stage, LocalDate awardedOn) {
        FundingParameters.Rules rules = parameters.rulesOn(awardedOn);
        List<BudgetLine> budget = List.of(
                new BudgetLine("EQUIPMENT", CategoryKind.EQUIPMENT, 60_000_000L),
                new BudgetLine("OPERATING", CategoryKind.DIRECT, 80_000_000L),
                new BudgetLine("LABOUR", CategoryKind.DIRECT, 30_000_000L),
                new BudgetLine("INDIRECT", CategoryKind.INDIRECT, 30_000_000L));
        String documentRef = "温科项〔示例〕" + (stage + 1) + "号";
        List<String> evidence = List.of(pdf(null, "Award decision " + (stage + 1) + " of project " + projectId));
        String recipient;
        try {
            commands.sendAndWait(new CallCommands.AwardApplicationAsProject(callId, bids[0], projectId, AWARD_FEN,
                    AWARD_FEN, rules.categoryScheme(), budget, rules, documentRef, awardedOn, evidence));
            recipient = creditCode(200 + stage);
        } catch (RuleViolationException rankedLower) {
            // the single bid ranked first on this demand: award it instead
            commands.sendAndWait(new CallCommands.AwardApplicationAsProject(callId, bids[1], projectId, AWARD_FEN,
                    AWARD_FEN, rules.categoryScheme(), budget, rules, documentRef, awardedOn, evidence));
            recipient = creditCode(400 + stage);
        }
        // where the recipient's reporting notices are mailed: the dev stack's mail server shows what was sent
        send(new SetEnterpriseNoticeAddress(recipient, "keyan-" + (stage + 1) + "@qiye.example.cn", DEMO_REPORTER,
                awardedOn));
        if (stage < 2) {
            return; // just awarded
        }
        LocalDate t = awardedOn.plusDays(10);
        send(new ProjectCommands.SignContract(projectId, "温科合〔示例〕" + (stage + 1) + "号", t, reporting.on(t)));
        pay(projectId, 1, "温财拨〔示例〕" + (stage + 1) + "-1", "首笔拨付", t.plusDays(5));
        spend(projectId, "EQUIPMENT", 40_000_000L, t.plusDays(20), "设备购置", stage);
        spend(projectId, "OPERATING", 25_000_000L + stage * 1_000_000L, t.plusDays(40), "材料测试", stage);
        spend(projectId, "LABOUR", 8_000_000L, t.plusDays(60), "劳务费", stage);
        if (stage == 5) {
            send(new ProjectCommands.SuspendProject(projectId, "进度严重滞后", "温科函〔示例〕5号", t.plusDays(90)));
            reportsDueBy(projectId, t, BusinessCalendar.today(clock), null);
            return;
        }
        if (stage == 8) {
            send(new ProjectCommands.TerminateProject(projectId, "承担单位主动申请终止", "温科函〔示例〕8号",
                    10_000_000L, t.plusDays(100), List.of(pdf(projectId, "Termination decision " + projectId))));
            send(new ProjectCommands.RecoverFunds(projectId, 10_000_000L, "追回〔示例〕8号", t.plusDays(120),
                    List.of(pdf(projectId, "Recovery receipt " + projectId))));
            send(new ProjectCommands.CloseProject(projectId, "结题〔示例〕8号", t.plusDays(130),
                    List.of(pdf(projectId, "Closure report " + projectId))));
            return;
        }
        if (stage < 4 || stage > 9) {
            // running, first tranche paid; one of them has not handed in its first progress report
            LocalDate today = BusinessCalendar.today(clock);
            reportsDueBy(projectId, t, today, stage == OVERDUE_STAGE ? OVERDUE_REPORT : null);
            if (stage == OVERDUE_STAGE) {
                commands.sendAndWait(new ProjectCommands.ApplyReportingDeadlines(projectId, today));
            }
            return;
        }
        send(new ProjectCommands.RecordMidTermCheck(projectId, true, "中期〔示例〕" + stage, "按计划推进",
                t.plusDays(150)));
        pay(projectId, 2, "温财拨〔示例〕" + stage + "-2", "中期拨付", t.plusDays(155));
        send(new ProjectCommands.AdjustBudget(projectId, "OPERATING", "LABOUR", 5_000_000L, "劳务需求增加", null,
                t.plusDays(160), List.of(pdf(projectId, "Budget adjustment decision of project " + projectId))));
        spend(projectId, "OPERATING", 20_000_000L, t.plusDays(170), "试制加工", stage);
        if (stage == 4 || stage == 6) {
            reportsDueBy(projectId, t, BusinessCalendar.today(clock), null);
            return; // past mid-term
        }
        reportsDueBy(projectId, t, t.plusDays(250), null);
        boolean passes = stage != 9;
        send(new ProjectCommands.RecordAcceptance(projectId, passes, "验收〔示例〕" + stage,
                passes ? "通过验收" : "未通过验收", t.plusDays(250)));
        if (passes) {
            pay(projectId, 3, "温财拨〔示例〕" + stage + "-3", "验收拨付", t.plusDays(255));
        }
        send(new ProjectCommands.CloseProject(projectId, "结题〔示例〕" + stage, t.plusDays(270),
                List.of(pdf(projectId, "Closure report and balance settlement " + projectId))));
    }

    /**
     * The enterprise hands in every report of the project due by {@code by} three days before its due date, and the
     * officer accepts it on the due date; {@code missing} (if named) is not handed in.
     */
    private void reportsDueBy(String projectId, LocalDate contractedOn, LocalDate by, String missing) {
        for (ReportObligation report : reporting.on(contractedOn).scheduleFrom(contractedOn)) {
            if (report.dueOn().isAfter(by) || report.obligationId().equals(missing)) {
                continue;
            }
            send(new ProjectCommands.SubmitReport(projectId, report.obligationId(), null,
                    "温科报〔示例〕" + report.obligationId(), DEMO_REPORTER, report.dueOn().minusDays(3)));
            send(new ProjectCommands.AcceptReport(projectId, report.obligationId(), DEMO_APPROVER, "按期报送，合格",
                    report.dueOn()));
        }
    }

    /**
     * A payment as the bureau makes it: the demo clerk requests it, the demo funding officer (the console's
     * {@code funding.officer}, whose delegation the demo director set) approves it two days later.
     */
    private void pay(String projectId, int tranche, String documentRef, String reason, LocalDate on) {
        String requestId = id("disbursement-" + projectId, tranche);
        String order = pdf(projectId, "Payment order " + documentRef.replaceAll("[^0-9-]", "") + " tranche " + tranche
                + " of project " + projectId);
        String milestone = pdf(projectId, "Milestone acceptance for tranche " + tranche + " of project " + projectId);
        String status = commands.sendAndWait(new ProjectCommands.DisburseTranche(projectId, tranche, null,
                documentRef, reason, on, requestId, DEMO_REQUESTER, approvals.on(on), List.of(order, milestone)));
        if (FundedProject.AWAITING_APPROVAL.equals(status)) {
            send(new ProjectCommands.ApproveDisbursement(projectId, requestId, DEMO_APPROVER, "单据齐全，同意拨付",
                    on.plusDays(2)));
        }
    }

    private void delegateDemoApprover(LocalDate on) {
        send(new ApproverDelegationCommands.SetDelegationLimit(DEMO_APPROVER, 2, 1_000_000_000L,
                "示例：科技专项资金拨付审批授权（处级，单笔一千万元以内）", DEMO_DIRECTOR, on));
    }

    private void spend(String projectId, String category, long amountFen, LocalDate on, String purpose, int stage) {
        // every expenditure claims its own e-invoice (an equipment purchase as OFD, others as XML) from a supplier
        String seller = creditCode(300 + stage);
        String number = String.format("%02d33%016d", on.getYear() % 100, ++invoiceSerial);
        byte[] invoice = "EQUIPMENT".equals(category) ? DemoDocuments.ofdInvoice(seller, number)
                : DemoDocuments.xmlInvoice(seller, number, creditCode(200 + stage), amountFen);
        send(new ProjectCommands.RecordExpenditure(projectId, id("expenditure-" + projectId + category, on.getDayOfYear()),
                category, amountFen, "记-示例-" + stage + "-" + on, purpose, on,
                List.of(stored(projectId, invoice, "invoice-" + number))));
    }

    /** A one-page PDF of the demo, stored; its SHA-256. */
    private String pdf(String projectId, String text) {
        return stored(projectId, DemoDocuments.pdf(text), "demo.pdf");
    }

    /** Stores a demo document as an upload by the demo clerk would (checked by its bytes); its SHA-256. */
    private String stored(String projectId, byte[] content, String fileName) {
        try {
            String sha256 = Sha256.hex(Sha256.of(content));
            documents.store(sha256, DocumentInspection.inspect(content), content, projectId, fileName, DEMO_REQUESTER);
            return sha256;
        } catch (DocumentInspection.Refused refused) {
            throw new IllegalStateException("a demo document is not a valid document: " + refused.getMessage());
        }
    }

    private void recordTier(String creditCode, EnterpriseTier tier, LocalDate day0) {
        send(new RecordEnterpriseTier(creditCode, tier, "示例：市级龙头骨干/链主企业名单", "温经信〔示例〕1号",
                day0.minusDays(40)));
    }

    private void send(Object command) {
        commands.sendAndWait(command);
    }

    private static String id(String kind, int n) {
        return UUID.nameUUIDFromBytes(("funding-demo:" + kind + ":" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A valid credit code (GB 32100-2015 check character) for a numbered demo organisation. */
    static String creditCode(int n) {
        String first17 = "91330300MA2H" + String.format("%05d", n);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

}
