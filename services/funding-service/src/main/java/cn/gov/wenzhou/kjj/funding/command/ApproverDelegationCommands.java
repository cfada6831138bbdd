package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What the bureau asks of an approver's payment delegation ({@link ApproverDelegation}). */
public sealed interface ApproverDelegationCommands {

    /**
     * @param level    the approval level the approver acts at (1 = section, 2 = division, 3 = bureau leadership)
     * @param limitFen the largest payment they may approve; 0 withdraws the delegation
     */
    public record SetDelegationLimit(@TargetAggregateIdentifier String approver, int level, long limitFen,
                                     String reason, String setBy, LocalDate effectiveOn)
            implements ApproverDelegationCommands {
    }
}
