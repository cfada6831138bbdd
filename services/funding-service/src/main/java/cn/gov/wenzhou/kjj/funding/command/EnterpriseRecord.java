package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The bureau's record of one enterprise (by its credit code): its tier for the special fund, with the history of
 * every change. An enterprise without a record is {@link EnterpriseTier#OTHER}.
 */
@Aggregate
public class EnterpriseRecord {

    @AggregateIdentifier
    private String creditCode;
    private EnterpriseTier tier;

    protected EnterpriseRecord() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordEnterpriseTier command) {
        if (command.tier() == null) {
            throw new InvalidInputException("tier", "is required");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the enterprise has this tier");
        }
        if (command.tier() == tier) {
            throw new RuleViolationException("enterprise-tier.unchanged",
                    "the enterprise is already recorded as " + tier);
        }
        apply(new EnterpriseTierRecorded(command.creditCode(), command.tier(), tier, command.reason().trim(),
                command.documentRef(), command.recordedOn()));
    }

    /** The tier decisions read (see {@link EnterpriseTiers}). */
    EnterpriseTier tier() {
        return tier;
    }

    @EventSourcingHandler
    void on(EnterpriseTierRecorded event) {
        creditCode = event.creditCode();
        tier = event.tier();
    }
}
