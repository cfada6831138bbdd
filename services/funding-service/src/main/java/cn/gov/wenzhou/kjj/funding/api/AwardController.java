package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.Evidence;
import jakarta.validation.constraints.Max;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.BudgetLine;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.AwardApplicationAsProject;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@Tag(name = "Awards", description = "Award a ranked application: a funded project exists")
public class AwardController {

    public record BudgetLineRequest(
            @Schema(description = "a category code of the scheme", example = "OPERATING") @NotBlank @Size(max = 64)
            String category,
            @Schema(example = "100000000") @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long amountFen) {
    }

    public record AwardRequest(
            @Schema(description = "special-fund award, in fen (at most 10 billion yuan)", example = "300000000")
            @NotNull @Positive @Max(Bounds.MAX_FEN) Long awardFen,
            @Schema(description = "the enterprise's own co-funding (自筹), in fen", example = "300000000")
            @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long coFundingFen,
            @Schema(description = "category scheme version; the rules' default scheme when omitted",
                    example = "THREE-CATEGORY-2021") @Size(max = 64) String categoryScheme,
            @Schema(description = "the award by category; adds up to the award") @NotEmpty @Size(max = 20)
            List<@Valid @NotNull BudgetLineRequest> budget,
            @Schema(description = "the award decision's reference; required unless evidence names a document",
                    example = "温科项〔2025〕12号") @Size(max = 200) String documentRef,
            LocalDate awardedOn,
            @Schema(description = EvidenceInput.DESCRIPTION)
            @Size(max = Evidence.MAX_DOCUMENTS) List<String> evidence) {
    }

    private final CommandGateway commands;
    private final FundingParameters parameters;
    private final IdempotentRequests idempotent;
    private final Clock clock;

    public AwardController(CommandGateway commands, FundingParameters parameters, IdempotentRequests idempotent,
                           Clock clock) {
        this.commands = commands;
        this.parameters = parameters;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    @PostMapping("/api/calls/{callId}/applications/{applicationId}/award")
    @Operation(summary = "Award the top-ranked application of its demand: the call records it, the project starts",
            description = "One command, decided on the command side in one transaction: the call, the platforms' "
                    + "standings and the project's own rules. The rules version in force on the award date sets the "
                    + "indirect-cost cap and the tranche plan, and is recorded. 409: award.platform-revoked, "
                    + "award.one-per-demand, award.rank-order, budget.total-equals-award, budget.indirect-cost-cap.")
    public ResponseEntity<Object> award(@PathVariable String callId, @PathVariable String applicationId,
                                        @Valid @RequestBody AwardRequest request,
                                        @Parameter(description = "repeat-safe key; same key, same answer")
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        HttpServletRequest http) {
        LocalDate awardedOn = BusinessDateInput.orToday(request.awardedOn(), "awardedOn", clock);
        String documentRef = EvidenceInput.paperOrDocuments(request.documentRef(), request.evidence(), "documentRef");
        FundingParameters.Rules rules = parameters.rulesOn(awardedOn);
        String schemeVersion = request.categoryScheme() == null ? rules.categoryScheme() : request.categoryScheme();
        FundingParameters.CategoryScheme scheme = parameters.scheme(schemeVersion, "categoryScheme");
        List<BudgetLine> budget = budget(request.budget(), scheme);
        return idempotent.run(key, http, request, () -> {
            String projectId = commands.sendAndWait(new AwardApplicationAsProject(callId, applicationId,
                    UUID.randomUUID().toString(), request.awardFen(), request.coFundingFen(), scheme.version(), budget,
                    rules, documentRef, awardedOn, request.evidence()));
            return ResponseEntity.created(URI.create("/api/projects/" + projectId))
                    .body(Map.of("projectId", projectId, "parameterVersion", rules.version()));
        });
    }

    private static List<BudgetLine> budget(List<BudgetLineRequest> lines, FundingParameters.CategoryScheme scheme) {
        List<BudgetLine> budget = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).category().trim();
            String field = "budget[" + i + "].category";
            FundingParameters.Category category = scheme.category(code).orElseThrow(() -> new InvalidInputException(
                    field, "is not a category of scheme " + scheme.version()));
            if (!seen.add(code)) {
                throw new InvalidInputException(field, "appears twice");
            }
            budget.add(new BudgetLine(code, category.kind(), lines.get(i).amountFen()));
        }
        return budget;
    }
}
