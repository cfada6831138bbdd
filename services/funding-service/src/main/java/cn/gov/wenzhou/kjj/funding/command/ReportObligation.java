package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;

/** One report a project owes: a stable id within the project ({@code PROGRESS-2}, {@code MID_TERM}), its kind and
 * its first due date. */
public record ReportObligation(String obligationId, ReportKind kind, LocalDate dueOn) {
}
