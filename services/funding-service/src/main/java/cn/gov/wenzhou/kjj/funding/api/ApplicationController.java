package cn.gov.wenzhou.kjj.funding.api;

import jakarta.validation.constraints.Max;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.Applicant;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.ConfirmPartnership;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.DeclineApplication;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.RankApplications;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.RecordReviewScore;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.SubmitApplication;
import cn.gov.wenzhou.kjj.funding.command.FundingParameters;
import cn.gov.wenzhou.kjj.funding.query.FundingQueries;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.ApplicationView;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
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
@Tag(name = "Applications and review", description = "Bids on listed demands, expert scores, the ranking")
public class ApplicationController {

    /** An organisation in a bid. What it is (leading, chain-leader) is the bureau's record, not the bid's say. */
    public record MemberRequest(
            @Schema(example = "91330300MA2H7K8L0G") @NotBlank @Size(max = 40) String creditCode,
            @Schema(description = "registry id when the member is a registered platform") @Size(max = 64)
            String platformId) {
    }

    public record ApplicationRequest(
            @NotBlank @Size(max = 64) String demandId,
            @Schema(example = "高压泵阀密封件寿命提升攻关") @NotBlank @Size(max = 200) String title,
            @Schema(description = "the lead applicant; an enterprise caller must be the lead") @NotNull @Valid
            MemberRequest lead,
            @Schema(description = "joint partners (empty for a single bid); platforms name their registry id")
            @Size(max = 10) List<@Valid @NotNull MemberRequest> partners,
            @Schema(description = "special-fund support asked for, in fen (at most 10 billion yuan)", example = "200000000")
            @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long requestedFen,
            LocalDate submittedOn) {
    }

    public record ScoreRequest(
            @Schema(description = "pseudonymous expert reference (never a name)", example = "EXP-017")
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String expertRef,
            @Schema(example = "86.50") @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3,
                    fraction = 2) BigDecimal score,
            LocalDate scoredOn) {
    }

    public record RankingRequest(LocalDate rankedOn) {
    }

    public record DeclineRequest(@NotBlank @Size(max = 500) String reason, LocalDate declinedOn) {
    }

    private final CommandGateway commands;
    private final FundingQueries queries;
    private final FundingParameters parameters;
    private final Clock clock;

    public ApplicationController(CommandGateway commands, FundingQueries queries, FundingParameters parameters,
                                 Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.parameters = parameters;
        this.clock = clock;
    }

    @PostMapping("/api/calls/{callId}/applications")
    @Operation(summary = "Apply for a listed demand, alone or jointly (partners may be registered platforms)",
            description = "An enterprise applies as the lead with its own credit code. Each partner then confirms its "
                    + "part (POST …/partners/{creditCode}/confirmation with its own token); until one has, the bid "
                    + "ranks as single. 409 call.not-accepting-applications, application.demand-not-listed, "
                    + "application.duplicate.")
    public ResponseEntity<Map<String, String>> apply(@PathVariable String callId,
                                                     @Valid @RequestBody ApplicationRequest request) {
        Applicant lead = member(request.lead(), "lead.creditCode");
        CurrentActor.requireScopeFor(lead.creditCode());
        List<Applicant> partners = new ArrayList<>();
        List<MemberRequest> partnerRequests = request.partners() == null ? List.of() : request.partners();
        Set<String> seen = new HashSet<>(Set.of(lead.creditCode()));
        for (int i = 0; i < partnerRequests.size(); i++) {
            Applicant partner = member(partnerRequests.get(i), "partners[" + i + "].creditCode");
            if (!seen.add(partner.creditCode())) {
                throw new InvalidInputException("partners[" + i + "].creditCode", "appears twice in the bid");
            }
            partners.add(partner);
        }
        String applicationId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitApplication(callId, applicationId, request.demandId(), request.title().trim(),
                lead, partners, request.requestedFen(),
                BusinessDateInput.orToday(request.submittedOn(), "submittedOn", clock)));
        return ResponseEntity.created(URI.create("/api/applications/" + applicationId))
                .body(Map.of("applicationId", applicationId));
    }

    @GetMapping("/api/calls/{callId}/applications")
    @Operation(summary = "A call's applications by demand and rank (the ranking list once ranked)")
    public List<ApplicationView> ofCall(@PathVariable String callId) {
        return queries.applicationsOfCall(callId);
    }

    @GetMapping("/api/applications")
    @Operation(summary = "Applications led by an organisation (or, with asPartner, naming it as a partner); an "
            + "enterprise or platform sees its own only")
    public List<ApplicationView> ofApplicant(@RequestParam(required = false) String creditCode,
                                             @Parameter(description = "the applications naming the organisation as "
                                                     + "a partner: what it is asked to confirm")
                                             @RequestParam(defaultValue = "false") boolean asPartner) {
        String code = ownCreditCodeOr(creditCode);
        return asPartner ? queries.applicationsWithPartner(code) : queries.applicationsOf(code);
    }

    @GetMapping("/api/applications/{applicationId}")
    @Operation(summary = "One application with its members, scores count, mean score, priority and rank",
            description = "An enterprise or platform sees it when it is the lead or a named partner.")
    public ApplicationView get(@PathVariable String applicationId) {
        ApplicationView application = queries.application(applicationId)
                .orElseThrow(() -> new NotFoundException("application", applicationId));
        CurrentActor.organisationScope().ifPresent(own -> {
            if (application.members().stream().noneMatch(m -> m.creditCode().equals(own))) {
                CurrentActor.requireScopeFor(application.leadCreditCode());
            }
        });
        return application;
    }

    public record ConfirmationRequest(@Schema(description = "business date; today when omitted") LocalDate confirmedOn) {
    }

    @PostMapping("/api/calls/{callId}/applications/{applicationId}/partners/{creditCode}/confirmation")
    @Operation(summary = "A partner confirms its part in a joint bid (with its own ENTERPRISE or PLATFORM token)",
            description = "Until a partner confirms, the bid counts it for nothing and ranks as single; an award "
                    + "includes only the partners that confirmed. Possible until the ranking. 403 for another "
                    + "organisation's token; 409 partnership.not-a-partner, partnership.already-confirmed, "
                    + "partnership.not-open.")
    public Map<String, String> confirm(@PathVariable String callId, @PathVariable String applicationId,
                                       @PathVariable String creditCode,
                                       @Valid @RequestBody(required = false) ConfirmationRequest request) {
        String partner = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        if (CurrentActor.organisationScope().isEmpty()) {
            // the partner's own organisation confirms; bureau staff cannot consent on its behalf
            throw new org.springframework.security.access.AccessDeniedException("only the partner itself confirms");
        }
        CurrentActor.requireScopeFor(partner);
        commands.sendAndWait(new ConfirmPartnership(callId, applicationId, partner,
                BusinessDateInput.orToday(request == null ? null : request.confirmedOn(), "confirmedOn", clock)));
        return Map.of("applicationId", applicationId, "partner", partner, "status", "CONFIRMED");
    }

    @PostMapping("/api/calls/{callId}/applications/{applicationId}/scores")
    @Operation(summary = "Record one expert's score (0-100, two decimals) of an application under review")
    public Map<String, String> score(@PathVariable String callId, @PathVariable String applicationId,
                                     @Valid @RequestBody ScoreRequest request) {
        commands.sendAndWait(new RecordReviewScore(callId, applicationId, request.expertRef(), request.score(),
                BusinessDateInput.orToday(request.scoredOn(), "scoredOn", clock)));
        return Map.of("applicationId", applicationId, "expertRef", request.expertRef());
    }

    @PostMapping("/api/calls/{callId}/ranking")
    @Operation(summary = "Rank every application with the priority rule, on the platform standings known now",
            description = "Under equal conditions (scores within the parameter's band) a joint bid of a leading or "
                    + "chain-leader enterprise with a high-level platform (recognized, not revoked) ranks first. "
                    + "Every fact is verified: joint means a partner confirmed its part; leading or chain-leader is "
                    + "the bureau's record of the enterprise at review time; high-level is funding's standing of the "
                    + "platform, fed by the registry. 409 review.unscored-applications while an application has no "
                    + "score.")
    public Map<String, Object> rank(@PathVariable String callId,
                                    @Valid @RequestBody(required = false) RankingRequest request) {
        LocalDate rankedOn = BusinessDateInput.orToday(request == null ? null : request.rankedOn(), "rankedOn", clock);
        FundingParameters.Rules rules = parameters.rulesOn(rankedOn);
        commands.sendAndWait(new RankApplications(callId, rules.version(), rules.equalScoreBand(), rankedOn));
        return Map.of("callId", callId, "status", "RANKED", "parameterVersion", rules.version());
    }

    @PostMapping("/api/calls/{callId}/applications/{applicationId}/decline")
    @Operation(summary = "Take a ranked application out of contention (withdrawn, disqualified), with the reason")
    public Map<String, String> decline(@PathVariable String callId, @PathVariable String applicationId,
                                       @Valid @RequestBody DeclineRequest request) {
        commands.sendAndWait(new DeclineApplication(callId, applicationId, request.reason(),
                BusinessDateInput.orToday(request.declinedOn(), "declinedOn", clock)));
        return Map.of("applicationId", applicationId, "status", "DECLINED");
    }

    /** An organisation caller always reads its own organisation; others name the organisation. */
    private static String ownCreditCodeOr(String creditCode) {
        String named = creditCode == null ? null : UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        String code = CurrentActor.scopedOrganisation(named);
        if (code == null) {
            throw new InvalidInputException("creditCode", "is required");
        }
        return code;
    }

    /**
     * A member as the bid names it. A platform named by its credit code only goes without a platform id: the command
     * side finds it from what funding recorded of the registry's news, not this controller from a view that can lag.
     */
    private static Applicant member(MemberRequest request, String field) {
        String creditCode = UnifiedSocialCreditCode.parse(request.creditCode(), field).value();
        String platformId = request.platformId() == null || request.platformId().isBlank()
                ? null
                : request.platformId().trim();
        return new Applicant(creditCode, platformId);
    }
}
