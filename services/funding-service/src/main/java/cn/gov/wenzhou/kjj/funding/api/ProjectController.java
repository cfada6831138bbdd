package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.Evidence;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.FundedProject;
import cn.gov.wenzhou.kjj.funding.command.PaymentApprovalParameters;
import cn.gov.wenzhou.kjj.funding.command.ReportingParameters;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.AdjustBudget;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.CloseProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.DisburseTranche;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordAcceptance;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordExpenditure;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecordMidTermCheck;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RecoverFunds;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ResumeProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SignContract;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.SuspendProject;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.TerminateProject;
import cn.gov.wenzhou.kjj.funding.query.FundingQueries;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.ProjectView;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Funded projects", description = "Milestones, tranches, expenditure, budget adjustments, suspension, "
        + "termination with recovery, closure with balance settlement. Money-moving POSTs take an Idempotency-Key.")
public class ProjectController {

    public record ContractRequest(@Schema(example = "温科合〔2025〕031号") @NotBlank @Size(max = 200) String contractRef,
                                  LocalDate signedOn) {
    }

    public record CheckRequest(@NotNull Boolean passed, @NotBlank @Size(max = 200) String documentRef,
                               @Size(max = 500) String note, @Schema(description = "business date") LocalDate date) {
    }

    public record DisbursementRequest(
            @Schema(description = "1-based tranche of the plan", example = "1") @NotNull @Min(1) @Max(20)
            Integer trancheNumber,
            @Schema(description = "fen; what remains of the tranche when omitted", example = "150000000")
            @Positive @Max(Bounds.MAX_FEN) Long amountFen,
            @Schema(description = "payment order (拨付文件) reference; required unless evidence names a document",
                    example = "温财拨〔2025〕88号")
            @Size(max = 200) String documentRef,
            @Size(max = 500) String reason,
            LocalDate disbursedOn,
            @Schema(description = EvidenceInput.DESCRIPTION)
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    public record ExpenditureRequest(
            @Schema(example = "OPERATING") @NotBlank @Size(max = 64) String category,
            @Schema(example = "1250000") @NotNull @Positive @Max(Bounds.MAX_FEN) Long amountFen,
            @Schema(description = "accounting voucher (凭证) reference; required unless evidence names a document",
                    example = "记-2025-06-0153")
            @Size(max = 200) String voucherRef,
            @Schema(example = "密封材料采购") @NotBlank @Size(max = 500) String purpose,
            LocalDate spentOn,
            @Schema(description = "the invoices and vouchers: stored documents by SHA-256, at most 10; an invoice "
                    + "another expenditure claimed (same bytes, or the same e-invoice number and seller) is refused")
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    public record AdjustmentRequest(
            @NotBlank @Size(max = 64) String fromCategory, @NotBlank @Size(max = 64) String toCategory,
            @NotNull @Positive @Max(Bounds.MAX_FEN) Long amountFen,
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "host unit approval (依托单位审批) reference; required when equipment changes")
            @Size(max = 200) String hostApprovalRef,
            LocalDate adjustedOn,
            @Schema(description = EvidenceInput.DESCRIPTION)
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    public record StatusChangeRequest(@NotBlank @Size(max = 500) String reason,
                                      @NotBlank @Size(max = 200) String documentRef, LocalDate date) {
    }

    public record TerminationRequest(
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "required unless evidence names a document") @Size(max = 200) String documentRef,
            @Schema(description = "funds to recover (追回), fen; at most the unspent balance")
            @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long recoveryOrderedFen,
            LocalDate terminatedOn,
            @Schema(description = EvidenceInput.DESCRIPTION)
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    public record RecoveryRequest(
            @NotNull @Positive @Max(Bounds.MAX_FEN) Long amountFen,
            @Schema(description = "required unless evidence names a document") @Size(max = 200) String documentRef,
            LocalDate recoveredOn,
            @Schema(description = EvidenceInput.DESCRIPTION)
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    public record ClosureRequest(
            @Schema(description = "required unless evidence names a document") @Size(max = 200) String documentRef,
            LocalDate closedOn,
            @Schema(description = EvidenceInput.DESCRIPTION)
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    private final CommandGateway commands;
    private final FundingQueries queries;
    private final IdempotentRequests idempotent;
    private final PaymentApprovalParameters approvals;
    private final ReportingParameters reporting;
    private final Clock clock;

    public ProjectController(CommandGateway commands, FundingQueries queries, IdempotentRequests idempotent,
                             PaymentApprovalParameters approvals, ReportingParameters reporting, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.idempotent = idempotent;
        this.approvals = approvals;
        this.reporting = reporting;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Projects of a call or a recipient, optionally in one status; an enterprise sees its own")
    public List<ProjectView> list(@RequestParam(required = false) String callId,
                                  @RequestParam(required = false) String recipient,
                                  @RequestParam(required = false) String status) {
        String named = recipient == null ? null : UnifiedSocialCreditCode.parse(recipient, "recipient").value();
        return queries.projects(callId, CurrentActor.scopedOrganisation(named), status);
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "A project: status, totals, budget by category, tranche plan, parameter version")
    public ProjectView get(@PathVariable String projectId) {
        ProjectView project = queries.project(projectId)
                .orElseThrow(() -> new NotFoundException("project", projectId));
        CurrentActor.requireScopeFor(project.recipientCreditCode());
        return project;
    }

    @PostMapping("/{projectId}/contract")
    @Operation(summary = "The contract is signed: milestone CONTRACT accepted, the first tranche becomes payable; the "
            + "project gets its report schedule from the reporting rules in force on the signing date")
    public Map<String, String> signContract(@PathVariable String projectId,
                                            @Valid @RequestBody ContractRequest request) {
        LocalDate on = BusinessDateInput.orToday(request.signedOn(), "signedOn", clock);
        commands.sendAndWait(new SignContract(projectId, request.contractRef(), on, reporting.on(on)));
        return done(projectId, "contract signed");
    }

    @PostMapping("/{projectId}/mid-term-check")
    @Operation(summary = "Record the mid-term check (中期检查); passing it accepts milestone MID_TERM")
    public Map<String, String> midTermCheck(@PathVariable String projectId, @Valid @RequestBody CheckRequest request) {
        commands.sendAndWait(new RecordMidTermCheck(projectId, request.passed(), request.documentRef(), request.note(),
                BusinessDateInput.orToday(request.date(), "date", clock)));
        return done(projectId, request.passed() ? "mid-term check passed" : "mid-term check failed");
    }

    @PostMapping("/{projectId}/acceptance")
    @Operation(summary = "Record the acceptance review (验收); passing it accepts milestone ACCEPTANCE")
    public Map<String, String> acceptance(@PathVariable String projectId, @Valid @RequestBody CheckRequest request) {
        commands.sendAndWait(new RecordAcceptance(projectId, request.passed(), request.documentRef(), request.note(),
                BusinessDateInput.orToday(request.date(), "date", clock)));
        return done(projectId, request.passed() ? "accepted" : "not accepted");
    }

    @PostMapping("/{projectId}/disbursements")
    @Operation(summary = "Pay (part of) a tranche whose milestone is accepted: above the approval threshold (default "
            + "0: every payment) a request for a second person's approval (202, requestId)",
            description = "409: disbursement.milestone-not-accepted, disbursement.exceeds-award, "
                    + "disbursement.exceeds-tranche, disbursement.tranche-paid, disbursement.project-suspended, "
                    + "disbursement.project-terminated, disbursement.report-overdue (a report of the project, or "
                    + "under the reporting rules of another project of the recipient, is overdue: named with its due "
                    + "date), project.closed, concurrent-modification.")
    public ResponseEntity<Object> disburse(@PathVariable String projectId,
                                           @Valid @RequestBody DisbursementRequest request,
                                           @Parameter(description = "repeat-safe key")
                                           @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                           String key, HttpServletRequest http) {
        LocalDate on = BusinessDateInput.orToday(request.disbursedOn(), "disbursedOn", clock);
        String documentRef = EvidenceInput.paperOrDocuments(request.documentRef(), request.evidence(), "documentRef");
        PaymentApprovalParameters.Version approval = approvals.on(on);
        return idempotent.run(key, http, request, () -> {
            String requestId = UUID.randomUUID().toString();
            String status = commands.sendAndWait(new DisburseTranche(projectId, request.trancheNumber(),
                    request.amountFen(), documentRef, request.reason(), on, requestId,
                    CurrentActor.require().subject(), approval, request.evidence()));
            return FundedProject.AWAITING_APPROVAL.equals(status)
                    ? ResponseEntity.accepted().body(Map.of("projectId", projectId, "trancheNumber",
                    request.trancheNumber(), "requestId", requestId, "status", "AWAITING_APPROVAL",
                    "approvalVersion", approval.version()))
                    : ResponseEntity.ok(Map.of("projectId", projectId, "trancheNumber", request.trancheNumber(),
                    "status", "PAID"));
        });
    }

    @PostMapping("/{projectId}/expenditures")
    @Operation(summary = "Record spending against a budget category, with its voucher",
            description = "400 names an unknown category. 409: expenditure.exceeds-category-budget, "
                    + "expenditure.exceeds-funds-received, project.suspended, project.terminated, project.closed.")
    public ResponseEntity<Object> spend(@PathVariable String projectId,
                                        @Valid @RequestBody ExpenditureRequest request,
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        HttpServletRequest http) {
        LocalDate on = BusinessDateInput.orToday(request.spentOn(), "spentOn", clock);
        String voucherRef = EvidenceInput.paperOrDocuments(request.voucherRef(), request.evidence(), "voucherRef");
        return idempotent.run(key, http, request, () -> {
            String expenditureId = UUID.randomUUID().toString();
            commands.sendAndWait(new RecordExpenditure(projectId, expenditureId, request.category().trim(),
                    request.amountFen(), voucherRef, request.purpose(), on, request.evidence()));
            return ResponseEntity.ok(Map.of("projectId", projectId, "expenditureId", expenditureId));
        });
    }

    @PostMapping("/{projectId}/budget-adjustments")
    @Operation(summary = "Adjust the budget (预算调剂): move money from one category to another",
            description = "Between direct categories other than equipment: the project's decision, reason required. "
                    + "Equipment changes need hostApprovalRef. 409: budget.indirect-never-increases, "
                    + "budget.equipment-needs-host-approval, budget.below-spent.")
    public ResponseEntity<Object> adjust(@PathVariable String projectId,
                                         @Valid @RequestBody AdjustmentRequest request,
                                         @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                         HttpServletRequest http) {
        LocalDate on = BusinessDateInput.orToday(request.adjustedOn(), "adjustedOn", clock);
        return idempotent.run(key, http, request, () -> {
            commands.sendAndWait(new AdjustBudget(projectId, request.fromCategory().trim(),
                    request.toCategory().trim(), request.amountFen(), request.reason(), request.hostApprovalRef(), on,
                    request.evidence()));
            return ResponseEntity.ok(done(projectId, "budget adjusted"));
        });
    }

    @PostMapping("/{projectId}/suspension")
    @Operation(summary = "Suspend the project (暂停): nothing is paid or spent until it resumes")
    public Map<String, String> suspend(@PathVariable String projectId,
                                       @Valid @RequestBody StatusChangeRequest request) {
        commands.sendAndWait(new SuspendProject(projectId, request.reason(), request.documentRef(),
                BusinessDateInput.orToday(request.date(), "date", clock)));
        return done(projectId, "suspended");
    }

    @PostMapping("/{projectId}/resumption")
    @Operation(summary = "Resume a suspended project")
    public Map<String, String> resume(@PathVariable String projectId, @Valid @RequestBody StatusChangeRequest request) {
        commands.sendAndWait(new ResumeProject(projectId, request.reason(), request.documentRef(),
                BusinessDateInput.orToday(request.date(), "date", clock)));
        return done(projectId, "resumed");
    }

    @PostMapping("/{projectId}/termination")
    @Operation(summary = "Terminate the project (终止), ordering recovery (追回) of unspent funds",
            description = "409 recovery.exceeds-unspent-balance, project.already-ended.")
    public ResponseEntity<Object> terminate(@PathVariable String projectId,
                                            @Valid @RequestBody TerminationRequest request,
                                            @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                            String key, HttpServletRequest http) {
        LocalDate on = BusinessDateInput.orToday(request.terminatedOn(), "terminatedOn", clock);
        String documentRef = EvidenceInput.paperOrDocuments(request.documentRef(), request.evidence(), "documentRef");
        return idempotent.run(key, http, request, () -> {
            commands.sendAndWait(new TerminateProject(projectId, request.reason(), documentRef,
                    request.recoveryOrderedFen(), on, request.evidence()));
            return ResponseEntity.ok(done(projectId, "terminated"));
        });
    }

    @PostMapping("/{projectId}/recoveries")
    @Operation(summary = "Record funds recovered from a terminated project",
            description = "409 recovery.project-not-terminated, recovery.exceeds-order.")
    public ResponseEntity<Object> recover(@PathVariable String projectId, @Valid @RequestBody RecoveryRequest request,
                                          @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                          String key, HttpServletRequest http) {
        LocalDate on = BusinessDateInput.orToday(request.recoveredOn(), "recoveredOn", clock);
        String documentRef = EvidenceInput.paperOrDocuments(request.documentRef(), request.evidence(), "documentRef");
        return idempotent.run(key, http, request, () -> {
            commands.sendAndWait(new RecoverFunds(projectId, request.amountFen(), documentRef, on,
                    request.evidence()));
            return ResponseEntity.ok(done(projectId, "recovered"));
        });
    }

    @PostMapping("/{projectId}/closure")
    @Operation(summary = "Close the project and settle its balance (结余): retained after passing acceptance, "
            + "otherwise returned", description = "409 close.not-ready, close.recovery-outstanding, project.closed.")
    public ResponseEntity<Object> close(@PathVariable String projectId, @Valid @RequestBody ClosureRequest request,
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        HttpServletRequest http) {
        LocalDate on = BusinessDateInput.orToday(request.closedOn(), "closedOn", clock);
        String documentRef = EvidenceInput.paperOrDocuments(request.documentRef(), request.evidence(), "documentRef");
        return idempotent.run(key, http, request, () -> {
            commands.sendAndWait(new CloseProject(projectId, documentRef, on, request.evidence()));
            return ResponseEntity.ok(done(projectId, "closed"));
        });
    }

    private static Map<String, String> done(String projectId, String what) {
        return Map.of("projectId", projectId, "result", what);
    }
}
