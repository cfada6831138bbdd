package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An exit frees the post the enrollment held. */
public record FreePost(@TargetAggregateIdentifier String poolId, String enrollmentId, LocalDate freedOn) {
}
