package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.CloseApplications;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.CurateDemand;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.PublishList;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.SubmitDemand;
import cn.gov.wenzhou.kjj.funding.command.CallCommands.OpenChallengeCall;
import cn.gov.wenzhou.kjj.funding.query.FundingQueries;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.CallView;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.DemandView;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "Challenge calls", description = "Open-competition calls (揭榜挂帅): the call, its demands and the list")
public class ChallengeCallController {

    public record OpenCallRequest(
            @Schema(example = "2025") @NotNull @Min(Bounds.MIN_YEAR) @Max(Bounds.MAX_YEAR) Integer year,
            @Schema(example = "2025年度温州市重大科技攻关项目揭榜挂帅") @NotBlank @Size(max = 200) String title) {
    }

    public record DemandRequest(
            @Schema(description = "the demanding enterprise's Unified Social Credit Code", example = "91330300MA2H7K8L0G")
            @NotBlank @Size(max = 40) String enterpriseCreditCode,
            @Schema(example = "高压大流量泵阀密封可靠性关键技术") @NotBlank @Size(max = 200) String title,
            @Schema(example = "泵阀") @Size(max = 60) String industry,
            @Size(max = 2000) String description,
            @Schema(description = "the most the special fund may contribute, in fen", example = "300000000")
            @NotNull @PositiveOrZero @Max(Bounds.MAX_FEN) Long budgetCeilingFen,
            @Schema(description = "business date; today when omitted") LocalDate submittedOn) {
    }

    public record CurationRequest(@NotNull Boolean listed, @Size(max = 500) String note, LocalDate curatedOn) {
    }

    public record PublicationRequest(LocalDate publishedOn) {
    }

    private final CommandGateway commands;
    private final FundingQueries queries;
    private final Clock clock;

    public ChallengeCallController(CommandGateway commands, FundingQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Open the year's call and start collecting technology demands")
    public ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenCallRequest request) {
        String callId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenChallengeCall(callId, request.year(), request.title().trim(),
                BusinessCalendar.today(clock)));
        return ResponseEntity.created(URI.create("/api/calls/" + callId)).body(Map.of("callId", callId));
    }

    @GetMapping
    @Operation(summary = "Calls, newest year first, optionally of one year")
    public List<CallView> list(@RequestParam(required = false) Integer year) {
        if (year != null) {
            Bounds.year(year, "year");
        }
        return queries.calls(year);
    }

    @GetMapping("/{callId}")
    @Operation(summary = "A call with its phase and counts of demands, listed demands, applications and awards")
    public CallView get(@PathVariable String callId) {
        return call(callId);
    }

    @PostMapping("/{callId}/demands")
    @Operation(summary = "Collect a technology demand (关键核心技术需求) of a leading or chain-leader enterprise",
            description = "An enterprise may submit its own demands only. Whether it is a leading or chain-leader "
                    + "enterprise is the bureau's record (PUT /api/enterprise-tiers/{creditCode}), not the demand's "
                    + "say: 409 demand.leading-enterprises-only for an enterprise recorded otherwise or not at all, "
                    + "call.demands-closed once the list is published.")
    public ResponseEntity<Map<String, String>> submitDemand(@PathVariable String callId,
                                                            @Valid @RequestBody DemandRequest request) {
        String creditCode = UnifiedSocialCreditCode.parse(request.enterpriseCreditCode(), "enterpriseCreditCode")
                .value();
        CurrentActor.requireScopeFor(creditCode);
        String demandId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitDemand(callId, demandId, creditCode, request.title().trim(), request.industry(), request.description(), request.budgetCeilingFen(),
                BusinessDateInput.orToday(request.submittedOn(), "submittedOn", clock)));
        return ResponseEntity.created(URI.create("/api/calls/" + callId + "/demands/" + demandId))
                .body(Map.of("demandId", demandId));
    }

    @GetMapping("/{callId}/demands")
    @Operation(summary = "A call's demands; status SUBMITTED, LISTED or NOT_LISTED",
            description = "An enterprise (any token with an organisation role) sees the published list (LISTED "
                    + "demands) only.")
    public List<DemandView> demands(@PathVariable String callId, @RequestParam(required = false) String status) {
        CallView call = call(callId);
        if (CurrentActor.organisationScope().isPresent()) {
            return "COLLECTING_DEMANDS".equals(call.status()) ? List.of() : queries.demands(callId, "LISTED");
        }
        return queries.demands(callId, status);
    }

    @PostMapping("/{callId}/demands/{demandId}/curation")
    @Operation(summary = "Curate a demand: put it on the list (榜单) or leave it off, with a note")
    public Map<String, String> curate(@PathVariable String callId, @PathVariable String demandId,
                                      @Valid @RequestBody CurationRequest request) {
        commands.sendAndWait(new CurateDemand(callId, demandId, request.listed(), request.note(),
                BusinessDateInput.orToday(request.curatedOn(), "curatedOn", clock)));
        return Map.of("demandId", demandId, "status", request.listed() ? "LISTED" : "NOT_LISTED");
    }

    @PostMapping("/{callId}/publication")
    @Operation(summary = "Publish the list: applications open",
            description = "409 call.uncurated-demands while a demand is not curated, call.empty-list with none listed.")
    public Map<String, String> publish(@PathVariable String callId,
                                       @Valid @RequestBody(required = false) PublicationRequest request) {
        LocalDate on = request == null ? null : request.publishedOn();
        commands.sendAndWait(new PublishList(callId, BusinessDateInput.orToday(on, "publishedOn", clock)));
        return Map.of("callId", callId, "status", "LIST_PUBLISHED");
    }

    @PostMapping("/{callId}/applications-closure")
    @Operation(summary = "Close applications: the expert review starts")
    public Map<String, String> closeApplications(@PathVariable String callId) {
        commands.sendAndWait(new CloseApplications(callId, BusinessCalendar.today(clock)));
        return Map.of("callId", callId, "status", "UNDER_REVIEW");
    }

    private CallView call(String callId) {
        return queries.call(callId).orElseThrow(() -> new NotFoundException("call", callId));
    }
}
