package cn.gov.wenzhou.kjj.funding.api;

import cn.gov.wenzhou.kjj.funding.command.EnterpriseTier;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordEvents.EnterpriseTierRecorded;
import cn.gov.wenzhou.kjj.funding.command.EnterpriseRecordCommands.RecordEnterpriseTier;
import cn.gov.wenzhou.kjj.funding.query.FundingQueries;
import cn.gov.wenzhou.kjj.funding.query.FundingViews.EnterpriseTierView;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.security.Actor;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.web.BusinessDateInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@RestController
@RequestMapping("/api/enterprise-tiers")
@Tag(name = "Enterprise tiers", description = "The bureau's record of which enterprises are leading (龙头骨干) or "
        + "chain-leader (链主) enterprises: demands and the priority rule read it, never an applicant's claim")
public class EnterpriseTierController {

    public record TierRequest(
            @Schema(description = "LEADING, CHAIN_LEADER or OTHER", example = "LEADING") @NotNull EnterpriseTier tier,
            @Schema(description = "why the enterprise has this tier", example = "2025年度市级龙头骨干企业名单")
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "the document it rests on", example = "温经信〔2025〕21号") @Size(max = 200)
            String documentRef,
            @Schema(description = "business date; today when omitted") LocalDate recordedOn) {
    }

    /** One change of an enterprise's tier, from the event store: who recorded it (for bureau staff), when, why. */
    public record TierChange(Instant recordedAt, LocalDate recordedOn, String tier, String previousTier,
                             String reason, String documentRef, String recordedBy, String recordedByRole) {
    }

    private final CommandGateway commands;
    private final FundingQueries queries;
    private final EventStore eventStore;
    private final Clock clock;

    public EnterpriseTierController(CommandGateway commands,
                                    FundingQueries queries, EventStore eventStore, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @PutMapping("/{creditCode}")
    @Operation(summary = "Record an enterprise's tier (funding officer), with the reason and the document",
            description = "Demands are collected from enterprises recorded as LEADING or CHAIN_LEADER only, and the "
                    + "priority rule reads the record at review time. The history keeps every change with who "
                    + "recorded it. 409 enterprise-tier.unchanged when the tier is already the recorded one.")
    public Map<String, String> record(@PathVariable String creditCode, @Valid @RequestBody TierRequest request) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        commands.sendAndWait(new RecordEnterpriseTier(code, request.tier(), request.reason(),
                request.documentRef() == null ? null : request.documentRef().trim(),
                BusinessDateInput.orToday(request.recordedOn(), "recordedOn", clock)));
        return Map.of("creditCode", code, "tier", request.tier().name());
    }

    @GetMapping
    @Operation(summary = "Every enterprise the bureau recorded (optionally of one tier), by credit code")
    public List<EnterpriseTierView> list(@RequestParam(required = false) EnterpriseTier tier) {
        return queries.enterpriseTiers(tier == null ? null : tier.name());
    }

    @GetMapping("/{creditCode}")
    @Operation(summary = "An enterprise's recorded tier; an enterprise reads its own only",
            description = "404 for an enterprise the bureau has not recorded (it counts as OTHER).")
    public EnterpriseTierView get(@PathVariable String creditCode) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        CurrentActor.requireScopeFor(code);
        EnterpriseTierView view = queries.enterpriseTier(code)
                .orElseThrow(() -> new NotFoundException("enterprise tier", code));
        return staffShownByRole() ? new EnterpriseTierView(view.creditCode(), view.tier(), view.reason(),
                view.documentRef(), view.recordedOn(),
                Actor.subjectShownToOrganisation(view.recordedBy(), view.recordedByRole()), view.recordedByRole(),
                view.recordedAt()) : view;
    }

    @GetMapping("/{creditCode}/history")
    @Operation(summary = "Every change of an enterprise's tier, from the event store: when, why, who")
    public List<TierChange> history(@PathVariable String creditCode) {
        String code = UnifiedSocialCreditCode.parse(creditCode, "creditCode").value();
        CurrentActor.requireScopeFor(code);
        boolean byRole = staffShownByRole();
        List<TierChange> changes = eventStore.readEvents(code).asStream()
                .filter(event -> event.getPayload() instanceof EnterpriseTierRecorded)
                .map(event -> change(event, byRole))
                .toList();
        if (changes.isEmpty()) {
            throw new NotFoundException("enterprise tier", code);
        }
        return changes;
    }

    private static TierChange change(DomainEventMessage<?> event, boolean byRole) {
        EnterpriseTierRecorded e = (EnterpriseTierRecorded) event.getPayload();
        String subject = Objects.toString(event.getMetaData().get(Actor.SUBJECT_KEY), null);
        String role = Objects.toString(event.getMetaData().get(Actor.ROLE_KEY), null);
        return new TierChange(event.getTimestamp(), e.recordedOn(), e.tier().name(),
                e.previousTier() == null ? null : e.previousTier().name(), e.reason(), e.documentRef(),
                byRole ? Actor.subjectShownToOrganisation(subject, role) : subject, role);
    }

    /** An organisation sees who of the bureau recorded its tier as a role, never as a person's account. */
    private static boolean staffShownByRole() {
        return CurrentActor.organisationScope().isPresent();
    }
}
