package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The bureau records what an enterprise is for the special fund: a leading (龙头骨干) or chain-leader (链主) enterprise,
 * or neither. Only a funding officer records it, with the reason and the document it rests on; a demand and the
 * priority rule take the tier from this record, never from what an applicant says of itself.
 */
public record RecordEnterpriseTier(@TargetAggregateIdentifier String creditCode, EnterpriseTier tier, String reason,
                                   String documentRef, LocalDate recordedOn) {
}
