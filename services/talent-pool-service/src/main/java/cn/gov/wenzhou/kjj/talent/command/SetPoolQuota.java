package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Sets how many special public-institution posts (专项事业编制) the pool holds for a year.
 *
 * @param decidedOn the business date of the decision
 */
public record SetPoolQuota(@TargetAggregateIdentifier String poolId, int year, int posts, String reason,
                           LocalDate decidedOn) {
}
