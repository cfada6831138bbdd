package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.ReportingObligations;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AcceptReport;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ReturnReport;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SubmitReport;
import cn.gov.wenzhou.kjj.funding.command.ReportingParameters;
import cn.gov.wenzhou.kjj.funding.query.FundingQueries;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.ProjectView;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection.HoldView;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection.NoticeView;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection.OverdueView;
import cn.gov.wenzhou.kjj.funding.query.ReportingProjection.ProjectReportingView;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Reporting obligations", description = "Each contracted project's report schedule (progress, annual "
        + "financial, mid-term, acceptance), submission by the enterprise, acceptance or return by the officer; "
        + "reminders, overdue notices, disbursement holds, escalation and suspension proposals over the business "
        + "clock; the desks' overdue list.")
public class ReportingController {

    public record SubmissionRequest(
            @Schema(description = "the report as a stored document (POST /api/projects/{id}/documents), SHA-256")
            @Pattern(regexp = "[0-9a-fA-F]{64}") String documentSha256,
            @Schema(description = "a reference (文号, 系统编号); required unless documentSha256 names a document",
                    example = "温科报〔2026〕017号")
            @Size(max = 200) String reference,
            java.time.LocalDate submittedOn) {
    }

    public record AcceptanceRequest(@Size(max = 500) String note, java.time.LocalDate acceptedOn) {
    }

    public record ReturnRequest(@NotBlank @Size(max = 500) String reason, java.time.LocalDate returnedOn) {
    }

    private final CommandGateway commands;
    private final FundingQueries queries;
    private final ReportingProjection reporting;
    private final ReportingParameters parameters;
    private final Clock clock;

    public ReportingController(CommandGateway commands, FundingQueries queries, ReportingProjection reporting,
                               ReportingParameters parameters, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reporting = reporting;
        this.parameters = parameters;
        this.clock = clock;
    }

    @GetMapping("/api/projects/{projectId}/obligations")
    @Operation(summary = "A project's reports with their status and due dates, whether it is on hold now, and every "
            + "hold it had (started, lifted); an enterprise reads its own")
    public ProjectReportingView obligations(@PathVariable String projectId) {
        project(projectId);
        return reporting.ofProject(projectId)
                .orElse(new ProjectReportingView(projectId, null, false, List.of(), List.of()));
    }

    @PostMapping("/api/projects/{projectId}/obligations/{obligationId}/submission")
    @Operation(summary = "Submit a report: a stored document or a reference; the enterprise of the project (or an "
            + "officer on its behalf)", description = "400 names an unknown obligation. 409: report.already-submitted,"
            + " report.already-accepted, evidence.document-not-stored, report.before-contract, project.closed.")
    public Map<String, String> submit(@PathVariable String projectId, @PathVariable String obligationId,
                                      @Valid @RequestBody SubmissionRequest request) {
        project(projectId);
        commands.sendAndWait(new SubmitReport(projectId, bounded(obligationId), request.documentSha256(),
                request.reference(), CurrentActor.require().subject(),
                BusinessDateInput.orToday(request.submittedOn(), "submittedOn", clock)));
        return Map.of("projectId", projectId, "obligationId", obligationId, "status", "SUBMITTED");
    }

    @PostMapping("/api/projects/{projectId}/obligations/{obligationId}/acceptance")
    @Operation(summary = "Accept a submitted report: a hold it caused is lifted by itself",
            description = "409: report.not-submitted, report.decision-before-submission.")
    public Map<String, String> accept(@PathVariable String projectId, @PathVariable String obligationId,
                                      @Valid @RequestBody AcceptanceRequest request) {
        commands.sendAndWait(new AcceptReport(projectId, bounded(obligationId), CurrentActor.require().subject(),
                request.note(), BusinessDateInput.orToday(request.acceptedOn(), "acceptedOn", clock)));
        return Map.of("projectId", projectId, "obligationId", obligationId, "status", "ACCEPTED");
    }

    @PostMapping("/api/projects/{projectId}/obligations/{obligationId}/return")
    @Operation(summary = "Return a submitted report with the reason: it is due again after the reporting rules' "
            + "period (an open hold stays until a report is accepted)",
            description = "409: report.not-submitted, report.decision-before-submission.")
    public Map<String, String> giveBack(@PathVariable String projectId, @PathVariable String obligationId,
                                        @Valid @RequestBody ReturnRequest request) {
        commands.sendAndWait(new ReturnReport(projectId, bounded(obligationId), CurrentActor.require().subject(),
                request.reason(), BusinessDateInput.orToday(request.returnedOn(), "returnedOn", clock)));
        return Map.of("projectId", projectId, "obligationId", obligationId, "status", "RETURNED");
    }

    @GetMapping("/api/reporting/overdue")
    @Operation(summary = "Overdue reports (逾期报告) not yet accepted, oldest due date first: the funding and finance "
            + "desks' list; escalated=true for the escalated ones only")
    public List<OverdueView> overdue(@RequestParam(required = false) String recipient,
                                     @RequestParam(defaultValue = "false") boolean escalated,
                                     @RequestParam(defaultValue = "200") int limit) {
        String named = recipient == null ? null : UnifiedSocialCreditCode.parse(recipient, "recipient").value();
        return reporting.overdue(named, escalated, bounded(limit));
    }

    @GetMapping("/api/reporting/suspension-proposals")
    @Operation(summary = "Projects proposed for suspension over an overdue report: tasks for an officer, who decides "
            + "(POST /api/projects/{id}/suspension); nothing is suspended by itself")
    public List<OverdueView> suspensionProposals(@RequestParam(defaultValue = "200") int limit) {
        return reporting.suspensionProposals(bounded(limit));
    }

    @GetMapping("/api/reporting/notices")
    @Operation(summary = "Reporting notices recorded (reminder, overdue, escalation, suspension proposal): an "
            + "enterprise reads its own; staff read those of a role, or of a project")
    public List<NoticeView> notices(@RequestParam(required = false) String role,
                                    @RequestParam(required = false) String projectId,
                                    @RequestParam(defaultValue = "100") int limit) {
        var own = CurrentActor.organisationScope();
        if (own.isPresent()) {
            return reporting.notices("ENTERPRISE", own.get(), projectId, bounded(limit));
        }
        if (role != null && !role.equals(ReportingObligations.SUPERVISOR_ROLE)) {
            try {
                Role.valueOf(role);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInputException("role", "is not a role");
            }
        }
        return reporting.notices(role == null ? null : "ROLE", role, projectId, bounded(limit));
    }

    @GetMapping("/api/audit/holds")
    @Operation(summary = "Disbursement holds over overdue reports, by project or recipient: when each started, when "
            + "and why it was lifted, the reporting rules version")
    public List<HoldView> holds(@RequestParam(required = false) String projectId,
                                @RequestParam(required = false) String recipient,
                                @RequestParam(defaultValue = "200") int limit) {
        String named = recipient == null ? null : UnifiedSocialCreditCode.parse(recipient, "recipient").value();
        return reporting.holds(projectId == null ? null : bounded(projectId), named, bounded(limit));
    }

    @GetMapping("/api/funding-parameters/reporting")
    @Operation(summary = "Every version of the reporting rules: schedule, reminder, grace, return, escalation and "
            + "suspension-proposal periods, the recipient-wide hold")
    public ReportingParameters parameters() {
        return parameters;
    }

    private ProjectView project(String projectId) {
        ProjectView project = queries.project(bounded(projectId))
                .orElseThrow(() -> new NotFoundException("project", projectId));
        CurrentActor.requireScopeFor(project.recipientCreditCode());
        return project;
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return limit;
    }

    private static String bounded(String id) {
        if (id.length() > 64) {
            throw new InvalidInputException("id", "is at most 64 characters");
        }
        return id;
    }
}
