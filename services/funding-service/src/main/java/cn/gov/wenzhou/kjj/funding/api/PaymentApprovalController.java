package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApproveDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.EscalateDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.RejectDisbursement;
import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationCommands.SetDelegationLimit;
import cn.gov.wenzhou.kjj.funding.query.PaymentApprovalProjection;
import cn.gov.wenzhou.kjj.funding.query.PaymentApprovalProjection.DelegationView;
import cn.gov.wenzhou.kjj.funding.query.PaymentApprovalProjection.RequestView;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Payment approval", description = "Four-eyes approval of disbursements: requests, approval by a second "
        + "person within their delegation limit, rejection with a reason, escalation, expiry; delegations with history.")
public class PaymentApprovalController {

    public record ApprovalRequest(@Size(max = 500) String note, LocalDate approvedOn) {
    }

    public record DecisionRequest(@NotBlank @Size(max = 500) String reason, LocalDate date) {
    }

    public record DelegationRequest(@NotNull @Min(1) @Max(3) Integer level,
                                    @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long limitFen,
                                    @NotBlank @Size(max = 500) String reason, LocalDate effectiveOn) {
    }

    private final CommandGateway commands;
    private final PaymentApprovalProjection approvals;
    private final Clock clock;

    public PaymentApprovalController(CommandGateway commands, PaymentApprovalProjection approvals, Clock clock) {
        this.commands = commands;
        this.approvals = approvals;
        this.clock = clock;
    }

    @PostMapping("/api/projects/{projectId}/disbursement-requests/{requestId}/approval")
    @Operation(summary = "Approve a disbursement request: the tranche is paid",
            description = "409: approval.own-request (the requester never approves), approval.beyond-delegation-limit"
                    + " (escalate instead), approval.level-too-low, approval.request-expired, approval.not-pending, "
                    + "disbursement.project-suspended/-terminated, project.closed, concurrent-modification.")
    public Map<String, String> approve(@PathVariable String projectId, @PathVariable String requestId,
                                       @Valid @RequestBody ApprovalRequest request) {
        commands.sendAndWait(new ApproveDisbursement(projectId, bounded(requestId), CurrentActor.require().subject(),
                request.note(), BusinessDateInput.orToday(request.approvedOn(), "approvedOn", clock)));
        return Map.of("projectId", projectId, "requestId", requestId, "status", "APPROVED");
    }

    @PostMapping("/api/projects/{projectId}/disbursement-requests/{requestId}/rejection")
    @Operation(summary = "Reject a disbursement request, with the reason", description = "409: approval.not-pending.")
    public Map<String, String> reject(@PathVariable String projectId, @PathVariable String requestId,
                                      @Valid @RequestBody DecisionRequest request) {
        commands.sendAndWait(new RejectDisbursement(projectId, bounded(requestId), CurrentActor.require().subject(),
                request.reason(), BusinessDateInput.orToday(request.date(), "date", clock)));
        return Map.of("projectId", projectId, "requestId", requestId, "status", "REJECTED");
    }

    @PostMapping("/api/projects/{projectId}/disbursement-requests/{requestId}/escalation")
    @Operation(summary = "Pass a request beyond one's delegation to the next approval level",
            description = "409: approval.own-request, approval.no-higher-level, approval.not-pending.")
    public Map<String, String> escalate(@PathVariable String projectId, @PathVariable String requestId,
                                        @Valid @RequestBody DecisionRequest request) {
        commands.sendAndWait(new EscalateDisbursement(projectId, bounded(requestId), CurrentActor.require().subject(),
                request.reason(), BusinessDateInput.orToday(request.date(), "date", clock)));
        return Map.of("projectId", projectId, "requestId", requestId, "status", "ESCALATED");
    }

    @GetMapping("/api/projects/{projectId}/disbursement-requests")
    @Operation(summary = "A project's disbursement requests: the approval chain of each payment")
    public List<RequestView> ofProject(@PathVariable String projectId) {
        return approvals.ofProject(projectId);
    }

    @GetMapping("/api/disbursement-requests/waiting")
    @Operation(summary = "Requests waiting for the signed-in approver: not their own, within their delegation")
    public List<RequestView> waiting(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        String me = CurrentActor.require().subject();
        return approvals.current(me).filter(d -> d.limitFen() > 0)
                .map(d -> approvals.waitingFor(me, d.level(), d.limitFen(), limit)).orElse(List.of());
    }

    @PutMapping("/api/approver-delegations/{approver}")
    @Operation(summary = "Set an approver's delegation (level, limit); never one's own; 0 withdraws it",
            description = "409: delegation.own-limit, delegation.unchanged.")
    public Map<String, Object> delegate(@PathVariable String approver, @Valid @RequestBody DelegationRequest request) {
        commands.sendAndWait(new SetDelegationLimit(bounded(approver), request.level(), request.limitFen(),
                request.reason(), CurrentActor.require().subject(),
                BusinessDateInput.orToday(request.effectiveOn(), "effectiveOn", clock)));
        return Map.of("approver", approver, "level", request.level(), "limitFen", request.limitFen());
    }

    @GetMapping("/api/approver-delegations/{approver}/history")
    @Operation(summary = "Every change of an approver's delegation: who set it, when, why")
    public List<DelegationView> history(@PathVariable String approver) {
        return approvals.history(bounded(approver));
    }

    private static String bounded(String id) {
        if (id.length() > 255) {
            throw new InvalidInputException("id", "is at most 255 characters");
        }
        return id;
    }
}
