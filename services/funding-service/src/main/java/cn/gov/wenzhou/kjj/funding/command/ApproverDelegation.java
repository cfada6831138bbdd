package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationEvents.DelegationLimitSet;
import cn.gov.wenzhou.kjj.funding.command.ApproverDelegationCommands.SetDelegationLimit;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
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
 * One approver's payment delegation: the level they approve at and the largest payment they may approve, set by
 * command with who set it, when and why. Every change is an event: the history is the delegation's own.
 */
@Aggregate
public class ApproverDelegation {

    public static final int MAX_LEVEL = 3;

    @AggregateIdentifier
    private String approver;
    private int level;
    private long limitFen;
    private int changes;

    protected ApproverDelegation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetDelegationLimit command) {
        if (command.approver() == null || command.approver().isBlank()) {
            throw new InvalidInputException("approver", "must name the approver");
        }
        Bounds.within(command.level(), 1, MAX_LEVEL, "level");
        Bounds.fen(command.limitFen(), "limitFen");
        if (command.approver().equals(command.setBy())) {
            throw new RuleViolationException("delegation.own-limit",
                    "nobody sets their own delegation limit: a second person does");
        }
        if (changes > 0 && command.level() == level && command.limitFen() == limitFen) {
            throw new RuleViolationException("delegation.unchanged", "the delegation is already level " + level
                    + " up to " + limitFen + " fen");
        }
        apply(new DelegationLimitSet(command.approver(), command.level(), command.limitFen(), command.reason(),
                command.setBy(), command.effectiveOn(), "v" + (changes + 1)));
    }

    @EventSourcingHandler
    void on(DelegationLimitSet event) {
        approver = event.approver();
        level = event.level();
        limitFen = event.limitFen();
        changes++;
    }

    /** What the approver may approve now. */
    public Delegation delegation() {
        return new Delegation(approver, level, limitFen, "v" + changes);
    }

    /** @param version the delegation's version (v1, v2, …), recorded on every approval it allowed */
    public record Delegation(String approver, int level, long limitFen, String version) {

        public static Delegation none(String approver) {
            return new Delegation(approver, 0, 0, "none");
        }
    }
}
