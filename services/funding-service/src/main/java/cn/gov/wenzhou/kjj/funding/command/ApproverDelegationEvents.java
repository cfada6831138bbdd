package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;

/** What happened to an approver's delegation: the events of {@link ApproverDelegation}, kept with its history. */
public sealed interface ApproverDelegationEvents {

    public record DelegationLimitSet(String approver, int level, long limitFen, String reason, String setBy,
                                     LocalDate effectiveOn, String delegationVersion)
            implements ApproverDelegationEvents {
    }
}
