package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reporting obligations of contracted projects, versioned like the money rules ({@code stb.funding.reporting} in
 * funding-service.yml): a contract gets its schedule from the version in force on the contract date, and every
 * notice, hold and escalation records that version's name.
 */
@ConfigurationProperties("stb.funding")
public record ReportingParameters(List<Version> reporting) {

    /** A schedule has at most this many reports: a longer one is a configuration mistake. */
    public static final int MAX_OBLIGATIONS = 60;
    /** Any period of the rules is at most a year. */
    public static final int MAX_DAYS = 366;
    public static final int MAX_MONTHS = 120;

    public ReportingParameters {
        reporting = reporting == null ? List.of() : List.copyOf(reporting);
        for (Version version : reporting) {
            version.check();
        }
    }

    /**
     * @param projectMonths               the project's term from the contract date; the acceptance report is due at
     *                                    its end
     * @param progressEveryMonths         a progress report is due every this many months from the contract date
     * @param midTermAtMonth              the mid-term report is due this many months after the contract date
     * @param annualFinancialDueMonth     the annual financial report of year Y is due in this month of year Y+1 ...
     * @param annualFinancialDueDay       ... on this day
     * @param remindDaysBefore            the recipient is reminded this many days before a due date
     * @param graceDays                   the obligation becomes overdue the day after its due date plus this
     * @param resubmitWithinDays          a returned report is due again this many days after its return
     * @param escalateAfterDays           an obligation overdue this many days is escalated to the supervisor role
     * @param proposeSuspensionAfterDays  this many days after the escalation the project is proposed for suspension
     * @param holdAcrossRecipient         while any project of the same recipient is overdue, this project is held too
     */
    public record Version(String version, LocalDate effectiveFrom, int projectMonths, int progressEveryMonths,
                          int midTermAtMonth, int annualFinancialDueMonth, int annualFinancialDueDay,
                          int remindDaysBefore, int graceDays, int resubmitWithinDays, int escalateAfterDays,
                          int proposeSuspensionAfterDays, boolean holdAcrossRecipient) {

        void check() {
            boolean months = projectMonths >= 1 && projectMonths <= MAX_MONTHS && progressEveryMonths >= 1
                    && progressEveryMonths <= MAX_MONTHS && midTermAtMonth >= 1 && midTermAtMonth <= projectMonths;
            boolean dueDay = annualFinancialDueMonth >= 1 && annualFinancialDueMonth <= 12
                    && annualFinancialDueDay >= 1
                    && annualFinancialDueDay <= java.time.Month.of(annualFinancialDueMonth).minLength();
            boolean days = in(remindDaysBefore, 0) && in(graceDays, 0) && in(resubmitWithinDays, 1)
                    && in(escalateAfterDays, 1) && in(proposeSuspensionAfterDays, 1);
            if (!months || !dueDay || !days) {
                throw new IllegalStateException("reporting " + version + ": months 1.." + MAX_MONTHS
                        + " (mid-term within the term), annual financial due on a day every year has, "
                        + "periods in days up to " + MAX_DAYS + ": " + this);
            }
            if (scheduleFrom(effectiveFrom).size() > MAX_OBLIGATIONS) {
                throw new IllegalStateException("reporting " + version + " gives more than " + MAX_OBLIGATIONS
                        + " reports per project");
            }
        }

        private static boolean in(int days, int min) {
            return days >= min && days <= MAX_DAYS;
        }

        /**
         * The reports owed under this version by a project contracted on {@code contractedOn}, by due date: progress
         * reports every {@code progressEveryMonths} months before the term's end, the annual financial report of every
         * year whose due date falls within the term, the mid-term report and the acceptance report at the term's end.
         */
        public List<ReportObligation> scheduleFrom(LocalDate contractedOn) {
            LocalDate end = contractedOn.plusMonths(projectMonths);
            List<ReportObligation> schedule = new ArrayList<>();
            for (int k = 1; (long) k * progressEveryMonths < projectMonths; k++) {
                schedule.add(new ReportObligation("PROGRESS-" + k, ReportKind.PROGRESS,
                        contractedOn.plusMonths((long) k * progressEveryMonths)));
            }
            for (int year = contractedOn.getYear(); ; year++) {
                LocalDate due = LocalDate.of(year + 1, annualFinancialDueMonth, annualFinancialDueDay);
                if (due.isAfter(end)) {
                    break;
                }
                schedule.add(new ReportObligation("ANNUAL_FINANCIAL-" + year, ReportKind.ANNUAL_FINANCIAL, due));
            }
            schedule.add(new ReportObligation("MID_TERM", ReportKind.MID_TERM, contractedOn.plusMonths(midTermAtMonth)));
            schedule.add(new ReportObligation("ACCEPTANCE", ReportKind.ACCEPTANCE, end));
            schedule.sort(Comparator.comparing(ReportObligation::dueOn).thenComparing(ReportObligation::obligationId));
            return List.copyOf(schedule);
        }
    }

    /** The version in force on a business date. */
    public Version on(LocalDate date) {
        return reporting.stream()
                .filter(v -> !v.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(Version::effectiveFrom))
                .orElseThrow(() -> new RuleViolationException("parameters.none-in-force",
                        "no version of the reporting rules is in force on " + date));
    }
}
