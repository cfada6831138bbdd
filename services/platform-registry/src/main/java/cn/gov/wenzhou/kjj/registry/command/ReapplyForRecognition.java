package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A revoked platform applies for recognition again; inside the two-year bar the attempt is refused and recorded. */
public record ReapplyForRecognition(
        @TargetAggregateIdentifier String platformId,
        LocalDate attemptedOn) {
}
