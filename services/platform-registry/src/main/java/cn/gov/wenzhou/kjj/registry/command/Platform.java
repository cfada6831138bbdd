package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ApplyAnnualReportSchedule;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ApplyRectificationSchedule;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ConfirmRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.IssueRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ReapplyForRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordEvaluation;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordNonAttendance;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RegisterPlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RevokeRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SetNoticeAddress;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SubmitAnnualReport;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.UpgradePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportMissing;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportReminded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.AnnualReportSubmitted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.NoticeAddressSet;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRegistered;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformUpgraded;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationAccepted;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.ReapplicationRefused;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationConfirmed;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationOverdue;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationReminded;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.LifecycleDates;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An innovation platform (新型研发机构) in the registry: its recognition, annual reports and evaluations, rectifications,
 * revocation and re-application. Decides in command handlers; changes state only from its events. The automatic
 * consequences of an evaluation (rectification, revocation) are decided by {@link EvaluationRulesSaga}. What other
 * services report about the platform is kept in its {@link PlatformRecord}: none of these rules reads it (streams of
 * earlier releases still hold such facts here; without a handler they change nothing).
 */
@Aggregate
public class Platform {

    /** 两年内不得重新申报认定: fixed by the letter. */
    public static final Period REAPPLICATION_BAR = Period.ofYears(2);

    @AggregateIdentifier
    private String platformId;
    private String creditCode;
    private District district;
    /** Status, level and open rectifications, folded by the registry's one standing rule ({@link PlatformStanding}). */
    private PlatformStanding standing;
    private LocalDate registeredOn;
    private LocalDate recognizedOn;
    private LocalDate revokedOn;
    private LocalDate reappliedOn;
    private LocalDate reopensOn;
    private final Map<Integer, Integer> reportRevisions = new HashMap<>();
    /** The day each year's latest report revision was submitted: its evaluation follows it. */
    private final Map<Integer, LocalDate> reportedOn = new HashMap<>();
    /** The day each year's rectification notice was issued: its confirmation follows it. */
    private final Map<Integer, LocalDate> rectificationIssuedOn = new HashMap<>();
    /** Years whose evaluation is recorded, as a result or as non-attendance. */
    private final Set<Integer> closedYears = new HashSet<>();
    private final Set<Integer> rectificationsIssued = new HashSet<>();
    /** Where notices go (personal-ish: never in an exception message). */
    private String noticeAddress;
    /** Years whose annual report the platform was reminded of, and those listed as missing after the due date. */
    private final Set<Integer> reportReminders = new HashSet<>();
    private final Set<Integer> missingReports = new HashSet<>();
    /** Each rectification's deadline and supervising authority; the ones reminded and the ones listed overdue. */
    private final Map<Integer, LocalDate> rectificationDeadlines = new HashMap<>();
    private final Map<Integer, String> rectificationAuthorities = new HashMap<>();
    private final Set<Integer> rectificationReminders = new HashSet<>();
    private final Set<Integer> overdueRectifications = new HashSet<>();

    protected Platform() {
    }

    /** Host and partner organisations a platform may name, and the length of each name. */
    public static final int MAX_HOSTS = 20;
    public static final int MAX_HOST_NAME = 200;

    @CommandHandler
    public Platform(RegisterPlatform command, CreditCodeClaims claims) {
        if (command.hosts().size() > MAX_HOSTS) {
            throw new InvalidInputException("hosts", "must have at most " + MAX_HOSTS + " entries");
        }
        for (int i = 0; i < command.hosts().size(); i++) {
            if (command.hosts().get(i).length() > MAX_HOST_NAME) {
                throw new InvalidInputException("hosts[" + i + "]", "must have at most " + MAX_HOST_NAME
                        + " characters");
            }
        }
        claims.claim(command.creditCode(), command.platformId());
        apply(new PlatformRegistered(command.platformId(), command.creditCode(), command.name(), command.district(),
                command.industry(), command.industryTableVersion(), command.legalForm(), command.leadModel(),
                command.hosts(), command.registeredOn()));
    }

    @CommandHandler
    public void handle(RecognizePlatform command) {
        notInFuture(command.recognizedOn(), command.today(), "recognizedOn");
        Bounds.notBeforeMinimum(command.recognizedOn(), "recognizedOn");
        switch (standing.status()) {
            case REGISTERED -> {
                LifecycleDates.notBefore(command.recognizedOn(), "recognizedOn", registeredOn,
                        "the platform's registration", "recognition.before-registration");
                apply(new PlatformRecognized(platformId, creditCode, command.level(),
                    command.documentNumber(), command.recognizedOn()));
            }
            case REAPPLIED -> {
                LifecycleDates.notBefore(command.recognizedOn(), "recognizedOn", reappliedOn,
                        "the platform's re-application", "recognition.before-reapplication");
                apply(new PlatformReRecognized(platformId, creditCode, command.level(), command.documentNumber(),
                        command.recognizedOn()));
            }
            case REVOKED -> throw new RuleViolationException("recognition.reapplication-required",
                    "recognition was revoked; the platform must first re-apply (possible from " + reopensOn + ")");
            default -> throw new RuleViolationException("recognition.already-recognized",
                    "the platform is already recognized at level " + standing.level()
                            + "; a higher level is an upgrade");
        }
    }

    @CommandHandler
    public void handle(UpgradePlatform command) {
        requireRecognized("upgrade.requires-recognition");
        if (!standing.openRectifications().isEmpty()) {
            throw new RuleViolationException("upgrade.under-rectification",
                    "the platform is under rectification for " + standing.openRectifications() + "; confirm it first");
        }
        if (!command.toLevel().isAbove(standing.level())) {
            throw new RuleViolationException("upgrade.not-higher", "an upgrade must move above the current level "
                    + standing.level() + ", not to " + command.toLevel());
        }
        notInFuture(command.upgradedOn(), command.today(), "upgradedOn");
        LifecycleDates.notBefore(command.upgradedOn(), "upgradedOn", recognizedOn, "the platform's recognition",
                "upgrade.before-recognition");
        apply(new PlatformUpgraded(platformId, creditCode, standing.level(), command.toLevel(),
                command.documentNumber(), command.upgradedOn()));
    }

    @CommandHandler
    public void handle(SubmitAnnualReport command) {
        requireRecognized("report.requires-recognition");
        yearWithinRecognition(command.year(), command.submittedOn());
        LifecycleDates.notBefore(command.submittedOn(), "submittedOn", recognizedOn, "the platform's recognition",
                "report.before-recognition");
        LifecycleDates.notBefore(command.submittedOn(), "submittedOn", reportedOn.get(command.year()),
                "the " + command.year() + " report's previous revision", "report.before-previous-revision");
        command.indicators().requireWithinBounds();
        if (closedYears.contains(command.year())) {
            throw new RuleViolationException("report.year-closed", "the " + command.year()
                    + " evaluation is already recorded; its report can no longer change");
        }
        apply(new AnnualReportSubmitted(platformId, creditCode, command.year(), command.indicators(),
                reportRevisions.getOrDefault(command.year(), 0) + 1, command.submittedOn()));
    }

    @CommandHandler
    public Grade handle(RecordEvaluation command) {
        requireRecognized("evaluation.requires-recognition");
        yearWithinRecognition(command.year(), command.evaluatedOn());
        yearNotYetEvaluated(command.year());
        if (!reportRevisions.containsKey(command.year())) {
            throw new RuleViolationException("evaluation.report-required", "no annual report for "
                    + command.year() + " was submitted; without one, record non-attendance instead");
        }
        LifecycleDates.notBefore(command.evaluatedOn(), "evaluatedOn", reportedOn.get(command.year()),
                "the " + command.year() + " annual report", "evaluation.before-report");
        if (command.thresholds() == null) {
            throw new RuleViolationException("evaluation.no-parameters-for-year",
                    "no evaluation parameters are in force for " + command.year());
        }
        BigDecimal score = command.score();
        if (score.signum() < 0 || score.compareTo(EvaluationParameters.MAX_SCORE) > 0) {
            throw new InvalidInputException("score", "must be between 0 and 100");
        }
        Grade grade = command.thresholds().gradeFor(score);
        if (command.claimedGrade() != null && command.claimedGrade() != grade) {
            throw new InvalidInputException("grade", "is " + command.claimedGrade() + ", but score "
                    + score.toPlainString() + " gives " + grade + " under " + command.thresholds().describe());
        }
        apply(new PlatformEvaluated(platformId, creditCode, command.year(), grade, score,
                command.thresholds().version(), command.evaluatedOn()));
        return grade;
    }

    @CommandHandler
    public void handle(RecordNonAttendance command) {
        requireRecognized("evaluation.requires-recognition");
        yearWithinRecognition(command.year(), command.recordedOn());
        yearNotYetEvaluated(command.year());
        LifecycleDates.notBefore(command.recordedOn(), "recordedOn", recognizedOn, "the platform's recognition",
                "evaluation.before-recognition");
        boolean hasReason = command.reason() != null && !command.reason().isBlank();
        if (command.justified() && !hasReason) {
            throw new InvalidInputException("reason", "is required when the absence is justified");
        }
        apply(new EvaluationNotAttended(platformId, creditCode, command.year(), command.justified(),
                hasReason ? command.reason().trim() : null, command.recordedOn()));
    }

    /** Sent by the evaluation rules; repeating it, or sending it after revocation, changes nothing. */
    @CommandHandler
    public void handle(IssueRectification command, ObligationParameters obligations) {
        if (!isRecognized() || rectificationsIssued.contains(command.year())) {
            return;
        }
        ObligationParameters.Version terms = obligations.inForceOn(command.issuedOn()).orElse(null);
        apply(new RectificationIssued(platformId, creditCode, command.year(), district.supervisingAuthority(),
                command.issuedOn(), terms == null ? null : terms.rectificationDeadline(command.issuedOn()),
                terms == null ? null : terms.version()));
    }

    @CommandHandler
    public void handle(SetNoticeAddress command) {
        String address = NoticeAddress.parse(command.address(), "address");
        if (address.equals(noticeAddress)) {
            return;
        }
        apply(new NoticeAddressSet(platformId, address, command.setOn()));
    }

    /**
     * A year's annual report (rule {@code report.due-date}): in the days before its due date a platform that has not
     * reported is reminded once; after the due date it is listed as missing once. A report in, a year evaluated or
     * its non-attendance recorded, or a platform not recognized: nothing to do.
     */
    @CommandHandler
    public ObligationStep handle(ApplyAnnualReportSchedule command, ObligationParameters obligations) {
        int year = command.year();
        if (!isRecognized() || year < recognizedOn.getYear() || reportRevisions.containsKey(year)
                || closedYears.contains(year) || missingReports.contains(year)) {
            return ObligationStep.NONE;
        }
        ObligationParameters.Version terms = obligations.forYear(year).orElse(null);
        if (terms == null) {
            return ObligationStep.NONE;
        }
        LocalDate dueOn = terms.annualReportDueOn(year);
        if (command.today().isAfter(dueOn)) {
            apply(new AnnualReportMissing(platformId, creditCode, year, dueOn, terms.version(), command.today()));
            return ObligationStep.LISTED;
        }
        if (!command.today().isBefore(terms.reportReminderFrom(year)) && !reportReminders.contains(year)) {
            apply(new AnnualReportReminded(platformId, creditCode, year, dueOn, terms.version(), command.today()));
            return ObligationStep.REMINDED;
        }
        return ObligationStep.NONE;
    }

    /**
     * A rectification notice's deadline (rule {@code rectification.deadline}): reminded once in the days before it,
     * listed once for the district authority's follow-up after it, while the rectification is unconfirmed.
     */
    @CommandHandler
    public ObligationStep handle(ApplyRectificationSchedule command, ObligationParameters obligations) {
        int year = command.year();
        if (!standing.openRectifications().contains(year) || overdueRectifications.contains(year)) {
            return ObligationStep.NONE;
        }
        LocalDate issuedOn = rectificationIssuedOn.get(year);
        ObligationParameters.Version terms = obligations.inForceOn(issuedOn).orElse(null);
        LocalDate deadline = rectificationDeadlines.get(year);
        if (deadline == null && terms != null) {
            deadline = terms.rectificationDeadline(issuedOn);
        }
        if (deadline == null) {
            return ObligationStep.NONE;
        }
        String authority = rectificationAuthorities.getOrDefault(year, district.supervisingAuthority());
        if (command.today().isAfter(deadline)) {
            apply(new RectificationOverdue(platformId, creditCode, year, deadline, authority, command.today()));
            return ObligationStep.LISTED;
        }
        if (terms != null && !rectificationReminders.contains(year)
                && !command.today().isBefore(deadline.minusDays(terms.rectificationReminderDaysBefore()))) {
            apply(new RectificationReminded(platformId, creditCode, year, deadline, authority, command.today()));
            return ObligationStep.REMINDED;
        }
        return ObligationStep.NONE;
    }

    @CommandHandler
    public void handle(ConfirmRectification command) {
        List<Integer> open = standing.openRectifications();
        if (!open.contains(command.year())) {
            throw new RuleViolationException("rectification.not-open", "no rectification for " + command.year()
                    + " is open" + (open.isEmpty() ? "" : "; open: " + open));
        }
        LifecycleDates.notBefore(command.confirmedOn(), "confirmedOn", rectificationIssuedOn.get(command.year()),
                "the " + command.year() + " rectification notice", "rectification.before-notice");
        apply(new RectificationConfirmed(platformId, creditCode, command.year(), command.confirmedOn()));
    }

    /** Sent by the evaluation rules; a platform that is not recognized (any more) has nothing to revoke. */
    @CommandHandler
    public void handle(RevokeRecognition command) {
        if (!isRecognized()) {
            return;
        }
        apply(new RecognitionRevoked(platformId, creditCode, command.reason(), command.basisYear(),
                command.revokedOn(), command.revokedOn().plus(REAPPLICATION_BAR)));
    }

    @CommandHandler
    public ReapplicationOutcome handle(ReapplyForRecognition command) {
        if (standing.status() != PlatformStatus.REVOKED) {
            throw new RuleViolationException("reapplication.not-revoked", "only a platform whose recognition was "
                    + "revoked re-applies; this one is " + standing.status());
        }
        LifecycleDates.notBefore(command.attemptedOn(), "attemptedOn", revokedOn, "the revocation",
                "reapplication.before-revocation");
        if (command.attemptedOn().isBefore(reopensOn)) {
            apply(new ReapplicationRefused(platformId, creditCode, command.attemptedOn(), reopensOn));
            return ReapplicationOutcome.refuse(reopensOn);
        }
        apply(new ReapplicationAccepted(platformId, creditCode, command.attemptedOn()));
        return ReapplicationOutcome.accept();
    }

    /** Recognized, also while under rectification: the rules below apply to both. */
    private boolean isRecognized() {
        return standing.status().isRecognized();
    }

    /** Where the platform stands now, as the aggregate decided it. */
    PlatformStanding standing() {
        return standing;
    }

    private void requireRecognized(String rule) {
        if (!isRecognized()) {
            throw new RuleViolationException(rule, switch (standing.status()) {
                case REVOKED -> "recognition was revoked; nothing more is evaluated until it is recognized again";
                default -> "the platform is not recognized (it is " + standing.status() + ")";
            });
        }
    }

    private void yearWithinRecognition(int year, LocalDate today) {
        if (year > today.getYear()) {
            throw new InvalidInputException("year", "is in the future (today is " + today + ")");
        }
        if (year < recognizedOn.getYear()) {
            throw new InvalidInputException("year", "is before the platform's recognition of " + recognizedOn);
        }
    }

    private void yearNotYetEvaluated(int year) {
        if (closedYears.contains(year)) {
            throw new RuleViolationException("evaluation.once-per-year",
                    "the " + year + " evaluation of this platform is already recorded");
        }
    }

    private static void notInFuture(LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw new InvalidInputException(field, "is in the future (today is " + today + ")");
        }
    }

    @EventSourcingHandler
    void on(PlatformRegistered event) {
        platformId = event.platformId();
        creditCode = event.creditCode();
        district = event.district();
        registeredOn = event.registeredOn();
        standing = PlatformStanding.registered(event);
    }

    @EventSourcingHandler
    void on(PlatformRecognized event) {
        standing = standing.after(event);
        recognizedOn = event.recognizedOn();
    }

    @EventSourcingHandler
    void on(PlatformReRecognized event) {
        standing = standing.after(event);
        recognizedOn = event.recognizedOn();
        reappliedOn = null;
        reopensOn = null;
    }

    @EventSourcingHandler
    void on(PlatformUpgraded event) {
        standing = standing.after(event);
    }

    @EventSourcingHandler
    void on(AnnualReportSubmitted event) {
        reportRevisions.put(event.year(), event.revision());
        reportedOn.put(event.year(), event.submittedOn());
    }

    @EventSourcingHandler
    void on(PlatformEvaluated event) {
        closedYears.add(event.year());
    }

    @EventSourcingHandler
    void on(EvaluationNotAttended event) {
        closedYears.add(event.year());
    }

    @EventSourcingHandler
    void on(RectificationIssued event) {
        standing = standing.after(event);
        rectificationsIssued.add(event.year());
        rectificationIssuedOn.put(event.year(), event.issuedOn());
        rectificationAuthorities.put(event.year(), event.supervisingAuthority());
        if (event.deadline() != null) {
            rectificationDeadlines.put(event.year(), event.deadline());
        }
    }

    @EventSourcingHandler
    void on(NoticeAddressSet event) {
        noticeAddress = event.address();
    }

    @EventSourcingHandler
    void on(AnnualReportReminded event) {
        reportReminders.add(event.year());
    }

    @EventSourcingHandler
    void on(AnnualReportMissing event) {
        missingReports.add(event.year());
    }

    @EventSourcingHandler
    void on(RectificationReminded event) {
        rectificationReminders.add(event.year());
    }

    @EventSourcingHandler
    void on(RectificationOverdue event) {
        overdueRectifications.add(event.year());
    }

    @EventSourcingHandler
    void on(RectificationConfirmed event) {
        standing = standing.after(event);
    }

    @EventSourcingHandler
    void on(RecognitionRevoked event) {
        standing = standing.after(event);
        revokedOn = event.revokedOn();
        reopensOn = event.reapplicationOpensOn();
    }

    @EventSourcingHandler
    void on(ReapplicationAccepted event) {
        standing = standing.after(event);
        reappliedOn = event.appliedOn();
    }
}
