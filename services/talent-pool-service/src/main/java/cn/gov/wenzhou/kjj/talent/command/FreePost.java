package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An exit frees the post the enrollment held (by {@link AdmissionAndExitHandler}, in the exit's unit of work). */
public record FreePost(@TargetAggregateIdentifier String poolId, String enrollmentId, LocalDate freedOn) {
}
