package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An admission takes a post of the pool (by {@link AdmissionAndExitHandler}, in the admission's unit of work). */
public record TakePost(@TargetAggregateIdentifier String poolId, String enrollmentId, LocalDate takenOn) {
}
