package cn.gov.wenzhou.kjj.registry.command;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Versioned reporting obligations ({@code stb.registry.obligations} in {@code platform-registry.yml}): when a year's
 * annual report falls due, how long before it a platform is reminded, how long a rectification notice gives and how
 * long before its deadline the platform is reminded. The bureau's notice text is not available to us, so these are
 * parameters; every reminder, missing report and notice records the version it applied.
 *
 * <p>The version for evaluation year Y is the one in force on 31 December of Y (as for the evaluation parameters); a
 * year no version covers has no annual-report obligation. A rectification notice takes the version in force on the
 * day it is issued.
 */
@ConfigurationProperties("stb.registry.obligations")
public record ObligationParameters(List<Version> versions) {

    static final int MAX_DAYS = 366;

    /**
     * @param annualReportDue                 {@code MM-dd} of the year after the evaluation year
     * @param reportReminderDaysBefore        days before the due date a platform without a report is reminded
     * @param rectificationDays               days a rectification notice gives, from its issue date
     * @param rectificationReminderDaysBefore days before that deadline an unconfirmed rectification is reminded
     */
    public record Version(String version, LocalDate effectiveFrom, String basis, String annualReportDue,
                          int reportReminderDaysBefore, int rectificationDays, int rectificationReminderDaysBefore) {

        public Version {
            if (version == null || version.isBlank() || effectiveFrom == null || annualReportDue == null) {
                throw new IllegalStateException("an obligation parameter version needs a label, an effective date and "
                        + "the annual report's due day");
            }
            dueDay(annualReportDue);
            days(reportReminderDaysBefore, "report-reminder-days-before", 1);
            days(rectificationDays, "rectification-days", 1);
            days(rectificationReminderDaysBefore, "rectification-reminder-days-before", 1);
            if (rectificationReminderDaysBefore >= rectificationDays) {
                throw new IllegalStateException("the rectification reminder must come after the notice: "
                        + "rectification-reminder-days-before < rectification-days");
            }
        }

        /** The day evaluation year {@code year}'s annual report falls due. */
        public LocalDate annualReportDueOn(int year) {
            return dueDay(annualReportDue).atYear(year + 1);
        }

        public LocalDate reportReminderFrom(int year) {
            return annualReportDueOn(year).minusDays(reportReminderDaysBefore);
        }

        public LocalDate rectificationDeadline(LocalDate issuedOn) {
            return issuedOn.plusDays(rectificationDays);
        }

        private static MonthDay dueDay(String value) {
            try {
                return MonthDay.parse("--" + value.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("annual-report-due must be MM-dd, not " + value);
            }
        }

        private static void days(int value, String name, int min) {
            if (value < min || value > MAX_DAYS) {
                throw new IllegalStateException(name + " must be between " + min + " and " + MAX_DAYS);
            }
        }
    }

    public ObligationParameters {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalStateException("stb.registry.obligations.versions must list at least one version");
        }
        versions = versions.stream().sorted(Comparator.comparing(Version::effectiveFrom)).toList();
        if (versions.stream().map(Version::version).distinct().count() != versions.size()
                || versions.stream().map(Version::effectiveFrom).distinct().count() != versions.size()) {
            throw new IllegalStateException("obligation parameter versions need distinct labels and effective dates");
        }
    }

    /** The version for evaluation year {@code year}: in force on 31 December of it. */
    public Optional<Version> forYear(int year) {
        return inForceOn(LocalDate.of(year, 12, 31));
    }

    public Optional<Version> inForceOn(LocalDate date) {
        Version applicable = null;
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                applicable = version;
            }
        }
        return Optional.ofNullable(applicable);
    }

    public Optional<Version> byLabel(String label) {
        return versions.stream().filter(v -> v.version().equals(label)).findFirst();
    }
}
